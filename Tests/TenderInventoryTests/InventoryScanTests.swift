import Foundation
import GRDB
import Testing
@testable import TenderInventory
import TenderLint
import TenderFormats
import TenderDocument

@Suite struct InventoryScanTests {
    /// The findings the engine makes for `path`, as the expectation for what the store holds.
    func expectedFindings(_ path: String, engine: Engine) throws -> Int {
        engine.lint(try DocumentReader().read(path: path)).findings.filter { $0.suppression == nil }.count
    }

    func findingCount(_ db: String, path: String) throws -> Int {
        let queue = try DatabaseQueue(path: db)
        return try queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding f JOIN document d ON d.id = f.documentId WHERE d.path = ?", arguments: [path]) ?? -1
        }
    }

    @Test func secondScanSkipsUnchangedFiles() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let paths = try InventoryFixture.write(InventoryFixture.documents(count: 6, catalogue: engine.catalogue), into: folder, sub: "corpus")
        let store = try InventoryStore(path: folder.appendingPathComponent("corpus.sqlite").path)
        let scanner = InventoryFixture.scanner(engine: engine)

        let first = try await scanner.scan([folder.appendingPathComponent("corpus").path], into: store, parameters: BurdenParameters())
        #expect(first.files == 6)
        #expect(first.analysed == 6)
        #expect(first.unchanged == 0)
        let expected = try paths.reduce(0) { $0 + (try expectedFindings($1, engine: engine)) }
        #expect(first.findings == expected)
        #expect(expected > 0, "the fixture is built from triggering examples")

        let second = try await scanner.scan([folder.appendingPathComponent("corpus").path], into: store, parameters: BurdenParameters())
        #expect(second.analysed == 0)
        #expect(second.unchanged == 6)
        #expect(second.findings == 0)
        #expect(ScanProgressPrinter.summaryLine(second, database: "corpus.sqlite").contains("6 overgeslagen (ongewijzigd)"))
        // Nothing was lost or duplicated by the skip.
        let summary = try store.summary(parameters: BurdenParameters())
        #expect(summary.totals.findings == expected)
        #expect(summary.totals.documents == 6)
    }

    @Test func changedFileReplacesItsFindingsAndDeletedFileIsMarked() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let texts = InventoryFixture.documents(count: 4, catalogue: engine.catalogue)
        let paths = try InventoryFixture.write(texts, into: folder)
        let dbPath = folder.appendingPathComponent("store.sqlite").path
        let store = try InventoryStore(path: dbPath)
        let scanner = InventoryFixture.scanner(engine: engine)
        _ = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters())

        // Document 1 gets the text of document 2 plus its own; document 4 disappears.
        try (texts[0] + "\n" + texts[1]).write(toFile: paths[0], atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: paths[3])
        let rescan = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters())
        #expect(rescan.analysed == 1)
        #expect(rescan.unchanged == 2)
        #expect(rescan.deleted == 1)
        #expect(try findingCount(dbPath, path: paths[0]) == (try expectedFindings(paths[0], engine: engine)))

        // The deleted document keeps its row and findings but leaves the totals.
        #expect(try findingCount(dbPath, path: paths[3]) > 0)
        let summary = try store.summary(parameters: BurdenParameters())
        #expect(summary.totals.documents == 3)
        #expect(summary.totals.deleted == 1)
        let expected = try paths[0..<3].reduce(0) { $0 + (try expectedFindings($1, engine: engine)) }
        #expect(summary.totals.findings == expected)

        // A file that comes back is counted again without being analysed again.
        try texts[3].write(toFile: paths[3], atomically: true, encoding: .utf8)
        let back = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters())
        #expect(back.refreshed == 1)
        #expect(back.analysed == 0)
        #expect(try store.summary(parameters: BurdenParameters()).totals.documents == 4)
    }

    @Test func corruptFileIsReportedAndSkippedWithoutStoppingTheScan() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 3, catalogue: engine.catalogue), into: folder)
        let corrupt = folder.appendingPathComponent("kapot.docx").path
        // A ZIP signature followed by garbage: a broken Word file.
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0xEE, count: 200)).write(to: URL(fileURLWithPath: corrupt))
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let log = EventLog()
        let summary = try await InventoryFixture.scanner(engine: engine)
            .scan([folder.path], into: store, parameters: BurdenParameters()) { log.handle($0) }
        #expect(summary.files == 4)
        #expect(summary.analysed == 3)
        #expect(summary.failed == 1)
        #expect(log.failures.count == 1)
        let message = try #require(log.failures.first)
        #expect(message.hasPrefix(corrupt + ": "))
        #expect(!message.contains("\n"))
        let totals = try store.summary(parameters: BurdenParameters()).totals
        #expect(totals.unreadable == 1)
        #expect(totals.documents == 3)
    }

    @Test func interruptedScanLosesNothingAndTheNextRunFinishes() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let paths = try InventoryFixture.write(InventoryFixture.documents(count: 12, catalogue: engine.catalogue), into: folder)
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let scanner = InventoryFixture.scanner(engine: engine, jobs: 2)
        let interruption = ScanInterruption()
        let first = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters(), interruption: interruption) { event in
            if case let .progressed(s) = event, s.done == 3 { interruption.request() }
        }
        #expect(first.interrupted)
        #expect(first.done >= 3 && first.done < 12)
        #expect(first.deleted == 0)
        // Every handled document is committed with all its findings.
        #expect(try store.summary(parameters: BurdenParameters()).totals.documents == first.analysed)

        let second = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters())
        #expect(!second.interrupted)
        #expect(second.unchanged == first.analysed)
        #expect(second.analysed == 12 - first.analysed)
        let expected = try paths.reduce(0) { $0 + (try expectedFindings($1, engine: engine)) }
        #expect(try store.summary(parameters: BurdenParameters()).totals.findings == expected)
    }

    @Test func metadataFromSidecarAndTemplate() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let texts = InventoryFixture.documents(count: 3, catalogue: engine.catalogue)
        let zeist = try InventoryFixture.write([texts[0]], into: folder, sub: "Utrecht/Zeist/2024")
        let amersfoort = try InventoryFixture.write([texts[1], texts[2]], into: folder, sub: "Utrecht/Amersfoort/2025")
        // The sidecar overrides the year from the path and sets the providers for this tender.
        try "jaar: 2023\naanbieders: 100\nprocedure: sociale-diensten\n".write(toFile: amersfoort[1] + ".meta.yml", atomically: true, encoding: .utf8)

        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let template = try PathTemplate("{region}/{municipality}/{year}/*")
        let scan = try await InventoryFixture.scanner(engine: engine, template: template).scan([folder.path], into: store, parameters: BurdenParameters(providersPerTender: 10))
        #expect(scan.analysed == 3)
        let s = try store.summary(parameters: BurdenParameters(providersPerTender: 10))
        #expect(Set(s.municipalities.compactMap(\.key)) == ["Zeist", "Amersfoort"])
        #expect(s.regions.map(\.key) == ["Utrecht"])
        #expect(s.years.map(\.key) == ["2023", "2024", "2025"])
        #expect(s.procedures.contains { $0.key == "sociale-diensten" })

        // All providers: each document's hours × its own providers (100) or the default (10).
        // Each document is judged by the law of its metadata's year (path or sidecar).
        let hours = try zip([zeist[0], amersfoort[0], amersfoort[1]], [2024, 2025, 2023]).map { path, year in
            var document = try DocumentReader().read(path: path)
            document.date = DocumentDate(year: year, source: .metadata)
            return engine.lint(document).hoursPerYear
        }
        let expectedAll = hours[0] * 10 + hours[1] * 10 + hours[2] * 100
        #expect(abs(s.totals.hoursAllProviders - expectedAll) < 1e-6)
        #expect(abs(s.totals.eurosAllProviders - expectedAll * BurdenDefaults.tariff) < 1e-6)

        // Changing only the sidecar updates the metadata without analysing again.
        try "jaar: 2023\naanbieders: 100\nprocedure: open\n".write(toFile: amersfoort[1] + ".meta.yml", atomically: true, encoding: .utf8)
        let again = try await InventoryFixture.scanner(engine: engine, template: template).scan([folder.path], into: store, parameters: BurdenParameters(providersPerTender: 10))
        #expect(again.refreshed == 1)
        #expect(again.analysed == 0)
        #expect(try store.summary(parameters: BurdenParameters()).procedures.contains { $0.key == "open" })

        // A new year dates the document anew: it is analysed again, by the law of that year.
        try "jaar: 2022\n".write(toFile: amersfoort[1] + ".meta.yml", atomically: true, encoding: .utf8)
        let redated = try await InventoryFixture.scanner(engine: engine, template: template).scan([folder.path], into: store, parameters: BurdenParameters(providersPerTender: 10))
        #expect(redated.analysed == 1)
        #expect(try store.summary(parameters: BurdenParameters()).years.map(\.key) == ["2022", "2024", "2025"])
    }

    @Test func invalidSidecarIsReportedAndTheDocumentSkipped() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let paths = try InventoryFixture.write(InventoryFixture.documents(count: 2, catalogue: engine.catalogue), into: folder)
        try "gemeente: Zeist\njaar: volgend jaar\n".write(toFile: paths[0] + ".meta.yml", atomically: true, encoding: .utf8)
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let log = EventLog()
        let scan = try await InventoryFixture.scanner(engine: engine).scan([folder.path], into: store, parameters: BurdenParameters()) { log.handle($0) }
        #expect(scan.failed == 1)
        #expect(scan.analysed == 1)
        #expect(log.failures == ["\(paths[0]).meta.yml:2: ongeldige metadata: 'jaar' moet een jaartal zijn, zoals 2025"])
    }

    @Test func newTariffRepricesStoredFindingsWithoutNewAnalysis() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 2, catalogue: engine.catalogue), into: folder)
        let dbPath = folder.appendingPathComponent("s.sqlite").path
        let store = try InventoryStore(path: dbPath)
        let scanner = InventoryFixture.scanner(engine: engine)
        _ = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters(tariff: 54))
        let again = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters(tariff: 60, providersPerTender: 7))
        #expect(again.unchanged == 2)
        #expect(try store.parameters() == BurdenParameters(tariff: 60, providersPerTender: 7))
        let queue = try DatabaseQueue(path: dbPath)
        let mismatched = try await queue.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM finding WHERE abs(eurosPerYear - hoursPerYear * 60) > 1e-9") ?? -1
        }
        #expect(mismatched == 0)
        let totals = try store.summary(parameters: store.parameters()).totals
        #expect(abs(totals.eurosPerProvider - totals.hoursPerProvider * 60) < 1e-6)
        #expect(abs(totals.hoursAllProviders - totals.hoursPerProvider * 7) < 1e-6)
    }

    /// The tariff's source and year are kept with it in the store and named beside the figures;
    /// a new tariff without them drops the old ones, a scan without a tariff keeps them.
    @Test func theTariffKeepsItsSourceAndYear() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 2, catalogue: engine.catalogue), into: folder)
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let scanner = InventoryFixture.scanner(engine: engine)
        _ = try await scanner.scan([folder.path], into: store, parameters: BurdenParameters())
        #expect(InventoryLabels(language: .nl).assumptions(try store.parameters())[1]
            == "Uurtarief: € 54 per uur; het uurtarief is een aanname: Handboek Meting Regeldrukkosten, niet geverifieerd, jaar onbekend.")
        let given = try store.parameters().with(tariff: 61, source: "CAO Sociaal Werk", year: 2026, providersPerTender: nil)
        _ = try await scanner.scan([folder.path], into: store, parameters: given)
        #expect(try store.parameters() == given)
        let kept = try store.parameters().with(tariff: nil, providersPerTender: 9)
        #expect(kept.tariffSource == "CAO Sociaal Werk" && kept.tariffYear == 2026)
        _ = try await scanner.scan([folder.path], into: store, parameters: kept)
        let english = InventoryLabels(language: .en).assumptions(try store.parameters())[1]
        #expect(english == "Hourly tariff: €61 per hour; the hourly tariff is an assumption: CAO Sociaal Werk, 2026.", "\(english)")
        let replaced = try store.parameters().with(tariff: 58, providersPerTender: nil)
        _ = try await scanner.scan([folder.path], into: store, parameters: replaced)
        #expect(try store.parameters().tariffSource == nil)
        #expect(try store.parameters().tariffYear == nil)
    }

    @Test func overlappingPathsScanEachFileOnce() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 2, catalogue: engine.catalogue), into: folder, sub: "a/b")
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        let a = folder.appendingPathComponent("a").path
        let scan = try await InventoryFixture.scanner(engine: engine).scan([a + "/", a + "/b"], into: store, parameters: BurdenParameters())
        #expect(scan.files == 2)
        #expect(scan.analysed == 2)
    }

    @Test func storeErrorsAreOneLine() {
        do {
            _ = try InventoryStore(path: "/nonexistent-folder-\(UUID().uuidString)/x.sqlite")
            Issue.record("expected an error")
        } catch {
            #expect(error.message().contains("databasefout"))
            #expect(!error.message().contains("\n"))
        }
    }
}
