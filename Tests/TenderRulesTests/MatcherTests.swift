import Foundation
import Testing
import TenderDocument
import TenderLint
@testable import TenderRules

/// The matcher on small rules written for the test: stemming, phrases, near, exceptions, numbers.
@Suite struct MatcherTests {
    /// An engine over the real taxonomy and lexicon with `match` (and `exceptions`) as its only rule.
    func engine(match: String, exceptions: String = "") throws -> Engine {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tl-match-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/models", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/r", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for f in ["topics.yml", "lexicon.yml"] { try FileManager.default.copyItem(atPath: BundledCatalogue.folder + "/" + f, toPath: dir + "/" + f) }
        try "id: m\ntitle: M\ntext: T.\nbasis: [{law: X, status: U}]\n".write(toFile: dir + "/models/m.yml", atomically: true, encoding: .utf8)
        try """
        id: t
        topic: betaaltermijn
        title: T
        message: "'{match}' {quantity}"
        rationale: R
        basis: [{law: X, status: U}]
        match: \(match)
        \(exceptions.isEmpty ? "" : "exceptions: \(exceptions)")
        burden: {hours: 1, frequency: 2}
        model: m
        examples:
          triggering: ["⟦a⟧", "⟦b⟧"]
          non-triggering: [c, d]
        """.write(toFile: dir + "/r/t.yml", atomically: true, encoding: .utf8)
        return Engine(catalogue: try Catalogue.load(from: dir))
    }

    /// The matched texts for `text` (one paragraph).
    func matches(_ engine: Engine, _ text: String) -> [String] {
        let doc = Document(path: "x", format: .text, contentHash: "", blocks: [Block(kind: .paragraph, text: text, firstLine: 1)])
        return engine.lint(doc).findings.map(\.matchedText)
    }

    @Test func inflectedFormsAndCompoundsMatch() throws {
        let e = try engine(match: "{any: [\"*rapportage\", overleggen]}")
        #expect(matches(e, "Aanbieder levert Kwartaalrapportages.") == ["Kwartaalrapportages"])
        #expect(matches(e, "Opdrachtnemer overlegt de stukken.") == ["overlegt"])
        #expect(matches(e, "Een rapport volstaat.").isEmpty)
    }

    @Test func optionalWordsGapsAndExactForms() throws {
        let e = try engine(match: "{any: [\"verklaring omtrent [het] gedrag\", \"stuurt ... toe\", \"=meet\"]}")
        #expect(matches(e, "een Verklaring Omtrent het Gedrag") == ["Verklaring Omtrent het Gedrag"])
        #expect(matches(e, "een verklaring omtrent gedrag") == ["verklaring omtrent gedrag"])
        #expect(matches(e, "Aanbieder stuurt het jaarverslag toe.") == ["stuurt het jaarverslag toe"])
        #expect(matches(e, "Aanbieder stuurt het jaarverslag niet op tijd naar ons toe.").isEmpty)
        #expect(matches(e, "Hij meet de tevredenheid.") == ["meet"])
        #expect(matches(e, "Met de tevredenheid.").isEmpty)
    }

    @Test func allGroupsInOneSentenceWithinNear() throws {
        let e = try engine(match: "{all: [[vog], [$demand]], near: 6}")
        #expect(matches(e, "Aanbieder levert een kopie van de VOG.") == ["kopie van de VOG"])
        #expect(matches(e, "Aanbieder heeft een VOG. Hij stuurt een kopie van het plan.").isEmpty)
        #expect(matches(e, "Een kopie van het plan van aanpak voor de komende periode en de VOG.").isEmpty)
    }

    @Test func exceptionsDropTheFinding() throws {
        let e = try engine(match: "{all: [[vog], [$demand]]}", exceptions: "[{any: [$negation], why: Wie niets vraagt legt geen last op.}]")
        #expect(matches(e, "De gemeente vraagt geen kopie van de VOG.").isEmpty)
        #expect(matches(e, "De gemeente vraagt een kopie van de VOG.") == ["kopie van de VOG"])
    }

