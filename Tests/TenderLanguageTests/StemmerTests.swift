import Testing
@testable import TenderLanguage

@Suite struct StemmerTests {
    @Test func dutchWordFormsShareAStem() {
        let s = DutchStemmer()
        #expect(s.stem("rapportages") == s.stem("rapportage"))
        #expect(s.stem("medewerkers") == s.stem("medewerker"))
        #expect(s.stem("overleggen") == "overleg")
    }
}
