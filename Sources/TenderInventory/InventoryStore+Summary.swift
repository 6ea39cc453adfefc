import Foundation
import TenderRules

extension InventoryStore {
    /// The document-level metadata a report groups by. The column names come from this closed
    /// list only, never from user input.
    enum Dimension: String, CaseIterable {
        case municipality, region, year, procedure
    }

    /// Every active finding of the documents that count, for the spreadsheet's findings sheet:
    /// by municipality, document and position. Hours and euros are for one provider per year.
    public func findings(parameters: BurdenParameters) throws(InventoryError) -> [FindingEntry] {
        try reading { db in
            try db.rows("""
                SELECT d.municipality, d.region, d.path, d.title, f.clause, COALESCE(tp.title, f.topic) AS topic, f.category,
                       f.hoursPerYear, f.match
                FROM finding f JOIN document d ON d.id = f.documentId LEFT JOIN topic tp ON tp.id = f.topic
                WHERE \(Self.activeDocuments) AND f.suppressed IS NULL
                ORDER BY d.municipality IS NULL, d.municipality, d.path, f.line, f."column", f.id
                """).map { r in
                let hours: Double = r["hoursPerYear"]
                return FindingEntry(municipality: r["municipality"], region: r["region"], document: r["title"] ?? Self.fileName(r["path"]),
                                    clause: r["clause"], topic: r["topic"], category: r["category"], hoursPerProvider: hours,
                                    eurosPerProvider: hours * parameters.tariff, quote: r["match"])
            }
        }
    }

    /// `…/Zeist/bestek.docx` → `bestek.docx`: reports name files, not local folders.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Documents counted in totals: read successfully in their last scan, and not deleted.
    /// A copy of another document (same tender, any format) counts through that one only.
    static let activeDocuments = "d.status = 'ok' AND d.deletedAt IS NULL AND d.duplicateOf IS NULL"

