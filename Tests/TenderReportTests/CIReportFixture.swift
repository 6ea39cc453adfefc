import TenderDocument
@testable import TenderLint
import TenderReport
@testable import TenderRules

/// A fixed lint result for the CI reporters (SARIF, JUnit, GitHub, Checkstyle): every kind of
/// position (text line, DOCX paragraph, XML element, PDF page), every kind of silencing, an
/// engine finding about a marker, a stale baseline entry, an input error and a reader warning;
/// texts with the characters each format must escape; and a combining accent before a match,
/// so character and code-point columns differ.
enum CIReportFixture {
    static let markdownPath = "./docs/bestek jeugd.md"

    /// A rule whose message holds the characters every format must escape (`%`, a line break,
    /// `<`, `&`, quotes), so the goldens show each reporter's escaping.
    static func rule(_ id: String, _ topic: String, _ category: TenderRules.Category, _ severity: Severity, domains: [Domain],
                     title: String, message: String, basis: [LegalBasis], model: String) -> Rule {
        Rule(id: id, aliases: [], topic: topic, category: category, severity: severity, domains: domains,
             title: LocalizedText(nl: title, en: title + " (en)"),
             message: LocalizedText(nl: message, en: "Message about '{match}'."),
             rationale: LocalizedText(nl: "Wat het signaleert: \(title.lowercased()).\nWaarom: het kost tijd.",
                                      en: "What it flags: \(title.lowercased()).\nWhy: it takes time."),
             basis: basis, match: MatchSpec(groups: [.phrases(["x"])], near: nil, scope: .sentence), exceptions: [],
             burden: BurdenSpec(hours: 1, frequency: 1, bearer: "aanbieder", note: nil), model: model, modelParameters: [:],
             examples: [], file: "rules/test/\(id).yml")
    }

    static let jeugdwet = LegalBasis(law: "Jeugdwet", article: "4.1.6", bwb: "BWBR0034925", url: "https://wetten.overheid.nl/BWBR0034925",
                                     status: .verified, source: "wetten.overheid.nl")
    static let bw = LegalBasis(law: "Burgerlijk Wetboek Boek 6", article: "119a", bwb: "BWBR0005289", status: .partial, source: "test")
    static let protocolBasis = LegalBasis(law: "Landelijk accountantsprotocol", status: .unverified)

    static let catalogue = Catalogue(
        taxonomy: Taxonomy(topics: [.init(id: "vog-jeugd", category: .wettelijkGeregeld, title: "VOG"),
                                    .init(id: "maand-kwartaalrapportage", category: .verantwoordingslast, title: "Kwartaal"),
                                    .init(id: "betaaltermijn", category: .disproportioneel, title: "Betaaltermijn")],
                           categoryDescriptions: [:]),
        lexicon: Lexicon(),
        rules: [
            rule("vog-afschriften", "vog-jeugd", .wettelijkGeregeld, .warning, domains: [.jeugd], title: "VOG-afschriften opvragen",
                 message: "De Jeugdwet eist al een VOG: 100% overbodig, zie art. 4.1.6.\nTweede regel: '{match}'.",
                 basis: [jeugdwet], model: "vog-wettelijk"),
            rule("kwartaalrapportage", "maand-kwartaalrapportage", .verantwoordingslast, .info, domains: [],
                 title: "Rapportage per kwartaal", message: "Rapportage <per> \"{match}\" & meer.",
                 basis: [protocolBasis], model: "geen-model"),
            rule("betaaltermijn", "betaaltermijn", .disproportioneel, .error, domains: [], title: "Betaaltermijn boven 30 dagen",
                 message: "{quantity} is langer dan 30.", basis: [bw], model: "geen-model"),
        ],
        models: [ModelArticle(id: "vog-wettelijk", title: LocalizedText(nl: "VOG volgens de wet", en: "Certificate as the law requires"),
                              text: LocalizedText(nl: "De aanbieder zorgt voor een VOG; de gemeente vraagt geen kopieën.",
                                                  en: "The provider holds a certificate; the municipality asks for no copies."),
                              basis: [jeugdwet], parameters: [], topics: ["vog-jeugd"], file: "rules/models/vog-wettelijk.yml")])

