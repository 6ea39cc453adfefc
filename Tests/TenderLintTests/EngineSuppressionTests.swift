import Testing
import TenderDocument
@testable import TenderLint
import TenderRules

/// Markers in a clause silence that clause's findings of the named rule, with the reason; the
/// engine reports markers without a reason and markers that silence nothing.
@Suite struct EngineSuppressionTests {
    static let text = """
    # Artikel 5 Personeel

    5.1 De aanbieder overlegt een VOG van iedere medewerker.

    5.2 Ook bij wisseling overlegt de aanbieder een VOG.
    """

    /// Messages as a Dutch report renders them.
    static func nl() throws -> FindingText { FindingText(catalogue: try TestCatalogue.catalogue.get(), language: .nl) }

    func lint(_ text: String, _ options: EngineOptions = EngineOptions()) throws -> DocumentResult {
        try TestCatalogue.engine(options).lint(TestCatalogue.document(text))
    }

    @Test func withoutMarkersBothClausesAreFlagged() throws {
        let result = try lint(Self.text)
        #expect(result.findings.filter { $0.ruleId == "vog-kopie" && $0.suppression == nil }.count == 2)
        #expect(result.checkedRules == ["kwartaalrapportage", "vog-kopie"])
    }

    @Test func markerSilencesItsOwnClauseOnly() throws {
        let text = Self.text.replacingOccurrences(of: "van iedere medewerker.",
                                                  with: "van iedere medewerker. [tenderlint: negeer vog-kopie — onze Wmo-verordening vereist een VOG]")
        let result = try lint(text)
        let vog = result.findings.filter { $0.ruleId == "vog-kopie" }
        #expect(vog.count == 2)
        #expect(vog[0].suppression == "onze Wmo-verordening vereist een VOG")
        #expect(vog[0].suppressionKind == .document)
        #expect(vog[1].suppression == nil, "5.2 is another clause")
        #expect(result.findings.allSatisfy { SuppressionRule.rule($0.ruleId) == nil }, "the marker was used and has a reason")
        #expect(result.checkedRules.contains("suppressie-zonder-reden"))
    }

    @Test func markerInItsOwnParagraphCoversTheClauseAbove() throws {
        let text = Self.text.replacingOccurrences(of: "van iedere medewerker.",
                                                  with: "van iedere medewerker.\n\ntenderlint: ignore vog-oud -- required by our by-law")
        let result = try lint(text)
        let vog = result.findings.filter { $0.ruleId == "vog-kopie" }
        #expect(vog[0].suppression == "required by our by-law", "an alias names the rule too")
        #expect(vog[1].suppression == nil)
    }

    @Test func markerWordsAreNotMatchedAndTheFingerprintStays() throws {
        let plain = try lint("5.1 De aanbieder overlegt een VOG.")
        let marked = try lint("5.1 De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie — kopie van de VOG is hier wettelijk]")
        #expect(marked.findings.count == 1, "the reason's own words 'kopie van de VOG' trigger nothing")
        #expect(marked.findings[0].fingerprint == plain.findings[0].fingerprint)
        #expect(marked.findings[0].start == plain.findings[0].start)
        #expect(marked.findings[0].excerpt.contains("[tenderlint: negeer"), "the excerpt shows the text as written")
    }

    @Test func markerWithoutReasonSilencesNothingAndIsAFinding() throws {
        let result = try lint("5.1 De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie]")
        let vog = try #require(result.findings.first { $0.ruleId == "vog-kopie" })
        #expect(vog.suppression == nil)
        let missing = try #require(result.findings.first { $0.ruleId == "suppressie-zonder-reden" })
        #expect(missing.severity == .warning)
        #expect(missing.matchedText == "[tenderlint: negeer vog-kopie]")
        #expect(missing.start == .line(1, column: 36))
        #expect(try Self.nl().message(missing).contains("zonder reden"))
        #expect(!result.findings.contains { $0.ruleId == "suppressie-ongebruikt" })
    }

    @Test func unusedAndUnknownMarkersAreReported() throws {
        let result = try lint("5.1 Tekst zonder last. [tenderlint: negeer vog-kopie, bestaat-niet — oude afspraak]")
        let unused = result.findings.filter { $0.ruleId == "suppressie-ongebruikt" }
        #expect(unused.count == 2)
        #expect(unused.allSatisfy { $0.severity == .info })
        #expect(try unused.contains { try Self.nl().message($0).contains("onbekende regel 'bestaat-niet'") })
        #expect(try unused.contains { try Self.nl().message($0).contains("'vog-kopie' onderdrukt niets") })
    }

    @Test func markerForARuleThatDidNotRunIsNotCalledUnused() throws {
        var options = EngineOptions()
        options.disabledRules = ["vog-kopie"]
        let result = try lint("5.1 Tekst. [tenderlint: negeer vog-kopie — oude afspraak]", options)
        #expect(result.findings.isEmpty)
    }

    @Test func markerInAWordComment() throws {
        var document = TestCatalogue.document("5.1 De aanbieder overlegt een VOG.\n\n5.2 De aanbieder overlegt een VOG bij wisseling.")
        document.blocks[1].comments = ["tenderlint: negeer vog-kopie — besproken met de aanbieders"]
        let result = try TestCatalogue.engine().lint(document)
        let vog = result.findings.filter { $0.ruleId == "vog-kopie" }
        #expect(vog.map(\.suppressionKind) == [nil, .comment])
        #expect(vog[1].suppression == "besproken met de aanbieders")
    }

    @Test func municipalContextSilencesEveryDocumentWithItsReason() throws {
        var options = EngineOptions()
        options.context = ["vog-kopie": "Onze Wmo-verordening vereist een VOG."]
        let result = try lint(Self.text, options)
        let vog = result.findings.filter { $0.ruleId == "vog-kopie" }
        #expect(vog.count == 2)
        #expect(vog.allSatisfy { $0.suppression == "Onze Wmo-verordening vereist een VOG." && $0.suppressionKind == .configuration })
    }

    @Test func builtInSeverityCanBeChanged() throws {
        var options = EngineOptions()
        options.severityOverrides = ["suppressie-zonder-reden": .error]
        let result = try lint("5.1 De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie]", options)
        #expect(result.findings.first { $0.ruleId == "suppressie-zonder-reden" }?.severity == .error)
    }

    @Test func englishMessages() throws {
        let result = try lint("5.1 De aanbieder overlegt een VOG. [tenderlint: ignore vog-kopie]")
        let english = FindingText(catalogue: try TestCatalogue.catalogue.get(), language: .en)
        let finding = try #require(result.findings.first { $0.ruleId == "suppressie-zonder-reden" })
        #expect(english.message(finding).hasPrefix("Suppression of 'vog-kopie' without a reason"))
    }
}
