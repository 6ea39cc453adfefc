import Foundation
import GRDB
import PostgresNIO
import Testing
import TenderInventory
import TenderInventoryPostgres
import TenderLint
import TenderReport

/// The PostgreSQL server the tests use: `TENDERLINT_TEST_POSTGRES_URL`, by default the one
/// scripts/start-postgres.sh starts. Each test makes a database of its own and drops it after.
/// Without a server the tests fail (they do not skip): CI starts one before `swift test`.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["TENDERLINT_TEST_POSTGRES_URL"]
        ?? "postgres://tenderlint:tenderlint@127.0.0.1:55432/tenderlint_test"

    /// Runs `body` with the URL of a new empty database on the server, dropped afterwards.
    static func withFreshDatabase(_ body: (String) async throws -> Void) async throws {
        let name = "tenderlint_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await admin("CREATE DATABASE \(name)")
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        let databaseURL = try #require(components.string)
        do {
            try await body(databaseURL)
        } catch {
            await drop(name)
            throw error
        }
        await drop(name)
    }

    static func drop(_ name: String) async {
        // FORCE: the stores of the test may still hold their connections.
        do { try await admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") } catch { Issue.record("could not drop \(name): \(error)") }
    }

    /// Runs one statement (outside a transaction) on the server's test database.
    static func admin(_ sql: String) async throws {
        do {
            try await query(sql, on: url)
        } catch {
            throw Unavailable(text: "no PostgreSQL server for the tests at \(url) (start one with scripts/start-postgres.sh, "
                + "or set TENDERLINT_TEST_POSTGRES_URL): \(String(reflecting: error))")
        }
    }

    struct Unavailable: Error, CustomStringConvertible {
        var text: String
        var description: String { text }
    }

    /// The rows of `sql` on `databaseURL`, each as text.
    @discardableResult
    static func query(_ sql: String, on databaseURL: String) async throws -> [[String?]] {
        let target = try PostgresURL(databaseURL)
        let host = try #require(target.host)
        let configuration = PostgresConnection.Configuration(host: host, port: target.port, username: target.user,
                                                             password: target.password, database: target.database, tls: .disable)
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            var result: [[String?]] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
                result.append(row.map { cell in
                    guard cell.bytes != nil else { return nil }
                    switch cell.dataType {
                    case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map { String($0) }
                    case .bool: return (try? cell.decode(Bool.self)).map { String($0) }
                    default: return try? cell.decode(String.self)
                    }
                })
            }
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

@Suite struct PostgresInventoryTests {
    static let municipalities = ["Zeist", "De Bilt", "Bunnik", "Leiden", "Katwijk", "Enschede"]
    static let regions = ["Utrecht-Oost", "Holland Rijnland", "Twente"]

    /// Six tenders with metadata for six municipalities in three regions, two copies in another
    /// format, one real tender as DOCX/ODT/PDF, a broken DOCX and a Word 97 file; the table's path.
    static func makeCorpus(_ folder: URL, engine: Engine) throws -> String {
        let fm = FileManager.default
        let corpus = folder.appendingPathComponent("corpus")
        try fm.createDirectory(at: corpus, withIntermediateDirectories: true)
        var table = "bestand;gemeente;regio;jaar;aantal aanbieders;domein\n"
        for (i, text) in InventoryFixture.documents(count: municipalities.count, catalogue: engine.catalogue).enumerated() {
            try text.write(to: corpus.appendingPathComponent("bestek-\(i + 1).md"), atomically: true, encoding: .utf8)
            if i < 2 { try text.write(to: corpus.appendingPathComponent("bestek-\(i + 1)-kopie.txt"), atomically: true, encoding: .utf8) }
            table += "bestek-\(i + 1).md;\(municipalities[i]);\(regions[i / 2]);\(2023 + i % 3);\(10 + i);\(i % 2 == 0 ? "jeugd" : "wmo")\n"
        }
        for ext in ["docx", "odt", "pdf"] {
            try fm.copyItem(atPath: InventoryFixture.samplesFolder + "/formats/inkoopdocument-jeugdhulp." + ext,
                            toPath: corpus.appendingPathComponent("jeugdhulp-zeist." + ext).path)
        }
        table += "jeugdhulp-zeist.docx;Zeist;Utrecht-Oost;2025;;jeugd\n"
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200)).write(to: corpus.appendingPathComponent("kapot.docx"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 504)).write(to: corpus.appendingPathComponent("oud-bestek.doc"))
        let tablePath = folder.appendingPathComponent("metadata.csv").path
        try table.write(toFile: tablePath, atomically: true, encoding: .utf8)
        return tablePath
    }

    /// Everything a report shows, rendered: HTML, JSON, CSV per table (both dialects).
    /// The time of the last scan differs between two stores and is left out.
    static func reports(_ store: InventoryStore) throws -> [String: String] {
        let parameters = try store.parameters()
        var summary = try store.summary(parameters: parameters, limit: 50)
        summary.lastScan = nil
        let details = try store.details(parameters: parameters)
        let findings = try store.findings(parameters: parameters)
        let options = InventoryReportOptions(language: .nl, toolVersion: "test", database: nil)
        var out = [
            "html": InventoryReportFormat.html(summary, details: details, options: options),
            "json": try InventoryReportFormat.json.render(summary, options: options),
            "csv-long": try InventoryReportFormat.csvLong.render(summary, options: options),
        ]
        for dialect in [CSVDialect.dutch, .international] {
            for file in InventorySpreadsheet.csv(summary, findings: findings, language: .nl, dialect: dialect) {
                out["\(dialect)/\(file.name)"] = file.text
            }
        }
        return out
    }

    @Test func theSameCorpusGivesTheSameReportInSQLiteAndPostgreSQL() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let tablePath = try Self.makeCorpus(folder, engine: engine)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)
        let corpus = folder.appendingPathComponent("corpus").path

        let sqlite = try InventoryStore(path: folder.appendingPathComponent("corpus.sqlite").path)
        let fromSQLite = try await scanner.scan([corpus], into: sqlite, parameters: BurdenParameters())
        try await PostgresTestServer.withFreshDatabase { url in
            let postgres = try InventoryStore.open(url)
            let fromPostgres = try await scanner.scan([corpus], into: postgres, parameters: BurdenParameters())

            #expect(fromPostgres.files == fromSQLite.files)
            #expect(fromPostgres.analysed == fromSQLite.analysed)
            #expect(fromPostgres.failed == 2)
            #expect(fromPostgres.findings == fromSQLite.findings)
            #expect(fromPostgres.duplicateFiles == fromSQLite.duplicateFiles)
            #expect(fromPostgres.duplicateDocuments == fromSQLite.duplicateDocuments)
            #expect(fromPostgres.duplicateDocuments == 3, "two text copies and one tender in three formats")

            let p = try postgres.summary(parameters: postgres.parameters(), limit: 50)
            let s = try sqlite.summary(parameters: sqlite.parameters(), limit: 50)
            #expect(p.totals.documents > 0 && p.totals.findings > 0)
            #expect(p.totals == s.totals)
            #expect(p.totals.municipalities == 6)
            #expect(p.totals.regions == 3)
            #expect(p.lastScan != nil)
            #expect(try postgres.details(parameters: BurdenParameters()) == sqlite.details(parameters: BurdenParameters()))
            #expect(try postgres.findings(parameters: BurdenParameters()) == sqlite.findings(parameters: BurdenParameters()))

            let fromBoth = (try Self.reports(sqlite), try Self.reports(postgres))
            #expect(fromBoth.0.keys.sorted() == fromBoth.1.keys.sorted())
            for (name, text) in fromBoth.0 {
                #expect(fromBoth.1[name] == text, "\(name) differs between SQLite and PostgreSQL")
            }
            // The XLSX workbook too, byte for byte.
            let parameters = BurdenParameters()
            var ps = p, ss = s
            ps.lastScan = nil
            ss.lastScan = nil
            #expect(try InventorySpreadsheet.xlsx(ps, findings: postgres.findings(parameters: parameters), language: .nl)
                    == InventorySpreadsheet.xlsx(ss, findings: sqlite.findings(parameters: parameters), language: .nl))
        }
    }

    @Test func aRescanIsIncrementalAndKeepsTheMetadata() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let tablePath = try Self.makeCorpus(folder, engine: engine)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)
        let corpus = folder.appendingPathComponent("corpus").path
        try await PostgresTestServer.withFreshDatabase { url in
            let first = try await scanner.scan([corpus], into: InventoryStore.open(url), parameters: BurdenParameters())
            #expect(first.analysed == first.files - first.failed)
            // A second analyst, another connection, no metadata table: nothing analysed, nothing lost.
            scanner.table = nil
            let store = try InventoryStore.open(url)
            let before = try store.summary(parameters: BurdenParameters(), limit: 50)
            let again = try await scanner.scan([corpus], into: store, parameters: BurdenParameters())
            #expect(again.analysed == 0)
            #expect(again.refreshed == 0)
            #expect(again.unchanged == first.files - first.failed)
            var after = try store.summary(parameters: BurdenParameters(), limit: 50)
            #expect(after.municipalities == before.municipalities)
            #expect(after.totals.municipalities == 6)
            let source = try await PostgresTestServer.query("SELECT metadataSource FROM document WHERE path LIKE '%/bestek-1.md'", on: url)
            #expect(source.first?.first??.contains("tabel metadata.csv") == true, "\(source)")

            // One changed file: only it is analysed again.
            try (String(contentsOfFile: corpus + "/bestek-6.md", encoding: .utf8) + "\n## Artikel 8\n\n8.1 Gewijzigd.\n")
                .write(toFile: corpus + "/bestek-6.md", atomically: true, encoding: .utf8)
            try FileManager.default.removeItem(atPath: corpus + "/bestek-5.md")
            let third = try await scanner.scan([corpus], into: store, parameters: BurdenParameters())
            #expect(third.analysed == 1)
            #expect(third.deleted == 1)
            after = try store.summary(parameters: BurdenParameters(), limit: 50)
            #expect(after.totals.deleted == 1)
            #expect(after.totals.municipalities == 5, "Katwijk's only tender is gone")
            let scans = try await PostgresTestServer.query("SELECT COUNT(*) FROM scan WHERE finishedAt IS NOT NULL", on: url)
            #expect(scans == [["3"]])
        }
    }

    @Test func twoScansOfOneFolderAtOnceLeaveOneConsistentStore() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let tablePath = try Self.makeCorpus(folder, engine: engine)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)
        let corpus = folder.appendingPathComponent("corpus").path
        try await PostgresTestServer.withFreshDatabase { url in
            // Two analysts, two processes' worth of connections, the same folder at the same moment.
            let a = try InventoryStore.open(url), b = try InventoryStore.open(url)
            let scanning = scanner
            async let first = scanning.scan([corpus], into: a, parameters: BurdenParameters())
            async let second = scanning.scan([corpus], into: b, parameters: BurdenParameters())
            let (x, y) = try await (first, second)
            #expect(x.files == y.files)

            // One row per file, findings of one analysis each: the same store as one scan into SQLite.
            let rows = try await PostgresTestServer.query("SELECT COUNT(*), COUNT(DISTINCT path) FROM document", on: url)
            #expect(rows == [["\(x.files)", "\(x.files)"]])
            let sqlite = try InventoryStore(path: folder.appendingPathComponent("one.sqlite").path)
            _ = try await scanner.scan([corpus], into: sqlite, parameters: BurdenParameters())
            var p = try a.summary(parameters: BurdenParameters(), limit: 50), s = try sqlite.summary(parameters: BurdenParameters(), limit: 50)
            p.lastScan = nil
            s.lastScan = nil
            #expect(p == s)
            let perDocument = try await PostgresTestServer.query("""
                SELECT COUNT(*) FROM document d WHERE d.findingCount <> (SELECT COUNT(*) FROM finding f WHERE f.documentId = d.id AND f.suppressed IS NULL)
                """, on: url)
            #expect(perDocument == [["0"]])
        }
    }

    @Test func theSchemaIsTheSQLiteSchema() async throws {
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let path = folder.appendingPathComponent("schema.sqlite").path
        _ = try InventoryStore(path: path)
        try await PostgresTestServer.withFreshDatabase { url in
            _ = try InventoryStore.open(url)
            _ = try InventoryStore.open(url) // a second open migrates nothing

            let queue = try DatabaseQueue(path: path)
            let (sqliteColumns, sqliteIndexes, sqliteMigrations) = try await queue.read { db in
                var columns: [String] = []
                for table in ["setting", "topic", "scan", "document", "finding"] {
                    for row in try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))") {
                        let name: String = row["name"], notNull: Bool = row["notnull"], pk: Int = row["pk"]
                        columns.append("\(table).\(name.lowercased()) \(notNull || pk > 0 ? "not null" : "null")")
                    }
                }
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
                let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
                return (columns.sorted(), indexes.map { $0.lowercased() }.sorted(), migrations)
            }
            let pgColumns = try await PostgresTestServer.query("""
                SELECT table_name || '.' || column_name || ' ' || CASE WHEN is_nullable = 'NO' THEN 'not null' ELSE 'null' END
                FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name IN ('setting', 'topic', 'scan', 'document', 'finding')
                """, on: url).compactMap { $0.first ?? nil }.sorted()
            let pgIndexes = try await PostgresTestServer.query("""
                SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'
                """, on: url).compactMap { $0.first ?? nil }.sorted()
            let pgMigrations = try await PostgresTestServer.query("SELECT identifier FROM grdb_migrations ORDER BY identifier", on: url)
                .compactMap { $0.first ?? nil }
            #expect(pgColumns == sqliteColumns)
            #expect(pgIndexes == sqliteIndexes)
            #expect(pgMigrations == sqliteMigrations)
            #expect(pgMigrations == ["v1", "v2", "v3"])
        }
    }

    @Test func anUnreachableServerIsOneLineWithoutThePassword() throws {
        // A port on loopback where nothing listens (the test server's port + 1).
        var components = try #require(URLComponents(string: PostgresTestServer.url))
        components.port = (components.port ?? 5432) + 1
        components.user = "analist"
        components.password = "geheim"
        let url = try #require(components.string)
        #expect {
            _ = try InventoryStore.open(url)
        } throws: { error in
            let message = (error as? InventoryError)?.message() ?? ""
            return message.hasPrefix("postgres://analist@127.0.0.1:\(components.port!)/") && !message.contains("geheim")
                && !message.contains("\n") && message.hasSuffix("databasefout: cannot connect: Connection refused")
        }
    }

    @Test func aWrongPasswordIsTheServersMessage() async throws {
        var components = try #require(URLComponents(string: PostgresTestServer.url))
        components.password = "fout-\(UUID().uuidString)"
        let url = try #require(components.string)
        #expect {
            _ = try InventoryStore.open(url)
        } throws: { error in
            let message = (error as? InventoryError)?.message(english: true) ?? ""
            return message.contains("database error") && message.contains("password") && !message.contains(components.password!)
        }
    }
}