    /// The UTF-8 range of `part` in `text`.
    static func range(of part: String, in text: String) -> Range<Int> {
        guard let r = text.range(of: part) else { preconditionFailure("fixture text must contain «\(part)»") }
        let lower = text.utf8.distance(from: text.utf8.startIndex, to: r.lowerBound)
        return lower..<(lower + part.utf8.count)
    }

    static func finding(_ ruleId: String, _ severity: Severity, path: String, block: Block, match: String,
                        start: SourceLocation? = nil, end: SourceLocation? = nil, quantity: String = "",
                        problem: SuppressionRule.Problem? = nil, basis: [LegalBasis],
                        category: TenderRules.Category = .wettelijkGeregeld, topic: String = "vog-jeugd", model: ModelProposal? = nil,
                        suppression: String? = nil, kind: SuppressionKind? = nil, fingerprint: String) -> Finding {
        let r = range(of: match, in: block.text)
        return Finding(ruleId: ruleId, topic: topic, category: category, severity: severity, path: path,
                       position: TextPosition(block: block.lineOrigins.first?.lineNumber ?? 0, offset: r.lowerBound), start: start ?? block.location(atUTF8Offset: r.lowerBound), end: end ?? block.location(atUTF8Offset: r.upperBound),
                       clauseNumber: "5.2", headingPath: ["Artikel 5 Personeel", "5.2"], matchedText: match, excerpt: block.text,
                       excerptRange: r, message: problem.map { .suppression($0) } ?? .rule(match: match, quantity: quantity),
                       basis: basis, model: model, alternativeModel: nil,
                       burden: BurdenEstimate(hoursPerOccurrence: 2, occurrencesPerYear: 1, municipalities: 1, tariff: 54, bearer: "aanbieder"),
                       fingerprint: fingerprint, suppression: suppression, suppressionKind: kind)
    }

