import Testing
import TenderDocument
import TenderFormats
import TenderLint
import TenderRules

/// Issue #12's acceptance scenario: a DOCX tender written as tenders are — a table of reports
/// (report, frequency, recipient per row), the documents to add at registration as a numbered
/// list under one lead-in, questions and answers, and passive rules. Every burden is found once,
/// at its row, item or answer; the lawful rows and items stay silent.
@Suite struct TenderAsWrittenTests {
    typealias F = DocxFixture

    static let styles = #"<w:style w:type="paragraph" w:styleId="Kop1"><w:name w:val="heading 1"/></w:style>"#
    static let numbering = """
    <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
    """

    static func row(_ cells: String...) -> String {
        "<w:tr>" + cells.map { "<w:tc>" + F.p($0) + "</w:tc>" }.joined() + "</w:tr>"
    }

    /// The tender; the comment after each paragraph is its paragraph number as Word counts them.
    static let body = F.p("Rapportages", style: "Kop1")                                   // 1
        + F.p("De aanbieder levert de volgende rapportages aan:")                         // 2
        + "<w:tbl>"
        + row("Rapportage", "Frequentie", "Ontvanger")                                    // 3–5
        + row("Managementrapportage met aantal cliënten en uitputting", "maandelijks", "contractmanager") // 6–8
        + row("Productieverantwoording", "jaarlijks", "iedere gemeente apart")            // 9–11
        + row("Productieverantwoording volgens het landelijk accountantsprotocol", "jaarlijks", "de regio") // 12–14
        + row("Beleidsinformatie", "via het berichtenverkeer", "CBS")                     // 15–17
        + "</w:tbl>"
        + F.p("Inschrijving", style: "Kop1")                                              // 18
        + F.p("Bij de inschrijving voegt u de volgende documenten toe:")                  // 19
        + F.p("het ingevulde UEA;", num: (1, 0))                                          // 20
        + F.p("een kopie van de VOG van iedere medewerker;", num: (1, 0))                 // 21
        + F.p("een kopie van de polis van uw aansprakelijkheidsverzekering;", num: (1, 0)) // 22
        + F.p("de jaarrekeningen over de laatste drie boekjaren.", num: (1, 0))           // 23
        + F.p("Nota van inlichtingen", style: "Kop1")                                     // 24
        + F.p("Vraag: Mogen wij bij de inschrijving volstaan met het UEA?")               // 25
        + F.p("Antwoord: Nee, inschrijvers sturen een bankverklaring mee met de inschrijving.") // 26
        + F.p("Uitvoering", style: "Kop1")                                                // 27
        + F.p("Facturen worden binnen 60 dagen na ontvangst betaald.")                    // 28
        + F.p("Door de aanbieder wordt ieder kwartaal een voortgangsrapportage ingediend.") // 29

    @Test func everyBurdenIsFoundOnceAtItsRowItemOrAnswer() throws {
        let bytes = try F(body: Self.body, styles: Self.styles, numbering: Self.numbering).bytes()
        let document = try DocumentReader().read(bytes: bytes, path: "aanbesteding.docx")
        let engine = try SampleFindingsTests.engine.get()
        let findings = engine.lint(document, domains: [.jeugd]).findings.filter { $0.suppression == nil }
        let found = findings.map { "\($0.ruleId) @ \($0.start.lineNumber)" }
        #expect(found.sorted() == [
            // The table: each burdensome row at its own cell, read with the header row.
            "periodieke-managementrapportage @ 6",
            "productieverantwoording-per-gemeente-apart @ 9",
            // The numbered list: each item at its own paragraph, read with the lead-in.
            "vog-afschriften-jeugd @ 21",
            "verzekeringsbewijs-bij-inschrijving @ 22",
            "bewijs-jaarrekeningen-bij-inschrijving @ 23",
            // The answer, read with its question.
            "bewijs-jaarrekeningen-bij-inschrijving @ 26",
            // Passive rules.
            "betaaltermijn-langer-dan-30-dagen @ 28",
            "periodieke-managementrapportage @ 29",
        ].sorted())
        // The row's finding ends in its own row: the recipient cell "iedere gemeente apart".
        let perMunicipality = try #require(findings.first { $0.ruleId == "productieverantwoording-per-gemeente-apart" })
        #expect(perMunicipality.end.lineNumber == 11)
        #expect(!perMunicipality.matchedText.contains("Ontvanger"))
        // Nothing in the lawful rows (paragraphs 12–17), the lawful item (20) or a lead-in.
        #expect(!findings.contains { [2, 3, 12, 13, 14, 15, 16, 17, 19, 20, 25].contains($0.start.lineNumber) })
    }
    /// A nota van inlichtingen in Markdown, question and answer on consecutive lines: each line is
    /// a block of its own, the answer read with its question. A question whose answer turns the
    /// demand down raises nothing; one answered "Ja" is found at the answer.
    @Test func aQuestionAnsweredNoRaisesNothing() throws {
        let engine = try SampleFindingsTests.engine.get()
        let refused = "Vraag: Kan de betaaltermijn naar 60 dagen worden verlengd?\nAntwoord: Nee, de gemeente betaalt correcte declaraties binnen dertig dagen.\n"
        let document = try DocumentReader().read(bytes: Array(refused.utf8), path: "nvi.md")
        #expect(document.blocks.map(\.text) == refused.split(separator: "\n").map(String.init))
        #expect(engine.lint(document, domains: [.jeugd]).findings.filter { $0.suppression == nil }.isEmpty)
        // The same question answered with a demand of its own is found at the answer.
        let imposed = "Vraag: Mogen wij volstaan met het UEA?\nAntwoord: Nee, inschrijvers sturen een bankverklaring mee met de inschrijving.\n"
        let found = engine.lint(try DocumentReader().read(bytes: Array(imposed.utf8), path: "nvi.md"), domains: [.jeugd]).findings
            .filter { $0.suppression == nil }.map { "\($0.ruleId) @ \($0.start.lineNumber)" }
        #expect(found == ["bewijs-jaarrekeningen-bij-inschrijving @ 2"])
        // A question whose demand the answer grants ("Ja.") is found once, at the answer.
        let granted = "Vraag: Moeten wij van alle medewerkers een kopie van de VOG meesturen?\nAntwoord: Ja.\n"
        let grantedFindings = engine.lint(try DocumentReader().read(bytes: Array(granted.utf8), path: "nvi.md"), domains: [.jeugd]).findings
            .filter { $0.suppression == nil }
        #expect(grantedFindings.map { "\($0.topic) @ \($0.start.lineNumber)" } == ["vog-jeugd @ 2"])
        #expect(grantedFindings.first?.matchedText.contains("VOG") == true)
    }
}