@Suite struct PostgresURLTests {
    @Test func theFormsOfTheURL() throws {
        let full = try PostgresURL("postgres://ana:p%40ss@db.example.org:6543/inventaris?sslmode=require", environment: [:])
        #expect(full == PostgresURL(user: "ana", password: "p@ss", host: "db.example.org", port: 6543, database: "inventaris", requireTLS: true))
        #expect(full.redacted == "postgres://ana@db.example.org:6543/inventaris?sslmode=require")
        let short = try PostgresURL("postgresql://ana@localhost", environment: ["PGPASSWORD": "uit-env"])
        #expect(short == PostgresURL(user: "ana", password: "uit-env", host: "localhost", port: 5432, database: "ana", requireTLS: false))
        let socket = try PostgresURL("postgres://ana@/inventaris", environment: [:])
        #expect(socket.host == nil)
        #expect(PostgresURL.names("POSTGRES://x@y/z"))
        #expect(!PostgresURL.names("corpus.sqlite"))
        #expect(!PostgresURL.names("postgres.sqlite"))
    }

    @Test func badURLsSayWhy() {
        #expect(throws: InventoryError.database(path: "postgres://h/db", reason: "the URL names no user (postgres://user@host/database)")) {
            _ = try PostgresURL("postgres://h/db", english: true)
        }
        #expect(throws: InventoryError.database(path: "postgres://a@h/db?x=1", reason: "onbekende parameter 'x=1'; alleen sslmode=disable of sslmode=require")) {
            _ = try PostgresURL("postgres://a@h/db?x=1")
        }
        // A password that breaks the URL's syntax never reaches the message.
        var refused: [String] = []
        for text in ["postgres://ana:ge/heim@h/db", "postgres://ana:ge#heim@h/db", "postgres://ana:ge?heim@h/db?x=1"] {
            do throws(InventoryError) {
                _ = try PostgresURL(text, environment: [:])
            } catch {
                refused.append(error.message(english: false))
            }
        }
        #expect(refused.count == 3, "\(refused)")
        for message in refused { #expect(!message.contains("heim") && message.contains("postgres://…@h/db"), "\(message)") }
    }
}
