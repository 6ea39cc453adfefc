import Testing
import TenderDocument
@testable import TenderLanguage

@Suite struct QuantityTests {
    func quantities(_ text: String) -> [Quantity] {
        let n = NormalizedText(text)
        return QuantityScanner.quantities(in: n.bytes, tokens: Tokenizer.tokens(in: n.bytes))
    }

    @Test(arguments: [
        ("Betaling binnen 45 dagen na ontvangst.", Quantity.Dimension.duration, 45.0),
        ("Betaling binnen zestig dagen.", .duration, 60),
        ("binnen dertig (30) dagen", .duration, 30),
        ("binnen vijfenveertig dagen", .duration, 45),
        ("een opzegtermijn van 6 weken", .duration, 42),
        ("een looptijd van twee jaar", .duration, 730),
        ("een omzet van € 1.500.000,- per jaar", .money, 1_500_000),
        ("minimaal 1,5 miljoen euro omzet", .money, 1_500_000),
        ("€200.000 per domein", .money, 200_000),
        ("EUR 2,5 mln", .money, 2_500_000),
        ("300% van de opdrachtwaarde", .percent, 300),
        ("drie keer per jaar", .count, 3),
        ("binnen 24 uur", .duration, 1),
        ("binnen 30 werkdagen", .duration, 42),
        ("een half jaar", .duration, 182.5),
        ("honderdvijftigduizend euro", .money, 150_000),
    ])
    func readsAmounts(_ text: String, _ dimension: Quantity.Dimension, _ value: Double) throws {
        let q = try #require(quantities(text).first, "\(text)")
        #expect(q.dimension == dimension)
        #expect(abs(q.value - value) < 0.001, "\(text): \(q.value)")
    }

    @Test func articleNumbersAndBareNumbersAreNotQuantities() {
        #expect(quantities("Conform artikel 4.1.6 Jeugdwet en lid 2.").isEmpty)
        #expect(quantities("In 2027 start de overeenkomst.").isEmpty)
    }

    @Test func rangeCoversAmountAndUnit() throws {
        let n = NormalizedText("binnen 45 dagen.")
        let q = try #require(QuantityScanner.quantities(in: n.bytes, tokens: Tokenizer.tokens(in: n.bytes)).first)
        #expect(String(decoding: n.bytes[q.range], as: UTF8.self) == "45 dagen")
    }

    @Test func numberWords() {
        #expect(NumberWords.value(of: "dertig") == 30)
        #expect(NumberWords.value(of: "negentig") == 90)
        #expect(NumberWords.value(of: "eenentwintig") == 21)
        #expect(NumberWords.value(of: "tweehonderd") == 200)
        #expect(NumberWords.value(of: "honderdvijftigduizend") == 150_000)
        #expect(NumberWords.value(of: "tweehonderdduizend") == 200_000)
        #expect(NumberWords.multiplier(of: "driemaal") == 3)
        #expect(NumberWords.value(of: "gemeente") == nil)
    }
}

@Suite struct SentenceTests {
    @Test func abbreviationsAndArticleNumbersDoNotEndSentences() {
        let n = NormalizedText("Zie art. 4.1.6 Jeugdwet, o.a. lid 2. De aanbieder levert. Klaar!")
        let ends = SentenceSplitter.sentenceEnds(in: n.bytes)
        let sentences = zip([0] + ends.dropLast(), ends).map { String(decoding: n.bytes[$0..<$1], as: UTF8.self) }
        #expect(sentences == ["zie art. 4.1.6 jeugdwet, o.a. lid 2.", " de aanbieder levert.", " klaar!"])
    }

    @Test func aListNumberAfterALeadInsColonDoesNotEndTheSentence() {
        // A numbered item read after the sentence that leads into its list: one sentence.
        let n = NormalizedText("Bij de aanmelding voegt u toe: 1. een kopie van de VOG. Daarna 2. beoordeelt de gemeente.")
        let ends = SentenceSplitter.sentenceEnds(in: n.bytes)
        let sentences = zip([0] + ends.dropLast(), ends).map { String(decoding: n.bytes[$0..<$1], as: UTF8.self) }
        // "Daarna 2." follows no colon: a number that ends a sentence there still ends it.
        #expect(sentences == ["bij de aanmelding voegt u toe: 1. een kopie van de vog.", " daarna 2.", " beoordeelt de gemeente."])
        // A year or an amount after a colon is no list number: its full stop ends the sentence.
        let year = NormalizedText("Looptijd: 2026. De aanbieder rapporteert. Aantal: 12. Klaar.")
        let yearEnds = SentenceSplitter.sentenceEnds(in: year.bytes)
        let parts = zip([0] + yearEnds.dropLast(), yearEnds).map { String(decoding: year.bytes[$0..<$1], as: UTF8.self) }
        #expect(parts == ["looptijd: 2026.", " de aanbieder rapporteert.", " aantal: 12. klaar."])
    }
}
