import Testing
@testable import TenderDocument

@Suite struct SegmenterTests {
    func blocks(_ paragraphs: [String]) -> [Block] {
        paragraphs.enumerated().map { Block(kind: $1.hasPrefix("#") ? .heading(level: $1.prefix { $0 == "#" }.count) : .paragraph, text: $1, firstLine: $0 * 2 + 1) }
    }

    func summary(_ paragraphs: [String]) -> [String] {
        let b = blocks(paragraphs)
        return Segmenter().clauses(of: b).map { "\($0.number ?? "-") | \($0.headingPathText)" }
    }

    @Test func articlesSubClausesAndLettersInMarkdown() {
        #expect(summary([
            "# Hoofdstuk 3 Eisen",
            "## Artikel 12 Verantwoording",
            "12.1 De aanbieder levert.",
            "12.3 Rapportage per kwartaal:",
            "a. wachtlijsten;",
            "b. verzuim.",
            "Gewone alinea die bij 12.3 hoort.",
            "12.3.1 Nadere eis.",
        ]) == [
            "Hoofdstuk 3 | Hoofdstuk 3 Eisen",
            "Artikel 12 | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording",
            "12.1 | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording › 12.1",
            "12.3 | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording › 12.3",
            "12.3 sub a | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording › 12.3 › sub a",
            "12.3 sub b | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording › 12.3 › sub b",
            "12.3.1 | Hoofdstuk 3 Eisen › Artikel 12 Verantwoording › 12.3 › 12.3.1",
        ])
    }

    @Test func lidAndNumberedParagraphsInsideAnArticle() {
        #expect(summary([
            "Artikel 5 Betaling",
            "1. De gemeente betaalt binnen 30 dagen.",
            "lid 2 Declaraties lopen via iWmo.",
            "Art. 6 Looptijd",
            "1) eerste punt",
        ]) == [
            "Artikel 5 | Artikel 5 Betaling",
            "Artikel 5 lid 1 | Artikel 5 Betaling › lid 1",
            "Artikel 5 lid 2 | Artikel 5 Betaling › lid 2",
            "Artikel 6 | Art. 6 Looptijd",
            "Artikel 6 sub 1 | Art. 6 Looptijd › sub 1",
        ])
    }

    @Test func allCapsHeadingsAnnexesAndPreamble() {
        #expect(summary([
            "Inleidende tekst zonder nummer.",
            "ALGEMENE BEPALINGEN",
            "Bijlage 4 Tarieven",
            "Een tabelrij of alinea.",
        ]) == [
            "- | ",
            "- | ALGEMENE BEPALINGEN",
            "Bijlage 4 | Bijlage 4 Tarieven",
        ])
    }

    @Test func amountsAndYearsAreNotClauseNumbers() {
        #expect(!Segmenter.startsClause("1.500 euro per jaar"))
        #expect(!Segmenter.startsClause("2027 is het startjaar"))
        #expect(Segmenter.startsClause("3.2 Kwaliteit"))
        #expect(Segmenter.startsClause("Art. 12.3 Rapportage"))
    }

    @Test func docxLabelsCountAsNumbers() {
        let b = [Block(kind: .paragraph, text: "Kwaliteit", lineOrigins: [.paragraph(1, column: 1)], label: "Artikel 3"),
                 Block(kind: .paragraph, text: "De aanbieder levert.", lineOrigins: [.paragraph(2, column: 1)], label: "3.2")]
        #expect(Segmenter().clauses(of: b).map(\.number) == ["Artikel 3", "3.2"])
    }

    @Test func locationsCountCharactersAndLines() {
        let block = Block(kind: .paragraph, text: "Één regel\nen de tweede", firstLine: 10)
        let offset = "Één regel\nen ".utf8.count
        #expect(block.location(atUTF8Offset: offset) == .line(11, column: 4))
        #expect(block.location(atUTF8Offset: "Één ".utf8.count) == .line(10, column: 5))
    }
}
