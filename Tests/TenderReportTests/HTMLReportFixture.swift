import TenderDocument
@testable import TenderLint
import TenderReport
@testable import TenderRules

/// A fixed lint result for the HTML reporter's tests: two flagged paragraphs in two clauses, a
/// paragraph with markup in it, a silenced finding, a link that must stay text, and the outline
/// of the whole (small) document.
enum HTMLReportFixture {
    static let path = "concept-raamovereenkomst.md"

    static let blockA = Block(kind: .paragraph,
                              text: "4.2 De aanbieder levert elk kwartaal een productieverantwoording en een <script>alert(1)</script> overzicht\nvan alle medewerkers met hun VOG.",
                              firstLine: 7)
    static let blockB = Block(kind: .paragraph, text: "6.1 De gemeente betaalt binnen 60 dagen na ontvangst van de factuur.", firstLine: 13)

    /// The UTF-8 range of `part` in `text`.
    static func range(of part: String, in text: String) -> Range<Int> {
        guard let r = text.range(of: part) else { preconditionFailure("fixture text must contain «\(part)»") }
        let lower = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
        return lower..<(lower + part.utf8.count)
    }

    /// The fixture's rules and model articles: each rule's title and message (no placeholders)
    /// are what its finding shows, with the markup and line breaks the reporter must escape.
    static let catalogue: Catalogue = {
        func rule(_ id: String, title: String, message: String) -> Rule {
            Rule(id: id, aliases: [], topic: "topic-\(id)", category: .wettelijkGeregeld, severity: .warning, domains: [],
                 title: LocalizedText(nl: title, en: title), message: LocalizedText(nl: message, en: message),
                 rationale: LocalizedText(nl: "", en: ""), basis: [], match: MatchSpec(groups: [.phrases(["x"])], near: nil, scope: .sentence),
                 exceptions: [], burden: BurdenSpec(hours: 1, frequency: 1, bearer: "aanbieder", note: nil), model: "",
                 modelParameters: [:], examples: [], file: "rules/test/\(id).yml")
        }
        func model(_ id: String, title: String, text: String) -> ModelArticle {
            ModelArticle(id: id, title: LocalizedText(nl: title, en: title), text: LocalizedText(nl: text, en: text),
                         basis: [], parameters: [], topics: [], file: "rules/models/\(id).yml")
        }
        return Catalogue(
            taxonomy: Taxonomy(topics: [], categoryDescriptions: [:]), lexicon: Lexicon(),
            rules: [
                rule("kwartaalrapportage", title: "Productieverantwoording per kwartaal",
                     message: "De productieverantwoording per kwartaal gaat verder dan het landelijk protocol (één keer per jaar)."),
                rule("vog-overzicht", title: "VOG-overzicht dat de wet al regelt",
                     message: "De Jeugdwet regelt de VOG al; een overzicht van alle medewerkers <met> \"VOG\" is extra last."),
                rule("betaaltermijn", title: "Betaaltermijn langer dan 30 dagen",
                     message: "Een betaaltermijn van 60 dagen is langer dan de wettelijke 30 dagen."),
                rule("factuur-papier", title: "Factuur op papier", message: "Gesilenced."),
            ],
            models: [
                model("productieverantwoording-een-per-domein", title: "Eén productieverantwoording per jaar",
                      text: "De Aanbieder levert één keer per jaar een productieverantwoording volgens het landelijk accountantsprotocol.\nTussentijdse overzichten komen uit het berichtenverkeer."),
                model("geen-personeelsgegevens", title: "Geen personeelsgegevens",
                      text: "De Gemeente vraagt geen lijsten van medewerkers. De Aanbieder verklaart dat hij voldoet aan art. 4.1.6 Jeugdwet."),
            ])
    }()

