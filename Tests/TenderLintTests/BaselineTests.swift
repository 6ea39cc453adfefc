import Foundation
import Testing
import TenderDocument
@testable import TenderLint
import TenderRules

/// Fingerprints survive renumbering and reflowed text; the baseline silences what it accepts,
/// once per entry, and lists what no longer occurs.
@Suite struct BaselineTests {
    func findings(_ text: String, path: String = "bestek.md") throws -> [Finding] {
        try TestCatalogue.engine().lint(TestCatalogue.document(text, path: path)).findings
    }

    @Test func renumberingMovingAndReflowingKeepTheFingerprint() throws {
        let before = try findings("""
        ## Artikel 5 Personeel

        5.2 De aanbieder overlegt jaarlijks een VOG van iedere medewerker die met jeugdigen werkt.
        """)
        let after = try findings("""
        ## Artikel 1 Inleiding

        1.1 Nieuwe tekst vooraf.

        ## Artikel 7 Personeel en kwaliteit

        7.4   De aanbieder overlegt
        jaarlijks een VOG van iedere
           medewerker die met jeugdigen werkt.
        """)
        let b = try #require(before.first { $0.ruleId == "vog-kopie" })
        let a = try #require(after.first { $0.ruleId == "vog-kopie" })
        #expect(b.clauseNumber != a.clauseNumber)
        #expect(b.start != a.start)
        #expect(b.fingerprint == a.fingerprint)
        // Other words are another sentence, so another finding.
        let changed = try findings("5.2 De aanbieder overlegt elk half jaar een VOG van iedere medewerker.")
        #expect(changed.first { $0.ruleId == "vog-kopie" }?.fingerprint != b.fingerprint)
    }

    @Test func baselineSilencesAcceptedFindingsAndOnlyNewOnesStayActive() throws {
        let old = "5.1 De aanbieder overlegt een VOG."
        let accepted = LintResult(documents: [try TestCatalogue.engine().lint(TestCatalogue.document(old))], errors: [], tariff: .standard)
        let baseline = Baseline(accepting: accepted)
        #expect(baseline.entries.map(\.rule) == ["vog-kopie"])
        #expect(baseline.entries.first?.clause == "5.1")
        #expect(baseline.entries.first?.match == "overlegt een VOG")

        let new = old + "\n\n5.2 Elk kwartaal rapporteert de aanbieder."
        let result = baseline.apply(to: LintResult(documents: [try TestCatalogue.engine().lint(TestCatalogue.document(new))], errors: [], tariff: .standard),
                                    fileExists: { _ in true })
        #expect(result.findings.map(\.ruleId) == ["kwartaalrapportage"])
        #expect(result.silenced.map(\.suppressionKind) == [.baseline])
        #expect(result.silenced.first?.suppression == "baseline")
        #expect(result.staleBaseline.isEmpty)
    }

    @Test func oneEntryAcceptsOneFindingSoACopiedClauseIsNew() throws {
        let text = "5.1 De aanbieder overlegt een VOG."
        let baseline = Baseline(accepting: LintResult(documents: [try TestCatalogue.engine().lint(TestCatalogue.document(text))], errors: [], tariff: .standard))
        let twice = text + "\n\n9.9 De aanbieder overlegt een VOG."
        let result = baseline.apply(to: LintResult(documents: [try TestCatalogue.engine().lint(TestCatalogue.document(twice))], errors: [], tariff: .standard))
        #expect(result.findings.count == 1)
        #expect(result.silenced.count == 1)
    }

    @Test func staleEntriesAreListedOnlyForDocumentsLintedOrGone() throws {
        let entries = [
            BaselineEntry(fingerprint: "0000000000000001", rule: "vog-kopie", path: "bestek.md", clause: "5.1", match: "overlegt een VOG"),
            BaselineEntry(fingerprint: "0000000000000002", rule: "vog-kopie", path: "ander.md", clause: "1.1", match: "kopie van de VOG"),
            BaselineEntry(fingerprint: "0000000000000003", rule: "vog-kopie", path: "weg.md", clause: nil, match: "VOG"),
        ]
        let linted = LintResult(documents: [try TestCatalogue.engine().lint(TestCatalogue.document("Geen last."))], errors: [], tariff: .standard)
        let result = Baseline(entries: entries).apply(to: linted) { $0 == "ander.md" }
        #expect(result.staleBaseline.map(\.path) == ["bestek.md", "weg.md"])
    }

    @Test func fileRoundTripIsDeterministic() throws {
        let dir = try TestCatalogue.scratchFolder()
        let entries = [
            BaselineEntry(fingerprint: "b", rule: "r2", path: "b.md", clause: nil, match: "y"),
            BaselineEntry(fingerprint: "a", rule: "r1", path: "a.md", clause: "Artikel 1", match: "x/\"z\""),
        ]
        let path = dir + "/" + Baseline.defaultFileName
        try Baseline(entries: entries).write(to: path)
        let first = try Data(contentsOf: URL(fileURLWithPath: path))
        let loaded = try Baseline.load(path: path)
        #expect(loaded.entries.map(\.path) == ["a.md", "b.md"])
        try loaded.write(to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == first)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("\"version\" : 1"))
        #expect(text.hasSuffix("}\n"))
    }

    @Test func aBrokenBaselineIsAnError() throws {
        let dir = try TestCatalogue.scratchFolder()
        try "{\"entries\": 3}".write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        #expect(throws: BaselineError.self) { try Baseline.load(path: dir + "/b.json") }
        #expect(throws: BaselineError.self) { try Baseline.load(path: dir + "/bestaat-niet.json") }
    }
}
