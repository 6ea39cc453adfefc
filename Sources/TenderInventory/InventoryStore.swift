import Foundation
import GRDB
import TenderRules

/// The corpus store: one SQLite file (WAL mode) written by exactly one writer.
///
/// Every document is written in its own transaction, together with its findings, so an
/// interrupted scan leaves every document either fully old or fully new; running the scan
/// again picks up where it stopped. Schema: `InventorySchema` and docs/inventory.md.
public final class InventoryStore: Sendable {
    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (and creates or migrates) the store at `path`.
    public init(path: String) throws(InventoryError) {
        self.path = path
        var configuration = Configuration()
        // Another scan or a report holding the file waits a while before failing.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a commit survives the process being killed (Ctrl-C);
            // only a power cut may lose the last commits, which a new scan redoes.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            try InventorySchema.migrator.migrate(pool)
        } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    /// The SQLite message of a GRDB error, on one line.
    static func reason(_ error: any Error) -> String {
        let text = (error as? DatabaseError)?.message ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func reading<T>(_ body: (Database) throws -> T) throws(InventoryError) -> T {
        do { return try pool.read(body) } catch { throw .database(path: path, reason: Self.reason(error)) }
    }

    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(InventoryError) -> T {
        do { return try await pool.write(body) } catch { throw .database(path: path, reason: Self.reason(error)) }
    }

    // MARK: Parameters and catalogue

    /// The burden parameters the corpus was last scanned with, or the documented defaults.
    public func parameters() throws(InventoryError) -> BurdenParameters {
        try reading { db in
            var parameters = BurdenParameters()
            if let tariff = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'tariff'").flatMap(Double.init) {
                parameters.tariff = tariff
            }
            if let providers = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'providersPerTender'").flatMap({ Int($0) }) {
                parameters.providersPerTender = providers
            }
            return parameters
        }
    }

    /// Records `parameters` and re-prices every stored finding at the new tariff (hours stay).
    func setParameters(_ parameters: BurdenParameters) async throws(InventoryError) {
        try await writing { db in
            try db.execute(sql: "INSERT OR REPLACE INTO setting(key, value) VALUES ('tariff', ?), ('providersPerTender', ?)",
                           arguments: [String(parameters.tariff), String(parameters.providersPerTender)])
            try db.execute(sql: "UPDATE finding SET eurosPerYear = hoursPerYear * ? WHERE eurosPerYear != hoursPerYear * ?",
                           arguments: [parameters.tariff, parameters.tariff])
            try db.execute(sql: "UPDATE document SET eurosPerYear = hoursPerYear * ? WHERE eurosPerYear != hoursPerYear * ?",
                           arguments: [parameters.tariff, parameters.tariff])
        }
    }

    /// Stores the topic titles of the catalogue, so reports name topics without the catalogue.
    func setTopics(_ topics: [Taxonomy.Topic]) async throws(InventoryError) {
        let rows = topics.map { ($0.id, $0.category.rawValue, $0.title) }
        try await writing { db in
            for (id, category, title) in rows {
                try db.execute(sql: "INSERT OR REPLACE INTO topic(id, category, title) VALUES (?, ?, ?)", arguments: [id, category, title])
            }
        }
    }

    // MARK: Scanning

    /// What the store knows of every document, by path.
    func knownDocuments() throws(InventoryError) -> [String: KnownDocument] {
        try reading { db in
            var known: [String: KnownDocument] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, contentHash, analysisKey, municipality, region, year, procedure, providers, domain, title,
                       metadataSource, status, deletedAt
                FROM document
                """)
            while let row = try rows.next() {
                let metadata = DocumentMetadata(municipality: row["municipality"], region: row["region"], year: row["year"],
                                                procedure: row["procedure"], providers: row["providers"],
                                                domain: row["domain"], title: row["title"])
                known[row["path"]] = KnownDocument(id: row["id"], contentHash: row["contentHash"], analysisKey: row["analysisKey"],
                                                   metadata: metadata, metadataSource: row["metadataSource"], failed: row["status"] as String == "error",
                                                   deleted: row["deletedAt"] as Date? != nil)
            }
            return known
        }
    }

    /// Replaces a document and all its findings in one transaction.
    func save(_ analysis: DocumentAnalysis) async throws(InventoryError) {
        try await writing { db in
            var document = analysis.document
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM document WHERE path = ?", arguments: [document.path]) {
                document.id = id
                try document.update(db)
                try db.execute(sql: "DELETE FROM finding WHERE documentId = ?", arguments: [id])
            } else {
                try document.insert(db)
            }
            guard let documentId = document.id else { return }
            for var finding in analysis.findings {
                finding.documentId = documentId
                try finding.insert(db)
            }
        }
    }

    /// Updates the metadata of an unchanged document and clears a deletion mark.
    func refresh(id: Int64, metadata: DocumentMetadata, source: String?, at date: Date) async throws(InventoryError) {
        try await writing { db in
            try db.execute(sql: """
                UPDATE document SET municipality = ?, region = ?, year = ?, procedure = ?, providers = ?, domain = ?, title = ?,
                                    metadataSource = ?, deletedAt = NULL, scannedAt = ?
                WHERE id = ?
                """, arguments: [metadata.municipality, metadata.region, metadata.year, metadata.procedure, metadata.providers,
                                 metadata.domain, metadata.title, source, date, id])
        }
    }

    /// Marks every document below `roots` that the scan did not see as deleted (rows are kept).
    /// Returns how many were newly marked.
    func markDeleted(under roots: [String], seen: Set<String>, at date: Date) async throws(InventoryError) -> Int {
        let prefixes = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return try await writing { db in
            var missing: [Int64] = []
            let rows = try Row.fetchCursor(db, sql: "SELECT id, path FROM document WHERE deletedAt IS NULL")
            while let row = try rows.next() {
                let path: String = row["path"]
                guard !seen.contains(path) else { continue }
                if roots.contains(path) || prefixes.contains(where: { path.hasPrefix($0) }) { missing.append(row["id"]) }
            }
            for id in missing {
                try db.execute(sql: "UPDATE document SET deletedAt = ? WHERE id = ?", arguments: [date, id])
            }
            return missing.count
        }
    }

    /// Finds the files that hold one tender (identical copies, or the same text in another format:
    /// `TextFingerprint` similarity at or above its threshold) and marks all but one of each
    /// group `duplicateOf` that one, so that every total counts the tender once. Two files whose
    /// metadata names different municipalities or years are never merged (a region's
    /// municipalities may publish the same model text). The one kept is the file with the most
    /// metadata, then the first path. Returns the files merged and the documents they became.
    func mergeDuplicates() async throws(InventoryError) -> (files: Int, documents: Int) {
        try await writing { db in
            struct Candidate {
                var id: Int64, path: String, print: TextFingerprint, municipality: String?, year: Int?, fields: Int
            }
            var candidates: [Candidate] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, path, textFingerprint, municipality, region, year, procedure, title FROM document
                WHERE status = 'ok' AND deletedAt IS NULL AND textFingerprint IS NOT NULL
                """)
            while let row = try rows.next() {
                guard let print = TextFingerprint(text: row["textFingerprint"]) else { continue }
                let fields = [row["municipality"] as String?, row["region"] as String?, (row["year"] as Int?).map(String.init),
                              row["procedure"] as String?, row["title"] as String?].compactMap { $0 }.count
                candidates.append(Candidate(id: row["id"], path: row["path"], print: print, municipality: row["municipality"],
                                            year: row["year"], fields: fields))
            }
            // Locality-sensitive hashing: documents that agree on all values of one band of the
            // signature are compared; similar documents share a band with high probability.
            var parent = Array(candidates.indices)
            func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
            let bands = 16, width = TextFingerprint.size / bands
            for band in 0..<bands {
                var buckets: [[UInt64]: [Int]] = [:]
                for (i, c) in candidates.enumerated() { buckets[Array(c.print.values[band * width..<(band + 1) * width]), default: []].append(i) }
                for members in buckets.values where members.count > 1 {
                    for (k, a) in members.enumerated() { for b in members[(k + 1)...] {
                        let x = candidates[a], y = candidates[b]
                        if let m = x.municipality, let n = y.municipality, m.lowercased() != n.lowercased() { continue }
                        if let m = x.year, let n = y.year, m != n { continue }
                        guard root(a) != root(b), x.print.similarity(y.print) >= TextFingerprint.threshold else { continue }
                        parent[root(a)] = root(b)
                    } }
                }
            }
            var groups: [Int: [Int]] = [:]
            for i in candidates.indices { groups[root(i), default: []].append(i) }
            try db.execute(sql: "UPDATE document SET duplicateOf = NULL WHERE duplicateOf IS NOT NULL")
            var files = 0, documents = 0
            for members in groups.values where members.count > 1 {
                let keep = members.min { a, b in
                    let x = candidates[a], y = candidates[b]
                    let xm: Int = x.municipality == nil ? 1 : 0, ym: Int = y.municipality == nil ? 1 : 0
                    return (xm, 0 - x.fields, x.path) < (ym, 0 - y.fields, y.path)
                }!
                for i in members where i != keep {
                    try db.execute(sql: "UPDATE document SET duplicateOf = ? WHERE id = ?", arguments: [candidates[keep].id, candidates[i].id])
                }
                files += members.count
                documents += 1
            }
            return (files, documents)
        }
    }

    /// Starts a row in the scan history; returns its id.
    func beginScan(roots: [String], analysisKey: String, parameters: BurdenParameters, at date: Date) async throws(InventoryError) -> Int64 {
        try await writing { db in
            try db.execute(sql: """
                INSERT INTO scan(startedAt, roots, analysisKey, tariff, providersPerTender) VALUES (?, ?, ?, ?, ?)
                """, arguments: [date, roots.joined(separator: "\n"), analysisKey, parameters.tariff, parameters.providersPerTender])
            return db.lastInsertedRowID
        }
    }

    /// Completes a row in the scan history with the counts.
    func finishScan(_ id: Int64, _ summary: ScanSummary, at date: Date) async throws(InventoryError) {
        try await writing { db in
            try db.execute(sql: """
                UPDATE scan SET finishedAt = ?, files = ?, analysed = ?, unchanged = ?, refreshed = ?, failed = ?, deleted = ?, interrupted = ?
                WHERE id = ?
                """, arguments: [date, summary.files, summary.analysed, summary.unchanged, summary.refreshed, summary.failed,
                                 summary.deleted, summary.interrupted, id])
        }
    }
}