    static func finding(_ rule: String, _ category: TenderRules.Category, _ severity: Severity, block: Block, match: String,
                        clause: String, headingPath: [String], basis: [LegalBasis],
                        model: ModelProposal?, hours: Double, frequency: Double, suppression: String? = nil) -> Finding {
        let r = range(of: match, in: block.text)
        return Finding(ruleId: rule, topic: "topic-\(rule)", category: category, severity: severity, path: path,
                       position: TextPosition(block: block.lineOrigins.first?.lineNumber ?? 0, offset: r.lowerBound),
                       start: block.location(atUTF8Offset: r.lowerBound), end: block.location(atUTF8Offset: r.upperBound),
                       clauseNumber: clause, headingPath: headingPath, matchedText: match, excerpt: block.text, excerptRange: r,
                       message: .rule(match: match, quantity: ""), basis: basis, model: model, alternativeModel: nil,
                       burden: BurdenEstimate(hoursPerOccurrence: hours, occurrencesPerYear: frequency, municipalities: 1,
                                              tariff: 54, bearer: "aanbieder"),
                       fingerprint: "fp-\(rule)", suppression: suppression)
    }

    static func result() -> LintResult {
        let jeugdwet = LegalBasis(law: "Jeugdwet", article: "4.1.6", bwb: "BWBR0034925",
                                  url: "https://wetten.overheid.nl/BWBR0034925/2025-01-01#Hoofdstuk4", status: .verified)
        let protocolBasis = LegalBasis(law: "Landelijk accountantsprotocol", article: nil, bwb: nil, url: "javascript:alert(1)", status: .partial)
        let findings = [
            finding("kwartaalrapportage", .verantwoordingslast, .warning, block: blockA, match: "elk kwartaal een productieverantwoording",
                    clause: "4.2", headingPath: ["Artikel 4 Verantwoording", "4.2"],
                    basis: [protocolBasis],
                    model: ModelProposal(id: "productieverantwoording-een-per-domein", reason: .rule),
                    hours: 6, frequency: 4),
            finding("vog-overzicht", .wettelijkGeregeld, .error, block: blockA, match: "overzicht\nvan alle medewerkers met hun VOG",
                    clause: "4.2", headingPath: ["Artikel 4 Verantwoording", "4.2"],
                    basis: [jeugdwet],
                    model: ModelProposal(id: "geen-personeelsgegevens", reason: .rule),
                    hours: 2.5, frequency: 1),
            finding("betaaltermijn", .disproportioneel, .info, block: blockB, match: "binnen 60 dagen",
                    clause: "6.1", headingPath: ["Artikel 6 Betaling", "6.1"],
                    basis: [LegalBasis(law: "Burgerlijk Wetboek Boek 6", article: "119a", bwb: "BWBR0005289", url: nil, status: .unverified)],
                    model: nil, hours: 0.5, frequency: 12),
            finding("factuur-papier", .nietStandaard, .warning, block: blockB, match: "na ontvangst van de factuur",
                    clause: "6.1", headingPath: ["Artikel 6 Betaling", "6.1"], basis: [], model: nil, hours: 1, frequency: 1,
                    suppression: "regionale afspraak 2026"),
        ]
        let document = DocumentResult(path: path, format: .markdown, contentHash: "0000", domains: [.jeugd], domainSource: .detected,
                                      clauses: Clause.placeholders(5), findings: findings, warnings: [], checkedRules: ["betaaltermijn", "kwartaalrapportage", "vog-overzicht"],
                                      lawDay: "2026-06-01")
        return LintResult(documents: [document], errors: [.malformed(path: "kapot.docx", reason: .init("geen word/document.xml", en: "no word/document.xml"))], tariff: .standard)
    }

    static func outline() -> DocumentOutline {
        DocumentOutline(sections: [
            .init(number: nil, headingPath: [], blocks: [Block(kind: .heading(level: 1), text: "Concept raamovereenkomst", firstLine: 1)]),
            .init(number: "Artikel 4", headingPath: ["Artikel 4 Verantwoording"], blocks: [
                Block(kind: .heading(level: 2), text: "Artikel 4 Verantwoording", firstLine: 3),
                Block(kind: .paragraph, text: "4.1 De aanbieder houdt een dossier bij per cliënt.", firstLine: 5),
            ]),
            .init(number: "4.2", headingPath: ["Artikel 4 Verantwoording", "4.2"], blocks: [blockA]),
            .init(number: "Artikel 6", headingPath: ["Artikel 6 Betaling"], blocks: [Block(kind: .heading(level: 2), text: "Artikel 6 Betaling", firstLine: 11)]),
            .init(number: "6.1", headingPath: ["Artikel 6 Betaling", "6.1"], blocks: [blockB]),
        ])
    }
}
