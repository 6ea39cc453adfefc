import Foundation
import Testing
@testable import TenderLint
import TenderRules

/// `LintRun.run(_:settings:)`: the nearest `.tenderlint.yml` per file, `--config`, a region's
/// own rule folder, configuration errors before any document, and the baseline.
@Suite struct ConfiguredRunTests {
    func write(_ text: String, _ path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func run(_ paths: [String], _ settings: LintRun.Settings) async throws -> LintRun.ConfiguredResult {
        var s = settings
        s.rulesFolder = TestCatalogue.folder
        return try await LintRun(engine: try TestCatalogue.engine(), workers: 2).run(paths, settings: s)
    }

    @Test func eachFileGetsItsNearestConfiguration() async throws {
        let dir = try TestCatalogue.scratchFolder()
        let clause = "5.1 De aanbieder overlegt een VOG.\n"
        try write(clause, dir + "/noord/bestek.md")
        try write(clause, dir + "/zuid/bestek.md")
        try write("context:\n  - rule: vog-kopie\n    reason: \"Onze verordening vereist een VOG.\"\n", dir + "/noord/.tenderlint.yml")
        let outcome = try await run([dir], LintRun.Settings())
        let byPath = Dictionary(uniqueKeysWithValues: outcome.result.documents.map { ($0.path, $0) })
        #expect(byPath[dir + "/noord/bestek.md"]?.findings.first?.suppression == "Onze verordening vereist een VOG.")
        #expect(byPath[dir + "/zuid/bestek.md"]?.findings.first?.suppression == nil)
    }

    @Test func explicitConfigurationAppliesToEveryFile() async throws {
        let dir = try TestCatalogue.scratchFolder()
        try write("5.1 De aanbieder overlegt een VOG.\n", dir + "/a/bestek.md")
        try write("disable: [vog-kopie]\n", dir + "/elders.yml")
        try write("severity: {vog-kopie: error}\n", dir + "/a/.tenderlint.yml")
        let outcome = try await run([dir + "/a"], LintRun.Settings(configFile: dir + "/elders.yml"))
        #expect(outcome.result.documents.first?.findings.isEmpty == true, "the explicit file wins; the nearby one is not read")
    }

    @Test func aBrokenConfigurationStopsTheRunWithItsPosition() async throws {
        let dir = try TestCatalogue.scratchFolder()
        try write("5.1 Tekst.\n", dir + "/bestek.md")
        try write("domain: wmo\nsevertiy: {vog-kopie: error}\n", dir + "/.tenderlint.yml")
        do {
            _ = try await run([dir], LintRun.Settings())
            Issue.record("expected a configuration error")
        } catch let error as ConfigurationError {
            #expect(error.description == dir + "/.tenderlint.yml:2:1: onbekende sleutel 'severtiy' (toegestaan: burden, context, disable, domain, enable, rule-folders, severity, version)")
        }
    }

    @Test func aRegionsOwnRuleFolderIsLoadedRelativeToTheConfiguration() async throws {
        let dir = try TestCatalogue.scratchFolder()
        try write("5.1 De aanbieder levert een wachtlijstoverzicht aan.\n", dir + "/bestek.md")
        try write("rule-folders: [regels]\n", dir + "/.tenderlint.yml")
        let regional = TestCatalogue.reportRule
            .replacingOccurrences(of: "id: kwartaalrapportage", with: "id: wachtlijst-overzicht")
            .replacingOccurrences(of: "[[kwartaal, kwartaalrapportage]]", with: "[[wachtlijstoverzicht]]")
            .replacingOccurrences(of: "⟦kwartaal⟧ rapporteert", with: "⟦wachtlijstoverzicht⟧ rapporteert")
            .replacingOccurrences(of: "Een ⟦kwartaalrapportage⟧ volgt", with: "Een ⟦wachtlijstoverzicht⟧ volgt")
        try write(regional, dir + "/regels/wachtlijst-overzicht.yml")
        let outcome = try await run([dir + "/bestek.md"], LintRun.Settings())
        #expect(outcome.result.findings.map(\.ruleId) == ["wachtlijst-overzicht"])
        #expect(outcome.catalogue.rule("wachtlijst-overzicht") != nil, "reporters see the regional rule")
        #expect(outcome.catalogue.rule("vog-kopie") != nil)
    }

    /// The CI gate as a user runs it: a new burden fails, the baseline or a marker with a reason
    /// lets it pass, a marker without a reason fails again.
    @Test func ciGateAcceptsOldFindingsAndFailsOnNewOnes() async throws {
        let dir = try TestCatalogue.scratchFolder()
        let path = dir + "/bestek.md"
        try write("# Artikel 5\n\n5.1 Elk kwartaal rapporteert de aanbieder.\n", path)
        let first = try await run([path], LintRun.Settings())
        let baseline = Baseline(accepting: first.result)
        #expect(baseline.entries.count == 1)

        try write("# Artikel 5\n\n5.1 Elk kwartaal rapporteert de aanbieder.\n\n5.2 De aanbieder overlegt een VOG.\n", path)
        let withNew = try await run([path], LintRun.Settings(baseline: baseline))
        #expect(withNew.result.findings.map(\.ruleId) == ["vog-kopie"])

        try write("# Artikel 5\n\n5.1 Elk kwartaal rapporteert de aanbieder.\n\n5.2 De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie — eis uit de Wmo-verordening]\n", path)
        let explained = try await run([path], LintRun.Settings(baseline: baseline))
        #expect(explained.result.findings.isEmpty)
        #expect(explained.result.silenced.map(\.suppressionKind) == [.baseline, .document])

        try write("# Artikel 5\n\n5.1 Elk kwartaal rapporteert de aanbieder.\n\n5.2 De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie]\n", path)
        let unexplained = try await run([path], LintRun.Settings(baseline: baseline))
        #expect(Set(unexplained.result.findings.map(\.ruleId)) == ["vog-kopie", "suppressie-zonder-reden"])
    }
}