    static func result() -> LintResult {
        // "Cafe\u{301}" is one character but two code points: the match's columns differ by one.
        let vogBlock = Block(kind: .paragraph, text: "5.2 Cafe\u{301}-medewerkers: de aanbieder overlegt een kopie van de VOG.", firstLine: 12)
        let quarterBlock = Block(kind: .paragraph, text: "5.3 Elk kwartaal levert de aanbieder een rapportage <met> \"cijfers\" & meer.", firstLine: 14)
        let payBlock = Block(kind: .paragraph, text: "5.4 Betaling binnen 60 dagen. [tenderlint: negeer betaaltermijn — regionale afspraak, zie nota]", firstLine: 16)
        let markerBlock = Block(kind: .paragraph, text: "5.5 De aanbieder overlegt een VOG. [tenderlint: negeer vog-afschriften]", firstLine: 18)
        let markdown = DocumentResult(
            path: markdownPath, format: .markdown, contentHash: "00", domains: [.jeugd], domainSource: .detected, clauses: Clause.placeholders(6),
            findings: [
                finding("vog-afschriften", .warning, path: markdownPath, block: vogBlock, match: "overlegt een kopie van de VOG", basis: [jeugdwet],
                        model: ModelProposal(id: "vog-wettelijk", reason: .rule),
                        fingerprint: "00000000000000a1"),
                finding("kwartaalrapportage", .info, path: markdownPath, block: quarterBlock, match: "kwartaal", basis: [protocolBasis], category: .verantwoordingslast,
                        topic: "maand-kwartaalrapportage", fingerprint: "00000000000000a2"),
                finding("betaaltermijn", .error, path: markdownPath, block: payBlock, match: "binnen 60 dagen",
                        quantity: "60 dagen", basis: [bw], category: .disproportioneel, topic: "betaaltermijn",
                        suppression: "regionale afspraak, zie nota", kind: .document, fingerprint: "00000000000000a3"),
                finding("suppressie-zonder-reden", .warning, path: markdownPath, block: markerBlock, match: "[tenderlint: negeer vog-afschriften]",
                        problem: .noReason(["vog-afschriften"]), basis: [], category: .nietStandaard, topic: "suppressie",
                        fingerprint: "00000000000000a4"),
            ],
            warnings: [ReadWarning(path: "./docs/bestek jeugd.md", kind: .invalidBytesReplaced(count: 1, firstLine: 3))],
            checkedRules: ["betaaltermijn", "kwartaalrapportage", "suppressie-ongebruikt", "suppressie-zonder-reden", "vog-afschriften"],
            date: DocumentDate(day: "2026-03-02", source: .text))

        let docxBlock = Block(kind: .paragraph, text: "De aanbieder overlegt een kopie van de VOG en elk kwartaal een rapportage.",
                              lineOrigins: [.paragraph(7, column: 1)])
        let docx = DocumentResult(
            path: "docs/wmo.docx", format: .docx, contentHash: "01", domains: [.wmo], domainSource: .detected, clauses: Clause.placeholders(3),
            findings: [
                finding("vog-afschriften", .warning, path: "docs/wmo.docx", block: docxBlock, match: "overlegt een kopie van de VOG", basis: [jeugdwet], suppression: "baseline", kind: .baseline, fingerprint: "00000000000000b1"),
                finding("kwartaalrapportage", .info, path: "docs/wmo.docx", block: docxBlock, match: "kwartaal", basis: [protocolBasis], category: .verantwoordingslast, topic: "maand-kwartaalrapportage",
                        suppression: "Regionaal afgesproken in de Wmo-verordening.", kind: .configuration, fingerprint: "00000000000000b2"),
            ],
            warnings: [], checkedRules: ["betaaltermijn", "kwartaalrapportage", "vog-afschriften"], lawDay: "2026-06-01")

        let xmlBlock = Block(kind: .noticeField("BT-24"), text: "Elk kwartaal een rapportage.",
                             lineOrigins: [.xml(path: "/ContractNotice/cac:ProcurementProject/cbc:Description", line: 40, column: 1)])
        let xml = DocumentResult(
            path: "notices/aankondiging.xml", format: .eforms, contentHash: "02", domains: [], domainSource: .none, clauses: Clause.placeholders(1),
            findings: [finding("kwartaalrapportage", .info, path: "notices/aankondiging.xml", block: xmlBlock, match: "kwartaal", basis: [protocolBasis], category: .verantwoordingslast,
                               topic: "maand-kwartaalrapportage", fingerprint: "00000000000000c1")],
            warnings: [], checkedRules: ["betaaltermijn", "kwartaalrapportage"], lawDay: "2026-06-01")

        let pdfBlock = Block(kind: .paragraph, text: "Betaling binnen 60 dagen na goedkeuring.", lineOrigins: [.page(3, line: 18, column: 1)])
        let pdf = DocumentResult(
            path: "scan.pdf", format: .pdf, contentHash: "03", domains: [], domainSource: .none, clauses: Clause.placeholders(1),
            findings: [finding("betaaltermijn", .error, path: "scan.pdf", block: pdfBlock, match: "binnen 60 dagen",
                               quantity: "60 dagen", basis: [bw], category: .disproportioneel, topic: "betaaltermijn",
                               fingerprint: "00000000000000d1")],
            warnings: [], checkedRules: ["betaaltermijn", "kwartaalrapportage"], lawDay: "2026-06-01")

        return LintResult(documents: [markdown, docx, xml, pdf], errors: [.malformed(path: "kapot.docx", reason: .init("geen word/document.xml", en: "no word/document.xml"))],
                          tariff: .standard,
                          staleBaseline: [BaselineEntry(fingerprint: "00000000000000e1", rule: "vog-afschriften", path: "docs/oud.md",
                                                        clause: "Artikel 3", match: "kopie van de VOG")])
    }
}

extension Clause {
    /// `count` clauses of one block each, for fixtures that only count clauses.
    static func placeholders(_ count: Int) -> [Clause] {
        (0..<count).map { Clause(number: nil, headingPath: [], blocks: $0..<($0 + 1)) }
    }
}
