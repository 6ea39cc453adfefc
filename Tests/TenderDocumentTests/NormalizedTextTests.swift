import Testing
@testable import TenderDocument

@Suite struct NormalizedTextTests {
    @Test func foldsCaseDiacriticsAndSpaces() {
        let n = NormalizedText("De  Cliënt\u{00A0}“ziet”")
        #expect(n.text == "de client \"ziet\"")
    }
}
