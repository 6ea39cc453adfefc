import Testing
@testable import TenderRedline

@Suite struct RedlinePlanTests {
    private func unit(_ text: String, _ match: String) -> String {
        let bytes = Array(text.utf8)
        let m = Array(match.utf8)
        let start = (0...(bytes.count - m.count)).first { Array(bytes[$0..<($0 + m.count)]) == m }!
        let r = RedlinePlan.unit(of: start..<(start + m.count), in: text)
        return String(decoding: bytes[r], as: UTF8.self)
    }

    @Test func theSentenceHoldingTheMatchNeverHalfOfIt() {
        #expect(unit("De aanbieder levert een VOG. Hij stuurt jaarlijks het kwaliteitshandboek op. Verder niets.", "kwaliteitshandboek")
                == "Hij stuurt jaarlijks het kwaliteitshandboek op.")
        // An abbreviation (art.) does not end the sentence.
        #expect(unit("Zie art. 4.1.4 Jeugdwet. Aanbieder stuurt het handboek op conform art. 3 lid 2 van de wet.", "handboek")
                == "Aanbieder stuurt het handboek op conform art. 3 lid 2 van de wet.")
    }

    @Test func aTypedClauseNumberStays() {
        #expect(unit("4.7 Bij zijn aanmelding voegt de Aanbieder zijn handboek toe.", "voegt de Aanbieder")
                == "Bij zijn aanmelding voegt de Aanbieder zijn handboek toe.")
        #expect(unit("a) de aanbieder stuurt een VOG", "VOG") == "de aanbieder stuurt een VOG")
    }

    @Test func onlyTheLineOfATableCell() {
        #expect(unit("Eerste regel.\nTweede regel met VOG erin\nDerde.", "VOG") == "Tweede regel met VOG erin")
    }
}
