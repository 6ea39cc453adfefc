import Foundation
import GRDB
import TenderRules

/// The corpus store: an SQLite file (`SQLiteInventoryDatabase`) or a PostgreSQL database
/// (TenderInventoryPostgres), behind `InventoryDatabase`. The scanner and the reports see only this
/// type; its SQL is the subset both backends share.
///
/// Every document is written in its own transaction, together with its findings, so an
/// interrupted scan leaves every document either fully old or fully new; running the scan
/// again picks up where it stopped. Schema: `InventorySchema` and docs/inventory.md.
public final class InventoryStore: Sendable {
    /// The store as named in messages: the database file, or a PostgreSQL URL without password.
    public let path: String
    let database: any InventoryDatabase

    /// Opens (and creates or migrates) the SQLite store at `path`.
    public convenience init(path: String) throws(InventoryError) {
        do {
            self.init(database: try SQLiteInventoryDatabase(path: path))
        } catch {
            throw .database(path: path, reason: Self.reason(error))
        }
    }

    /// A store on an open (and migrated) backend.
    public init(database: any InventoryDatabase) {
        self.database = database
        path = database.location
    }

    /// The SQLite message of a GRDB error, on one line.
    static func reason(_ error: any Error) -> String {
        let text = (error as? DatabaseError)?.message ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    func reading<T>(_ body: (any SQLSession) throws -> T) throws(InventoryError) -> T {
        do { return try database.read(body) } catch { throw .database(path: path, reason: database.reason(error)) }
    }

    func writing<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws(InventoryError) -> T {
        do { return try await database.write(body) } catch { throw .database(path: path, reason: database.reason(error)) }
    }

    // MARK: Parameters and catalogue

    /// The burden parameters the corpus was last scanned with, or the documented defaults.
    public func parameters() throws(InventoryError) -> BurdenParameters {
        try reading { db in
            var parameters = BurdenParameters()
            if let tariff = (try db.value("SELECT value FROM setting WHERE key = 'tariff'") as String?).flatMap(Double.init) {
                parameters.tariff = tariff
            }
            if let providers = (try db.value("SELECT value FROM setting WHERE key = 'providersPerTender'") as String?).flatMap({ Int($0) }) {
                parameters.providersPerTender = providers
            }
            if let source = try db.value("SELECT value FROM setting WHERE key = 'tariffSource'") as String?, !source.isEmpty {
                parameters.tariffSource = source
            }
            if let year = (try db.value("SELECT value FROM setting WHERE key = 'tariffYear'") as String?).flatMap({ Int($0) }) {
                parameters.tariffYear = year
            }
            return parameters
        }
    }

    /// Records `parameters` and re-prices every stored finding at the new tariff (hours stay).
    func setParameters(_ parameters: BurdenParameters) async throws(InventoryError) {
        try await writing { db in
            try db.execute("""
                INSERT INTO setting(key, value) VALUES ('tariff', ?), ('providersPerTender', ?), ('tariffSource', ?), ('tariffYear', ?)
                ON CONFLICT(key) DO UPDATE SET value = excluded.value
                """, [String(parameters.tariff), String(parameters.providersPerTender), parameters.tariffSource ?? "",
                      parameters.tariffYear.map(String.init) ?? ""])
            try db.execute("UPDATE finding SET eurosPerYear = hoursPerYear * ? WHERE eurosPerYear != hoursPerYear * ?",
                           [parameters.tariff, parameters.tariff])
            try db.execute("UPDATE document SET eurosPerYear = hoursPerYear * ? WHERE eurosPerYear != hoursPerYear * ?",
                           [parameters.tariff, parameters.tariff])
        }
    }

    /// Stores the topic titles of the catalogue, so reports name topics without the catalogue.
    func setTopics(_ topics: [Taxonomy.Topic]) async throws(InventoryError) {
        let rows = topics.map { ($0.id, $0.category.rawValue, $0.title) }
        try await writing { db in
            for (id, category, title) in rows {
                try db.execute("""
                    INSERT INTO topic(id, category, title) VALUES (?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET category = excluded.category, title = excluded.title
                    """, [id, category, title])
            }
        }
    }

    // MARK: Scanning

    /// What the store knows of every document, by path.
    func knownDocuments() throws(InventoryError) -> [String: KnownDocument] {
        try reading { db in
            var known: [String: KnownDocument] = [:]
            let rows = try db.rows("""
                SELECT id, path, contentHash, analysisKey, municipality, region, year, procedure, providers, domain, title,
                       cpv, metadataSource, status, deletedAt
                FROM document
                """)
            for row in rows {
                let metadata = DocumentMetadata(municipality: row["municipality"], region: row["region"], year: row["year"],
                                                procedure: row["procedure"], providers: row["providers"],
                                                domain: row["domain"], title: row["title"], cpv: row["cpv"])
                known[row["path"]] = KnownDocument(id: row["id"], contentHash: row["contentHash"], analysisKey: row["analysisKey"],
                                                   metadata: metadata, metadataSource: row["metadataSource"], failed: row["status"] as String == "error",
                                                   deleted: row["deletedAt"] as Date? != nil)
            }
            return known
        }
    }

    /// Replaces a document and all its findings in one transaction. The row is found or made by
    /// its path in one statement (an upsert), so two scans of one folder at once cannot both
    /// insert it: the second waits for the first's commit and replaces its work.
    func save(_ analysis: DocumentAnalysis) async throws(InventoryError) {
        try await writing { db in
            let document = analysis.document
            let columns = DocumentRecord.columns
            guard let id: Int64 = try db.value("""
                INSERT INTO document(\(columns.joined(separator: ", "))) VALUES (\(Self.placeholders(columns.count)))
                ON CONFLICT(path) DO UPDATE SET \(columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
                RETURNING id
                """, document.values) else { return }
            try db.execute("DELETE FROM finding WHERE documentId = ?", [id])
            // Many rows per statement: one round trip per 50 findings on a server.
            let findingColumns = FindingRecord.columns
            var start = 0
            while start < analysis.findings.count {
                let chunk = analysis.findings[start..<min(start + 50, analysis.findings.count)]
                let rows = Array(repeating: "(\(Self.placeholders(findingColumns.count + 1)))", count: chunk.count).joined(separator: ", ")
                try db.execute("INSERT INTO finding(documentId, \(findingColumns.joined(separator: ", "))) VALUES \(rows)",
                               chunk.flatMap { [id] + $0.values })
                start += chunk.count
            }
        }
    }

    /// `?, ?, ?` for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    /// Updates the metadata of an unchanged document and clears a deletion mark.
    func refresh(id: Int64, metadata: DocumentMetadata, source: String?, at date: Date) async throws(InventoryError) {
        try await writing { db in
            try db.execute("""
                UPDATE document SET municipality = ?, region = ?, year = ?, procedure = ?, providers = ?, domain = ?, title = ?,
                                    cpv = ?, metadataSource = ?, deletedAt = NULL, scannedAt = ?
                WHERE id = ?
                """, [metadata.municipality, metadata.region, metadata.year, metadata.procedure, metadata.providers,
                      metadata.domain, metadata.title, metadata.cpv, source, date, id])
        }
    }

    /// Marks every document below `roots` that the scan did not see as deleted (rows are kept).
    /// Returns how many were newly marked.
    func markDeleted(under roots: [String], seen: Set<String>, at date: Date) async throws(InventoryError) -> Int {
        let prefixes = roots.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        return try await writing { db in
            var missing: [Int64] = []
            for row in try db.rows("SELECT id, path FROM document WHERE deletedAt IS NULL") {
                let path: String = row["path"]
                guard !seen.contains(path) else { continue }
                if roots.contains(path) || prefixes.contains(where: { path.hasPrefix($0) }) { missing.append(row["id"]) }
            }
            for id in missing {
                try db.execute("UPDATE document SET deletedAt = ? WHERE id = ?", [date, id])
            }
            return missing.count
        }
    }

    /// Finds the files that hold one tender (identical copies, or the same text in another format:
    /// `TextFingerprint` similarity at or above its threshold) and marks all but one of each
    /// group `duplicateOf` that one, so that every total counts the tender once. Two files whose
    /// metadata names different municipalities or years are never in one group, not even through a
    /// third file without metadata that resembles both (a region's
    /// municipalities may publish the same model text). The one kept is the file with the most
    /// metadata, then the first path. Returns the files merged and the documents they became.
    func mergeDuplicates() async throws(InventoryError) -> (files: Int, documents: Int) {
        try await writing { db in
            struct Candidate {
                var id: Int64, path: String, print: TextFingerprint, municipality: String?, year: Int?, fields: Int
            }
            struct Pair: Hashable { var a: Int, b: Int }
            var candidates: [Candidate] = []
            let rows = try db.rows("""
                SELECT id, path, textFingerprint, municipality, region, year, procedure, title FROM document
                WHERE status = 'ok' AND deletedAt IS NULL AND textFingerprint IS NOT NULL
                ORDER BY path
                """)
            for row in rows {
                guard let print = TextFingerprint(text: row["textFingerprint"]) else { continue }
                let fields = [row["municipality"] as String?, row["region"] as String?, (row["year"] as Int?).map(String.init),
                              row["procedure"] as String?, row["title"] as String?].compactMap { $0 }.count
                candidates.append(Candidate(id: row["id"], path: row["path"], print: print, municipality: row["municipality"],
                                            year: row["year"], fields: fields))
            }
            // Locality-sensitive hashing: documents that agree on all values of one band of the
            // signature are compared; similar documents share a band with high probability.
            var similar: [Pair: Double] = [:]
            let bands = 16, width = TextFingerprint.size / bands
            for band in 0..<bands {
                var buckets: [[UInt64]: [Int]] = [:]
                for (i, c) in candidates.enumerated() { buckets[Array(c.print.values[band * width..<(band + 1) * width]), default: []].append(i) }
                for members in buckets.values where members.count > 1 {
                    for (k, a) in members.enumerated() { for b in members[(k + 1)...] {
                        let pair = Pair(a: min(a, b), b: max(a, b))
                        guard similar[pair] == nil else { continue }
                        let x = candidates[a], y = candidates[b]
                        if let m = x.municipality, let n = y.municipality, m.lowercased() != n.lowercased() { continue }
                        if let m = x.year, let n = y.year, m != n { continue }
                        let similarity = x.print.similarity(y.print)
                        if similarity >= TextFingerprint.threshold { similar[pair] = similarity }
                    } }
                }
            }
            // Groups are joined most similar pair first (then by path: the same on every backend
            // and every run), and never so that one group holds two municipalities or two years:
            // a copy without metadata that resembles the tenders of two municipalities joins the
            // one it resembles most, instead of merging both tenders into one.
            var parent = Array(candidates.indices)
            func root(_ i: Int) -> Int { var i = i; while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }; return i }
            var municipalityOf = candidates.map { $0.municipality?.lowercased() }
            var yearOf = candidates.map(\.year)
            for (pair, _) in similar.sorted(by: { ($1.value, $0.key.a, $0.key.b) < ($0.value, $1.key.a, $1.key.b) }) {
                let ra = root(pair.a), rb = root(pair.b)
                guard ra != rb else { continue }
                if let m = municipalityOf[ra], let n = municipalityOf[rb], m != n { continue }
                if let m = yearOf[ra], let n = yearOf[rb], m != n { continue }
                parent[ra] = rb
                municipalityOf[rb] = municipalityOf[rb] ?? municipalityOf[ra]
                yearOf[rb] = yearOf[rb] ?? yearOf[ra]
            }
            var groups: [Int: [Int]] = [:]
            for i in candidates.indices { groups[root(i), default: []].append(i) }
            try db.execute("UPDATE document SET duplicateOf = NULL WHERE duplicateOf IS NOT NULL")
            var files = 0, documents = 0
            for members in groups.values where members.count > 1 {
                let keep = members.min { a, b in
                    let x = candidates[a], y = candidates[b]
                    let xm: Int = x.municipality == nil ? 1 : 0, ym: Int = y.municipality == nil ? 1 : 0
                    return (xm, 0 - x.fields, x.path) < (ym, 0 - y.fields, y.path)
                }!
                for i in members where i != keep {
                    try db.execute("UPDATE document SET duplicateOf = ? WHERE id = ?", [candidates[keep].id, candidates[i].id])
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
            let id: Int64? = try db.value("""
                INSERT INTO scan(startedAt, roots, analysisKey, tariff, providersPerTender) VALUES (?, ?, ?, ?, ?) RETURNING id
                """, [date, roots.joined(separator: "\n"), analysisKey, parameters.tariff, parameters.providersPerTender])
            return id ?? 0
        }
    }

    /// Completes a row in the scan history with the counts.
    func finishScan(_ id: Int64, _ summary: ScanSummary, at date: Date) async throws(InventoryError) {
        try await writing { db in
            try db.execute("""
                UPDATE scan SET finishedAt = ?, files = ?, analysed = ?, unchanged = ?, refreshed = ?, failed = ?, deleted = ?, interrupted = ?
                WHERE id = ?
                """, [date, summary.files, summary.analysed, summary.unchanged, summary.refreshed, summary.failed,
                                 summary.deleted, summary.interrupted, id])
        }
    }
}
