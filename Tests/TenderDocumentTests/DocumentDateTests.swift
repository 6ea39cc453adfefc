import Testing
@testable import TenderDocument

/// The date a document is judged by: resolved once, in a fixed order, and a dated line only
/// where a tender states its date.
@Suite struct DocumentDateTests {
    func document(_ lines: [String], issued: String? = nil, date: DocumentDate? = nil) -> Document {
        Document(path: "d.txt", format: .text, contentHash: "",
                 blocks: lines.enumerated().map { Block(kind: .paragraph, text: $1, firstLine: $0 + 1) },
                 properties: DocumentProperties(issued: issued), date: date)
    }

    @Test func onlyCalendarDaysAreDays() {
        #expect(DocumentDate.validDay("2024-02-29") == "2024-02-29")
        #expect(DocumentDate.validDay("2025-02-29") == nil)
        #expect(DocumentDate.validDay("2025-13-01") == nil)
        #expect(DocumentDate.validDay("2025-1-01") == nil)
        #expect(DocumentDate.validDay("12-03-2024") == nil)
        #expect(DocumentDate(year: 2025, source: .metadata)?.shown == "2025")
    }

    @Test(arguments: [
        ("Datum: 12 maart 2024", "2024-03-12"),
        ("versie 1.2, 3 februari 2025", "2025-02-03"),
        ("Versie 2.0 d.d. 01-10-2025", "2025-10-01"),
        ("Publicatiedatum: 2026-01-15", "2026-01-15"),
        ("Datum publicatie 7/4/2026", "2026-04-07"),
        ("Vastgesteld op 30 sept. 2025", "2025-09-30"),
        ("d.d. 1 mrt 2024", "2024-03-01"),
    ])
    func aDatedLineAtTheTopGivesTheDate(line: String, day: String) {
        #expect(DocumentDate.datedLine(in: [Block(kind: .paragraph, text: line, firstLine: 1)]) == day)
    }

    @Test func aDateInAClauseIsNotTheDocumentsDate() {
        let clauses = [
            "De aanbieder levert uiterlijk 1 mei 2025 de productieverantwoording aan.",
            "Inkoopdocument Jeugdhulp 2026",
            "Datum van ingang: zie artikel 3.",
            "Datum: 31 februari 2025",
            "Ingangsdatum 1 januari 2026",
        ]
        #expect(DocumentDate.datedLine(in: clauses.map { Block(kind: .paragraph, text: $0, firstLine: 1) }) == nil)
        // Far down the document a dated line is no longer its date.
        let late = Array(repeating: "Tekst.", count: DocumentDate.leadingBlocks) + ["Datum: 12 maart 2024"]
        #expect(DocumentDate.datedLine(in: late.map { Block(kind: .paragraph, text: $0, firstLine: 1) }) == nil)
    }

    @Test func theOrderIsOptionThenGivenThenPropertiesThenTheDatedLine() throws {
        let lines = ["Inkoopdocument", "Datum: 12 maart 2024"]
        let option = try #require(DocumentDate(day: "2027-01-01", source: .option))
        let given = try #require(DocumentDate(year: 2023, source: .metadata))
        #expect(DocumentDate.resolve(option: option, document: document(lines, issued: "2026-03-02", date: given)) == option)
        #expect(DocumentDate.resolve(option: nil, document: document(lines, issued: "2026-03-02", date: given)) == given)
        #expect(DocumentDate.resolve(option: nil, document: document(lines, issued: "2026-03-02"))
                == DocumentDate(day: "2026-03-02", source: .properties))
        #expect(DocumentDate.resolve(option: nil, document: document(lines)) == DocumentDate(day: "2024-03-12", source: .text))
        #expect(DocumentDate.resolve(option: nil, document: document(["Inkoopdocument"])) == nil)
    }
}
