import Testing
import TenderDocument
@testable import TenderLanguage

@Suite struct StemmerTests {
    @Test func snowballDutchFoldsRegularInflections() {
        let s = DutchStemmer()
        #expect(s.stem("medewerkers") == s.stem("medewerker"))
        #expect(s.stem("verklaringen") == s.stem("verklaring"))
    }

    /// The repairs `WordKey` makes on top of libstemmer 2.2's Dutch stemmer.
    @Test func wordKeysMeetAcrossPluralAndVerbForms() {
        let s = DutchStemmer()
        func meets(_ text: String, _ pattern: String) -> Bool {
            let k = WordKey.keys(text, stemmer: s)
            let p = WordKey.key(pattern, stemmer: s)
            return k.key == p || k.alternatives.contains(p)
        }
        #expect(meets("rapportages", "rapportage"))
        #expect(meets("overlegt", "overleggen"))
        #expect(meets("overleggen", "overleggen"))
        #expect(meets("levert", "leveren"))
        #expect(meets("rapporteert", "rapporteren") || meets("rapporteert", "rapporteert"))
        #expect(!meets("rapport", "rapportage"))
        let compound = WordKey.keys("kwartaalrapportages", stemmer: s)
        let suffix = WordKey.key("rapportage", stemmer: s)
        #expect(compound.key.hasSuffix(suffix) || compound.alternatives.contains { $0.hasSuffix(suffix) })
    }

    @Test func tokensSplitOnPunctuationAndDigitLetterBoundaries() {
        let n = NormalizedText("HKZ-certificaat, 30dagen; cliënt's")
        #expect(Tokenizer.tokens(in: n.bytes).map(\.text) == ["hkz", "certificaat", "30", "dagen", "client", "s"])
    }
}
