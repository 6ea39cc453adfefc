import Foundation
import GRDB
import Testing
import TenderFormats
import TenderInventory
import TenderIsolation
import TenderLint

/// A scan whose documents are parsed in worker processes: documents that crash, hang or exhaust
/// a reader are recorded as unreadable with their reason, and every other document is stored
/// exactly as a scan without them stores it.
@Suite struct IsolatedScanTests {
    /// The built `tenderlint` next to the test bundle (EndToEndTests depend on it), else `.build/debug`.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        return FileManager.default.isExecutableFile(atPath: beside.path)
            ? beside.path : InventoryFixture.repository.appendingPathComponent(".build/debug/tenderlint").path
    }()

    static func workers(size: Int) -> WorkerPool {
        WorkerPool(command: WorkerCommand(executable: executable, arguments: ["worker"], environment: ["TENDERLINT_TEST_CRASH": "1"],
                                          memoryLimitBytes: 1024 * 1_048_576), size: size)
    }

    // A hang guard, not a speed test: a scan stuck on one document would never end.
    @Test(.timeLimit(.minutes(10))) func documentsThatBreakAReaderAreRecordedAndTheScanGoesOn() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let texts = InventoryFixture.documents(count: 6, catalogue: engine.catalogue)
        try InventoryFixture.write(texts, into: folder, sub: "corpus")
        let corpus = folder.appendingPathComponent("corpus")
        var bad: [String: String] = [:]
        for kind in ["trap", "hang", "alloc", "exit"] {
            let path = corpus.appendingPathComponent("\(kind).md").path
            try (texts[0] + "\n\nTENDERLINT-TEST-CRASH:\(kind)\n").write(toFile: path, atomically: true, encoding: .utf8)
            bad[kind] = path
        }
        // A ZIP whose directory lies past its end: it traps inside the ZIP library today.
        let crasher = corpus.appendingPathComponent("eocd-offset-past-end.docx").path
        try FileManager.default.copyItem(atPath: InventoryFixture.repository.appendingPathComponent("Tests/TenderIsolationTests/Crashers/eocd-offset-past-end.docx").path,
                                         toPath: crasher)
        // A FIFO blocks whoever opens it for reading: it must be refused without being opened.
        let fifo = corpus.appendingPathComponent("wachtrij.md").path
        #expect(mkfifo(fifo, 0o600) == 0)

        let pool = Self.workers(size: 2)
        defer { Task { await pool.shutdown() } }
        var scanner = InventoryFixture.scanner(engine: engine, jobs: 2)
        scanner.workers = pool
        scanner.documentTimeLimit = .seconds(3)
        let store = try InventoryStore(path: folder.appendingPathComponent("isolated.sqlite").path)
        let log = EventLog()
        let summary = try await scanner.scan([corpus.path], into: store, parameters: BurdenParameters()) { log.handle($0) }

        #expect(summary.files == 12)
        #expect(summary.analysed == 6)
        #expect(summary.failed == 6)
        #expect(!summary.interrupted)
        let failures = Dictionary(log.failures.map { (String($0.prefix { $0 != ":" }), $0) }, uniquingKeysWith: { a, _ in a })
        #expect(failures[bad["hang"]!]?.hasSuffix("het lezen duurde langer dan 3 s en is gestopt") == true, "\(failures)")
        #expect(failures[bad["trap"]!]?.contains("het lezen liep vast op de inhoud (interne fout") == true, "\(failures)")
        #expect(failures[bad["exit"]!]?.contains("uitgang 3") == true, "\(failures)")
        #expect(failures[bad["alloc"]!] != nil)
        #expect(failures[fifo]?.contains("geen gewoon bestand") == true, "\(failures)")
        #expect(failures[crasher] != nil)
        for message in log.failures { #expect(!message.contains("\n")) }
        #expect(await pool.replacements >= 4)

        // The other documents are stored exactly as a scan of them alone, in this process, stores them.
        let alone = folder.appendingPathComponent("alone")
        try InventoryFixture.write(texts, into: alone)
        let reference = try InventoryStore(path: folder.appendingPathComponent("reference.sqlite").path)
        let plain = try await InventoryFixture.scanner(engine: engine).scan([alone.path], into: reference, parameters: BurdenParameters())
        #expect(summary.findings == plain.findings)
        #expect(plain.findings > 0)
        let totals = try store.summary(parameters: BurdenParameters()).totals
        let referenceTotals = try reference.summary(parameters: BurdenParameters()).totals
        #expect(totals.documents == 6)
        #expect(totals.unreadable == 6)
        #expect(totals.findings == referenceTotals.findings)
        #expect(totals.documentsWithFindings == referenceTotals.documentsWithFindings)
        #expect(abs(totals.hoursPerProvider - referenceTotals.hoursPerProvider) < 1e-9)

        // The unreadable rows carry their reasons, and a rescan tries them again.
        let queue = try DatabaseQueue(path: folder.appendingPathComponent("isolated.sqlite").path)
        let hangPath = bad["hang"]!
        let stored = try await queue.read { db in
            try String.fetchOne(db, sql: "SELECT error FROM document WHERE path = ?", arguments: [hangPath])
        }
        #expect(stored?.contains("langer dan 3 s") == true)
        let again = try await scanner.scan([corpus.path], into: store, parameters: BurdenParameters())
        #expect(again.unchanged == 6)
        #expect(again.failed == 6)
    }
}
