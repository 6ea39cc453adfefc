import Foundation
import Testing
import TenderInventory
import TenderLint
import TenderReport
import TenderRules
import TenderFormats
import GRDB

/// The inventory report's totals equal the sum of the per-document totals that
/// `tenderlint lint --format json` gives for the same files.
@Suite struct ReportTotalsTests {
    struct LintJSON: Decodable {
        struct Document: Decodable { var path: String; var hoursPerYear: Double; var eurosPerYear: Double }
        var documents: [Document]
    }

    struct InventoryJSON: Decodable {
        struct Totals: Decodable { var documents: Int; var findings: Int; var hoursPerProvider: Double; var eurosPerProvider: Double }
        var totals: Totals
    }

    /// Lints `paths` the way `tenderlint lint --format json` does (with `.tenderlint.yml` files
    /// applied) and scans them into a new store the way `tenderlint inventory scan` does; returns
    /// both JSON outputs decoded.
    func bothReports(_ paths: [String], engine: Engine, folder: URL) async throws -> (LintJSON, InventoryJSON) {
        let settings = LintRun.Settings(rulesFolder: InventoryFixture.rulesFolder)
        let lint = try await LintRun(engine: engine).run(paths, settings: settings).result
        let lintJSON = try JSONReporter(options: ReportOptions(), catalogue: engine.catalogue).report(lint)

        let store = try InventoryStore(path: folder.appendingPathComponent("totals.sqlite").path)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.configuration = ScanConfiguration(rulesFolder: InventoryFixture.rulesFolder)
        _ = try await scanner.scan(paths, into: store, parameters: BurdenParameters())
        let summary = try store.summary(parameters: store.parameters())
        let inventoryJSON = try InventoryReportFormat.json.render(summary, options: InventoryReportOptions(toolVersion: "test"))

        return (try JSONDecoder().decode(LintJSON.self, from: Data(lintJSON.utf8)),
                try JSONDecoder().decode(InventoryJSON.self, from: Data(inventoryJSON.utf8)))
    }

    func expectEqualTotals(_ lint: LintJSON, _ inventory: InventoryJSON) {
        #expect(inventory.totals.documents == lint.documents.count)
        // Both outputs round to cents: the lint JSON per document, the inventory once.
        let tolerance = 0.005 * Double(lint.documents.count + 1) + 1e-9
        let hours = lint.documents.reduce(0) { $0 + $1.hoursPerYear }
        let euros = lint.documents.reduce(0) { $0 + $1.eurosPerYear }
        #expect(abs(inventory.totals.hoursPerProvider - hours) <= tolerance, "inventory \(inventory.totals.hoursPerProvider) h, lint \(hours) h")
        #expect(abs(inventory.totals.eurosPerProvider - euros) <= tolerance, "inventory € \(inventory.totals.eurosPerProvider), lint € \(euros)")
    }

    @Test func totalsEqualLintJSONOnGeneratedCorpus() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        try InventoryFixture.write(InventoryFixture.documents(count: 8, catalogue: engine.catalogue), into: folder, sub: "corpus")
        let (lint, inventory) = try await bothReports([folder.appendingPathComponent("corpus").path], engine: engine, folder: folder)
        #expect(inventory.totals.findings > 0)
        expectEqualTotals(lint, inventory)
    }

    @Test func totalsEqualLintJSONWithAConfigurationThatDisablesAndSilencesRules() async throws {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let corpus = folder.appendingPathComponent("corpus")
        let paths = try InventoryFixture.write(InventoryFixture.documents(count: 6, catalogue: engine.catalogue), into: corpus)
        // Two rules that fire in this corpus: one switched off, one silenced by municipal context.
        let fired = try paths.flatMap { path in try engine.lint(DocumentReader().read(path: path)).findings.map(\.ruleId) }
        let counts = Dictionary(fired.map { ($0, 1) }, uniquingKeysWith: +).sorted { ($0.value, $0.key) > ($1.value, $1.key) }
        try #require(counts.count >= 2, "the fixture triggers at least two rules")
        let configuration = """
            version: 1
            disable: [\(counts[0].key)]
            context:
              - rule: \(counts[1].key)
                reason: "Onze verordening vraagt dit."
            """
        try configuration.write(to: corpus.appendingPathComponent(".tenderlint.yml"), atomically: true, encoding: .utf8)
        let (lint, inventory) = try await bothReports([corpus.path], engine: engine, folder: folder)
        expectEqualTotals(lint, inventory)
        // The configuration changed the count: fewer findings than without it, at least the
        // silenced ones fewer (switching a rule off can let a sibling of its topic take its
        // place on a clause, so the disabled rule's count is not simply subtracted).
        #expect(inventory.totals.findings <= fired.count - counts[1].value)
        #expect(inventory.totals.findings < fired.count)
    }

    @Test func totalsEqualLintJSONOnTheSamplesFolder() async throws {
        let samples = InventoryFixture.samplesFolder
        try #require(FileManager.default.fileExists(atPath: samples), "the repository has a samples/ folder")
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        var (lint, inventory) = try await bothReports([samples], engine: engine, folder: folder)
        #expect(inventory.totals.documents > 0)
        // samples/ holds each tender in several formats (samples/formats): the inventory counts
        // each tender once, through one of its files, so its totals equal the lint JSON's over
        // exactly those files.
        let kept = try await DatabaseQueue(path: folder.appendingPathComponent("totals.sqlite").path).read { db in
            try String.fetchAll(db, sql: "SELECT path FROM document WHERE status = 'ok' AND deletedAt IS NULL AND duplicateOf IS NULL")
        }
        #expect(kept.count < lint.documents.count, "the samples hold copies in other formats")
        lint.documents = lint.documents.filter { Set(kept).contains($0.path) }
        expectEqualTotals(lint, inventory)
    }
}