    /// The aggregates of the store under `parameters`, each list cut to the `limit` heaviest rows.
    /// Runs in one read transaction, so a scan writing at the same time never shows half.
    public func summary(parameters: BurdenParameters, limit: Int = 15) throws(InventoryError) -> InventorySummary {
        let top = max(1, limit)
        return try reading { db in
            let p = parameters.providersPerTender
            let t = parameters.tariff
            let active = Self.activeDocuments

            // Totals.
            let row = try db.rows("""
                SELECT COUNT(*) AS documents,
                       COALESCE(SUM(CASE WHEN d.findingCount > 0 THEN 1 ELSE 0 END), 0) AS withFindings,
                       COALESCE(SUM(d.findingCount), 0) AS findings,
                       COUNT(DISTINCT d.municipality) AS municipalities,
                       COUNT(DISTINCT d.region) AS regions,
                       COALESCE(SUM(CASE WHEN d.municipality IS NULL AND d.region IS NULL AND d.year IS NULL THEN 1 ELSE 0 END), 0) AS withoutMetadata,
                       COALESCE(SUM(d.hoursPerYear), 0) AS hours,
                       COALESCE(SUM(d.hoursPerYear * COALESCE(d.providers, ?)), 0) AS hoursAll
                FROM document d WHERE \(active)
                """, [p]).first
            let unreadable: Int = try db.value("SELECT COUNT(*) FROM document WHERE status = 'error' AND deletedAt IS NULL") ?? 0
            let deleted: Int = try db.value("SELECT COUNT(*) FROM document WHERE deletedAt IS NOT NULL") ?? 0
            let hours: Double = row?["hours"] ?? 0
            let hoursAll: Double = row?["hoursAll"] ?? 0
            let totals = InventorySummary.Totals(
                documents: row?["documents"] ?? 0, documentsWithFindings: row?["withFindings"] ?? 0, findings: row?["findings"] ?? 0,
                municipalities: row?["municipalities"] ?? 0, regions: row?["regions"] ?? 0,
                documentsWithoutMetadata: row?["withoutMetadata"] ?? 0, unreadable: unreadable, deleted: deleted,
                hoursPerProvider: hours, eurosPerProvider: hours * t, hoursAllProviders: hoursAll, eurosAllProviders: hoursAll * t)

            // Findings grouped by topic or category.
            func findingGroups(by column: String, limit: Int?) throws -> [InventorySummary.Group] {
                // MIN(): one title per topic, and PostgreSQL wants every selected column grouped or aggregated.
                let title = column == "topic" ? "MIN(COALESCE(tp.title, f.topic))" : "NULL"
                let category = column == "topic" ? "MIN(f.category)" : "NULL"
                let rows = try db.rows("""
                    SELECT f.\(column) AS key, \(title) AS label, \(category) AS category,
                           COUNT(*) AS findings, COUNT(DISTINCT f.documentId) AS documents,
                           COUNT(DISTINCT d.municipality) AS municipalities,
                           SUM(f.hoursPerYear) AS hours, SUM(f.hoursPerYear * COALESCE(d.providers, ?)) AS hoursAll
                    FROM finding f JOIN document d ON d.id = f.documentId LEFT JOIN topic tp ON tp.id = f.topic
                    WHERE \(active) AND f.suppressed IS NULL
                    GROUP BY f.\(column) ORDER BY hoursAll DESC, key
                    \(limit.map { "LIMIT \($0)" } ?? "")
                    """, [p])
                return rows.map { r in
                    let h: Double = r["hours"], all: Double = r["hoursAll"]
                    return InventorySummary.Group(key: r["key"], label: r["label"], category: r["category"], documents: r["documents"],
                                                  findings: r["findings"], municipalities: r["municipalities"],
                                                  hoursPerProvider: h, eurosPerProvider: h * t, hoursAllProviders: all, eurosAllProviders: all * t)
                }
            }

            // Documents grouped by a metadata dimension.
            func documentGroups(_ dimension: Dimension, limit: Int?) throws -> [InventorySummary.Group] {
                let column = "d.\(dimension.rawValue)"
                let order = dimension == .year ? "\(column) IS NULL, \(column)" : "hoursAll DESC, \(column) IS NULL, \(column)"
                let rows = try db.rows("""
                    SELECT CAST(\(column) AS TEXT) AS key, COUNT(*) AS documents, SUM(d.findingCount) AS findings,
                           COUNT(DISTINCT d.municipality) AS municipalities,
                           SUM(d.hoursPerYear) AS hours, SUM(d.hoursPerYear * COALESCE(d.providers, ?)) AS hoursAll
                    FROM document d WHERE \(active)
                    GROUP BY \(column) ORDER BY \(order)
                    \(limit.map { "LIMIT \($0)" } ?? "")
                    """, [p])
                return rows.map { r in
                    let h: Double = r["hours"], all: Double = r["hoursAll"]
                    return InventorySummary.Group(key: r["key"],
                                                  label: nil, category: nil, documents: r["documents"], findings: r["findings"],
                                                  municipalities: dimension == .municipality ? nil : r["municipalities"],
                                                  hoursPerProvider: h, eurosPerProvider: h * t, hoursAllProviders: all, eurosAllProviders: all * t)
                }
            }

            func count(_ sql: String) throws -> Int { try db.value(sql) ?? 0 }

            var categories = try findingGroups(by: "category", limit: nil)
            for c in Category.allCases where !categories.contains(where: { $0.key == c.rawValue }) {
                categories.append(InventorySummary.Group(key: c.rawValue, label: nil, category: nil, documents: 0, findings: 0, municipalities: 0,
                                                         hoursPerProvider: 0, eurosPerProvider: 0, hoursAllProviders: 0, eurosAllProviders: 0))
            }
            categories.sort { a, b in
                (Category(rawValue: a.key ?? "").flatMap { Category.allCases.firstIndex(of: $0) } ?? Int.max, a.key ?? "")
                    < (Category(rawValue: b.key ?? "").flatMap { Category.allCases.firstIndex(of: $0) } ?? Int.max, b.key ?? "")
            }

            let documentRows = try db.rows("""
                SELECT d.path, d.title, d.municipality, d.region, d.year, d.procedure, d.cpv, COALESCE(d.providers, ?) AS providers,
                       d.findingCount, d.hoursPerYear, d.hoursPerYear * COALESCE(d.providers, ?) AS hoursAll
                FROM document d WHERE \(active) AND d.findingCount > 0
                ORDER BY hoursAll DESC, d.path LIMIT \(top)
                """, [p, p])
            let documents = documentRows.map { r in
                let h: Double = r["hoursPerYear"], all: Double = r["hoursAll"]
                let path: String = r["path"]
                return InventorySummary.DocumentEntry(path: path, name: r["title"] ?? Self.fileName(path), municipality: r["municipality"], region: r["region"], year: r["year"],
                                                      procedure: r["procedure"], cpv: r["cpv"], providers: r["providers"], findings: r["findingCount"],
                                                      hoursPerProvider: h, eurosPerProvider: h * t, hoursAllProviders: all, eurosAllProviders: all * t)
            }

            let years = try documentGroups(.year, limit: nil).filter { $0.key != nil }
            let procedures = try documentGroups(.procedure, limit: top)
            let counts = [
                "topics": try count("SELECT COUNT(DISTINCT f.topic) FROM finding f JOIN document d ON d.id = f.documentId WHERE \(active) AND f.suppressed IS NULL"),
                // Known values only: "onbekend" is not a municipality or a region.
                "municipalities": totals.municipalities,
                "regions": totals.regions,
                "procedures": try count("SELECT COUNT(DISTINCT d.procedure) FROM document d WHERE \(active)"),
                "documents": totals.documentsWithFindings,
            ]
            // Files that are copies of one tender, grouped under the document that counts.
            var merged: [Int64: InventorySummary.MergedDocument] = [:]
            var mergedOrder: [Int64] = []
            let copyRows = try db.rows("""
                SELECT k.id AS keptId, k.path AS keptPath, k.title AS keptTitle, c.path AS copyPath
                FROM document c JOIN document k ON k.id = c.duplicateOf
                WHERE c.status = 'ok' AND c.deletedAt IS NULL AND \(active.replacingOccurrences(of: "d.", with: "k."))
                ORDER BY k.path, c.path
                """)
            for r in copyRows {
                let id: Int64 = r["keptId"]
                if merged[id] == nil {
                    let path: String = r["keptPath"]
                    merged[id] = InventorySummary.MergedDocument(document: r["keptTitle"] ?? Self.fileName(path), files: [Self.fileName(path)])
                    mergedOrder.append(id)
                }
                merged[id]?.files.append(Self.fileName(r["copyPath"]))
            }
            let mergedDocuments = mergedOrder.compactMap { merged[$0] }
            let notRead = try db.rows("SELECT path, error FROM document WHERE status = 'error' AND deletedAt IS NULL ORDER BY path")
                .map { r -> InventorySummary.UnreadFile in
                    let path: String = r["path"], error: String = r["error"] ?? ""
                    let reason = error.hasPrefix(path + ": ") ? String(error.dropFirst(path.count + 2)) : error
                    return InventorySummary.UnreadFile(file: Self.fileName(path), reason: reason)
                }
            let lastScan: Date? = try db.value("SELECT MAX(finishedAt) FROM scan")
            return InventorySummary(parameters: parameters, lastScan: lastScan, totals: totals, categories: categories,
                                    topics: try findingGroups(by: "topic", limit: top),
                                    municipalities: try documentGroups(.municipality, limit: top),
                                    regions: try documentGroups(.region, limit: top),
                                    years: years, procedures: procedures.allSatisfy({ $0.key == nil }) ? [] : procedures,
                                    documents: documents, counts: counts, limit: top,
                                    merged: mergedDocuments, unread: notRead)
        }
    }
}