    @Test func aNegationInTheQuestionDoesNotDropTheDemandInTheAnswer() throws {
        let e = try engine(match: "{all: [[uren], [bijhouden, bijgehouden]], scope: clause}", exceptions: "[{any: [$negation], why: Wie niets vraagt legt geen last op.}]")
        // The question asks with a negation; the answer states the demand.
        #expect(matches(e, "Vraag: Worden de uren niet gevraagd? Antwoord: Wel. Per cliënt worden ze bijgehouden.")
            == ["uren niet gevraagd? Antwoord: Wel. Per cliënt worden ze bijgehouden"])
        // A negation in the answer still drops it, and so does one in a question asked alone.
        #expect(matches(e, "Vraag: Hoe gaat het met de uren? Antwoord: Ze worden niet gevraagd en niet bijgehouden.").isEmpty)
        #expect(matches(e, "Worden de uren niet gevraagd of bijgehouden?").isEmpty)
    }

    /// The findings for `blocks` (lines of one Markdown-like text document) as (line, matched text).
    func findings(_ engine: Engine, _ blocks: [Block]) -> [String] {
        let doc = Document(path: "x", format: .markdown, contentHash: "", blocks: blocks)
        return engine.lint(doc).findings.map { "\($0.start.lineNumber): \($0.matchedText)" }
    }

    @Test func numberedItemsAreReadWithTheirLeadInAndReportedAtTheItem() throws {
        let e = try engine(match: "{all: [[voegt ... toe], [vog]], near: 12}")
        let blocks = [
            Block(kind: .paragraph, text: "Bij de aanmelding voegt u toe:", firstLine: 1),
            Block(kind: .paragraph, text: "1. het inschrijfformulier;", firstLine: 2),
            Block(kind: .paragraph, text: "2. een kopie van de VOG.", firstLine: 3),
        ]
        // The match begins in the lead-in, so the finding starts where the item does (line 3).
        #expect(findings(e, blocks) == ["3: 2. een kopie van de VOG"])
        // Without the colon the number is a new sentence, and nothing leads into it.
        var plain = blocks
        plain[0].text = "Bij de aanmelding voegt u toe."
        #expect(findings(e, plain).isEmpty)
    }

    @Test func numericConditionsOnDaysAndRelativeAmounts() throws {
        let e = try engine(match: "{all: [[betaling, betaalt], {quantity: {unit: dagen, above: 30}}]}")
        #expect(matches(e, "De gemeente betaalt binnen 45 dagen.") == ["betaalt binnen 45 dagen"])
        #expect(matches(e, "Betaling vindt plaats binnen zestig (60) dagen.") == ["Betaling vindt plaats binnen zestig (60) dagen"])
        #expect(matches(e, "Betaling binnen twee maanden.") == ["Betaling binnen twee maanden"])
        #expect(matches(e, "Betaling binnen 30 werkdagen.") == ["Betaling binnen 30 werkdagen"])
        #expect(matches(e, "De gemeente betaalt binnen 30 dagen.").isEmpty)
        #expect(matches(e, "De gemeente betaalt binnen dertig dagen.").isEmpty)

        let r = try engine(match: "{all: [[omzet], {quantity: {unit: euro, above: 2, relative-to: opdrachtwaarde}}]}")
        #expect(matches(r, "De opdrachtwaarde is € 500.000. De omzet bedraagt minimaal € 1.500.000,-.") == ["omzet bedraagt minimaal € 1.500.000,-"])
        #expect(matches(r, "De opdrachtwaarde is € 1.000.000. De omzet bedraagt minimaal 1,5 miljoen euro.").isEmpty)
        #expect(matches(r, "De omzet bedraagt minimaal 1,5 miljoen euro.").isEmpty, "no stated value: no relative match")
        #expect(matches(r, "Een omzet van minimaal 1,2 miljoen euro bij een geraamde opdrachtwaarde van 500.000 euro.") == ["omzet van minimaal 1,2 miljoen euro"])
    }

    @Test func burdenAndMessageAreFilledIn() throws {
        let e = try engine(match: "{all: [[betaalt], {quantity: {unit: dagen, above: 30}}]}")
        let doc = Document(path: "x", format: .text, contentHash: "", blocks: [Block(kind: .paragraph, text: "Zij betaalt binnen 45 dagen.", firstLine: 3)])
        let f = try #require(e.lint(doc).findings.first)
        #expect(FindingText(catalogue: e.catalogue, language: .nl).message(f) == "'betaalt binnen 45 dagen' 45 dagen")
        // 2 hours × 1 per year (the test rule) × the stated municipalities factor.
        #expect(f.burden.municipalities == BurdenDefaults.municipalitiesPerProvider)
        #expect(f.burden.hoursPerYear == 2 * Double(BurdenDefaults.municipalitiesPerProvider))
        #expect(f.burden.eurosPerYear == f.burden.hoursPerYear * BurdenDefaults.tariff)
        var one = e.options
        one.municipalitiesPerProvider = 1
        let alone = try #require(e.with(options: one).lint(doc).findings.first)
        #expect(alone.burden.hoursPerYear == 2)
        #expect(alone.burden.hoursPerYearInOneTender == f.burden.hoursPerYearInOneTender)
        #expect(f.start == .line(3, column: 5))
    }
}
