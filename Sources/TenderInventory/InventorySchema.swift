import GRDB

/// The store's tables and indexes, as GRDB migrations. A migration, once released, never changes:
/// a new column or index is a new migration appended to the list.
enum InventorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // Corpus-wide settings: the burden parameters of the last scan (docs/burden.md).
            try db.create(table: "setting") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "topic") { t in
                t.primaryKey("id", .text)
                t.column("category", .text).notNull()
                t.column("title", .text).notNull()
            }
            try db.create(table: "scan") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("startedAt", .datetime).notNull()
                t.column("finishedAt", .datetime)
                t.column("roots", .text).notNull()
                t.column("analysisKey", .text).notNull()
                t.column("tariff", .double).notNull()
                t.column("providersPerTender", .integer).notNull()
                t.column("files", .integer).notNull().defaults(to: 0)
                t.column("analysed", .integer).notNull().defaults(to: 0)
                t.column("unchanged", .integer).notNull().defaults(to: 0)
                t.column("refreshed", .integer).notNull().defaults(to: 0)
                t.column("failed", .integer).notNull().defaults(to: 0)
                t.column("deleted", .integer).notNull().defaults(to: 0)
                t.column("interrupted", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull().unique()
                t.column("contentHash", .text).notNull()
                t.column("format", .text)
                t.column("domains", .text).notNull()
                t.column("municipality", .text).indexed()
                t.column("region", .text).indexed()
                t.column("year", .integer).indexed()
                t.column("procedure", .text)
                t.column("providers", .integer)
                t.column("status", .text).notNull()
                t.column("error", .text)
                t.column("analysisKey", .text).notNull()
                t.column("clauseCount", .integer).notNull()
                t.column("findingCount", .integer).notNull()
                t.column("hoursPerYear", .double).notNull()
                t.column("eurosPerYear", .double).notNull()
                t.column("scannedAt", .datetime).notNull()
                t.column("deletedAt", .datetime)
            }
            try db.create(table: "finding") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("document", onDelete: .cascade).notNull()
                t.column("ruleId", .text).notNull().indexed()
                t.column("topic", .text).notNull().indexed()
                t.column("category", .text).notNull().indexed()
                t.column("severity", .text).notNull()
                t.column("clause", .text)
                t.column("headingPath", .text).notNull()
                t.column("location", .text).notNull()
                t.column("line", .integer).notNull()
                t.column("column", .integer).notNull()
                t.column("match", .text).notNull()
                t.column("hoursPerOccurrence", .double).notNull()
                t.column("occurrencesPerYear", .double).notNull()
                t.column("hoursPerYear", .double).notNull()
                t.column("eurosPerYear", .double).notNull()
                t.column("bearer", .text).notNull()
                t.column("fingerprint", .text).notNull().indexed()
                t.column("suppressed", .text)
            }
        }
        // v2: title, domain and the source of the metadata; the text fingerprint and the copy
        // relation that count one tender once (docs/inventory.md, "Counted once").
        migrator.registerMigration("v2") { db in
            try db.alter(table: "document") { t in
                t.add(column: "domain", .text)
                t.add(column: "title", .text)
                t.add(column: "metadataSource", .text)
                t.add(column: "textFingerprint", .text)
                t.add(column: "duplicateOf", .integer)
            }
            try db.create(index: "document_on_duplicateOf", on: "document", columns: ["duplicateOf"])
        }
        // v3: the CPV codes (from a metadata source or an eForms notice).
        migrator.registerMigration("v3") { db in
            try db.alter(table: "document") { t in t.add(column: "cpv", .text) }
        }
        return migrator
    }
}
