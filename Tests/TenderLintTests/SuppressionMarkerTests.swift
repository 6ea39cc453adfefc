import Testing
@testable import TenderLint

/// Reading `[tenderlint: negeer <regel> — <reden>]` markers in their accepted forms.
@Suite struct SuppressionMarkerTests {
    @Test func dutchBracketedMarkerWithEmDash() throws {
        let text = "De aanbieder overlegt een VOG. [tenderlint: negeer vog-kopie — onze verordening eist dit]"
        let m = try #require(SuppressionMarker.markers(in: text).first)
        #expect(m.ruleIds == ["vog-kopie"])
        #expect(m.reason == "onze verordening eist dit")
        #expect(m.text == "[tenderlint: negeer vog-kopie — onze verordening eist dit]")
        let start = "De aanbieder overlegt een VOG. ".utf8.count
        #expect(m.range == start..<text.utf8.count)
    }

    @Test func englishBareMarkerWithDoubleHyphenRunsToTheEndOfTheLine() throws {
        let text = "Some clause.\ntenderlint: ignore vog-kopie -- our by-law requires it\nNext line."
        let m = try #require(SuppressionMarker.markers(in: text).first)
        #expect(m.ruleIds == ["vog-kopie"])
        #expect(m.reason == "our by-law requires it")
        #expect(m.text == "tenderlint: ignore vog-kopie -- our by-law requires it")
    }

    @Test func severalRulesCaseAndSeparators() throws {
        let m = try #require(SuppressionMarker.markers(in: "[TenderLint: Negeer vog-kopie, kwartaalrapportage: afgesproken met de regio]").first)
        #expect(m.ruleIds == ["vog-kopie", "kwartaalrapportage"])
        #expect(m.reason == "afgesproken met de regio")
        let glued = try #require(SuppressionMarker.markers(in: "[tenderlint: negeer vog-kopie--reden]").first)
        #expect(glued.ruleIds == ["vog-kopie"])
        #expect(glued.reason == "reden")
        let plain = try #require(SuppressionMarker.markers(in: "[tenderlint: negeer vog-kopie omdat het moet]").first)
        #expect(plain.reason == "omdat het moet")
    }

    @Test func missingReasonAndMissingRule() throws {
        let noReason = try #require(SuppressionMarker.markers(in: "Tekst [tenderlint: negeer vog-kopie] meer tekst").first)
        #expect(noReason.ruleIds == ["vog-kopie"])
        #expect(noReason.reason == nil)
        #expect(noReason.text == "[tenderlint: negeer vog-kopie]")
        let dashOnly = try #require(SuppressionMarker.markers(in: "[tenderlint: negeer vog-kopie — ]").first)
        #expect(dashOnly.reason == nil)
        let noRule = try #require(SuppressionMarker.markers(in: "[tenderlint: negeer — zomaar]").first)
        #expect(noRule.ruleIds.isEmpty)
    }

    @Test func ordinaryTextIsNoMarker() {
        #expect(SuppressionMarker.markers(in: "We gebruiken tenderlint: het is handig.").isEmpty)
        #expect(SuppressionMarker.markers(in: "mytenderlint: negeer vog-kopie — x").isEmpty)
        #expect(SuppressionMarker.markers(in: "tenderlint:negeerde").isEmpty)
    }

    @Test func twoMarkersInOneParagraph() {
        let ms = SuppressionMarker.markers(in: "[tenderlint: negeer a-b — een] en [tenderlint: ignore c -- two]")
        #expect(ms.map(\.ruleIds) == [["a-b"], ["c"]])
        #expect(ms.map(\.reason) == ["een", "two"])
    }

    @Test func blankingKeepsUTF8OffsetsAndLineBreaks() {
        let text = "Één — [tenderlint: negeer x — reden één]\nvolgende"
        let ms = SuppressionMarker.markers(in: text)
        let blanked = Suppressions.blanking(ms.map(\.range), in: text)
        #expect(blanked.utf8.count == text.utf8.count)
        #expect(blanked.hasPrefix("Één — "))
        #expect(blanked.hasSuffix("\nvolgende"))
        #expect(!blanked.contains("tenderlint"))
    }
}
