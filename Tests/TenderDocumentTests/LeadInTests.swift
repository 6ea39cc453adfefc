import Testing
import TenderDocument

/// List items, table rows and answers are read with what leads into them.
@Suite struct LeadInTests {
    func block(_ text: String, _ kind: BlockKind = .paragraph, line: Int) -> Block { Block(kind: kind, text: text, firstLine: line) }

    @Test func listItemsAreReadWithTheirLeadInAndNestedItemsWithBoth() {
        let blocks = [
            block("Bij de aanmelding voegt u toe:", line: 1),
            block("a. een kopie van de VOG;", line: 2),
            block("b. de volgende verklaringen:", line: 3),
            block("- een verklaring van de accountant", .listItem, line: 4),
            block("Daarna beoordeelt de gemeente de aanmelding.", line: 6),
        ]
        let leadIns = LeadIn.leadIns(of: blocks)
        #expect(leadIns == [nil, 0, 0, 2, nil])
        #expect(LeadIn.chain(of: 3, in: leadIns) == [0, 2])
    }

    @Test func tableRowsAreReadWithTheHeaderRow() {
        let blocks = [
            block("| Rapportage | Frequentie | Ontvanger |", .tableCell, line: 1),
            block("| Managementrapportage | maandelijks | per gemeente |", .tableCell, line: 3),
            block("| Jaarverslag | jaarlijks | regio |", .tableCell, line: 4),
        ]
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, 0])
    }

    @Test func aQuestionAnsweredNoIsRefused() {
        let blocks = [
            block("Vraag: Kan de betaaltermijn naar 60 dagen?", line: 1),
            block("Antwoord: Nee, de gemeente betaalt binnen dertig dagen.", line: 2),
            block("Vraag 2: Moet de VOG mee?", line: 3),
            block("Antwoord: Ja, bij de start.", line: 4),
            block("V: Volstaat een kopie?", line: 5),
            block("A: Neen.", line: 6),
            block("Vraag: Is een nieuw plan nodig?", line: 7),
            block("Antwoord: Nooit zonder overleg.", line: 8),
        ]
        let leadIns = LeadIn.leadIns(of: blocks)
        #expect(leadIns == [nil, 0, nil, 2, nil, 4, nil, 6])
        // "Nooit" is no "nee": only a refusal as a word counts.
        let answers = LeadIn.answers(of: blocks, leadIns: leadIns)
        #expect(answers.questionOfAnswer == [1: 0, 3: 2, 5: 4, 7: 6])
        #expect(answers.refused == [0, 4])
    }

    @Test func aNumberedAnswerLabelIsReadAsTheSplitterReadsIt() {
        // The refusal is looked for after the same label the text reader splits on.
        let blocks = [block("Vraag 3: Mag de termijn 60 dagen zijn?", line: 1), block("Antwoord 3: Nee.", line: 2)]
        let answers = LeadIn.answers(of: blocks, leadIns: LeadIn.leadIns(of: blocks))
        #expect(answers.questionOfAnswer == [1: 0])
        #expect(answers.refused == [0])
        #expect(LeadIn.startsQuestionOrAnswerLabel("Antwoord 3: Nee."))
    }

    @Test func questionAndAnswerLabels() {
        for line in ["Vraag: Mag dat?", "vraag 12: Mag dat?", "Antwoord: Ja.", "V: x", "A: y", "Vraag 3.1: z", "Question: q"] {
            #expect(LeadIn.startsQuestionOrAnswerLabel(Substring(line)), "\(line)")
        }
        for line in ["Vraagt de gemeente om een VOG?", "Aanbieder: Zorg BV", "Antwoorden worden gepubliceerd.", "Vragen: zie bijlage"] {
            #expect(!LeadIn.startsQuestionOrAnswerLabel(Substring(line)), "\(line)")
        }
    }

    @Test func anAnswerIsReadWithItsQuestion() {
        let blocks = [block("Vraag: Volstaat een kopie?", line: 1), block("Antwoord: Nee, u levert het origineel.", line: 2)]
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0])
    }

    @Test func numberedClausesAreNoListItems() {
        let blocks = [block("De aanbieder levert het volgende:", line: 1), block("5.3 De gemeente betaalt binnen 30 dagen.", line: 2),
                      block("5.4 Iets anders.", line: 3)]
        // The clause right after the colon is read with it; the next clause is not.
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, nil])
    }

    @Test func automaticNumbersAreListMarksButClauseNumbersAreNot() {
        func labelled(_ text: String, _ label: String?, line: Int) -> Block {
            Block(kind: .listItem, text: text, firstLine: line, label: label)
        }
        let blocks = [
            block("Bij de aanmelding voegt u toe:", line: 1),
            labelled("een kopie van de VOG;", "1.", line: 2),
            labelled("het uittreksel;", "(2)", line: 3),
            labelled("de verklaring.", "c)", line: 4),
            labelled("een bullet uit een symboolfont", "\u{F0B7}", line: 5),
            block("Daarnaast geldt het volgende:", line: 6),
            labelled("Rapportage", "3.2", line: 7),
            labelled("Facturatie", "Artikel 4", line: 8),
        ]
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, 0, 0, 0, nil, 5, nil])
    }

    @Test func typedNumbersAndLettersAreListMarks() {
        let blocks = [
            block("Voor de toelating geldt:", line: 1),
            block("1. de aanbieder is gecertificeerd;", line: 2),
            block("2) het certificaat is geldig;", line: 3),
            block("b. een kopie wordt meegezonden.", line: 4),
            block("3.2 Rapportage", line: 6),
        ]
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, 0, 0, nil])
    }

    @Test func wordProcessorRowsAreReadWithTheHeaderRowToo() {
        let blocks = [
            block("Rapportage |\nFrequentie |", .tableCell, line: 1),
            block("Managementrapportage |\nmaandelijks |", .tableCell, line: 3),
            block("Een losse cel", .tableCell, line: 5),
        ]
        #expect(LeadIn.leadIns(of: blocks) == [nil, 0, nil])
    }
}
