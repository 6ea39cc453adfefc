import Foundation
import TenderDocument
import TenderLint
import TenderRules

/// SARIF 2.1.0, for code scanning (GitHub `upload-sarif`, GitLab, IDE viewers).
///
/// Positions: text and Markdown use line and column; columns count Unicode code points
/// (`run.columnKind` is `unicodeCodePoints`) and `endColumn` is the column after the match.
/// DOCX and ODT have no lines: `startLine`/`endLine` hold the paragraph number and the columns
/// count inside the paragraph; `result.properties.location.kind` says `paragraph`. XML gives
/// the element's line only (its column counts inside the element's text) plus a logical
/// location with the element path. PDF gives no region at all, since a page's lines are no
/// lines of the file: a logical location `page N, line M` and the same in the properties.
///
/// Silenced findings are results with `suppressions`: `inSource` for a marker in the document
/// or a comment, `external` for the configuration's context and the baseline, with the reason as
/// the justification. Output is deterministic: members in a fixed order, rules by id, results in
/// report order.
public struct SARIFReporter: StreamingReporter {
    public static let identifier = "sarif"
    public static let summary = "SARIF 2.1.0 voor code scanning (GitHub, GitLab)"
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key of the finding's fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "tenderlint/v1"

    let options: ReportOptions
    let catalogue: Catalogue
    let text: FindingText
    private var ruleIndex: [String: Int] = [:]
    private var written = 0
    private var notifications: [SARIF.Notification] = []

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    /// The rule descriptors: every catalogue rule and the built-in suppression checks, by id.
    private func descriptors() -> [SARIF.ReportingDescriptor] {
        let language = options.language
        var descriptors = catalogue.rules.map { descriptor(for: $0) }
        descriptors += SuppressionRule.allCases.map { builtin in
            SARIF.ReportingDescriptor(
                id: builtin.id, name: SARIFReporter.name(for: builtin.id),
                shortDescription: .init(text: builtin.title(language)),
                fullDescription: .init(text: builtin.rationale(language)),
                help: .init(text: builtin.rationale(language), markdown: nil),
                helpUri: nil,
                defaultConfiguration: .init(level: SARIFReporter.level(builtin.defaultSeverity)),
                properties: .init(tags: ["tenderlint", SuppressionRule.topic], topic: SuppressionRule.topic,
                                  category: "engine", domains: [], basis: [], verified: nil, model: nil))
        }
        var seen = Set<String>()
        return descriptors.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }

    // The log is written as the run goes, with the run's members in a fixed order: `columnKind`,
    // `tool` (all rule descriptors, known before the first document), `results` (one document at
    // a time), then `invocations` and `properties`, which need the whole run. Every object inside
    // has sorted keys.

    public mutating func opening() -> String {
        let descriptors = descriptors()
        ruleIndex = Dictionary(uniqueKeysWithValues: descriptors.enumerated().map { ($1.id, $0) })
        let tool = SARIF.Tool(driver: .init(name: "tenderlint", version: options.toolVersion, semanticVersion: options.toolVersion,
                                            language: options.language.rawValue, rules: descriptors))
        return "{\n  \"$schema\" : \"\(SARIFReporter.schemaURI)\",\n  \"runs\" : [\n    {\n"
            + "      \"columnKind\" : \"unicodeCodePoints\",\n"
            + "      \"tool\" : " + JSONReport.encode(tool, indent: 6).dropFirst(6) + ",\n"
            + "      \"results\" : ["
    }

    public mutating func section(_ document: DocumentResult) -> String {
        var out = JSONOutput(indent: 8, padFirstLine: false, reserve: 256 + 2048 * document.findings.count)
        for f in document.findings {
            out.between(written == 0 ? "\n" : ",\n")
            result(f, ruleIndex: ruleIndex[f.ruleId] ?? -1, document: document).write(to: &out)
            written += 1
        }
        for w in document.warnings { notifications.append(.init(level: "warning", message: .init(text: w.message(english: options.language == .en)))) }
        return out.string
    }

    public mutating func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        var notifications = self.notifications
        for e in errors { notifications.append(.init(level: "error", message: .init(text: e.message(english: options.language == .en)))) }
        let invocations = [SARIF.Invocation(executionSuccessful: errors.isEmpty, toolExecutionNotifications: notifications)]
        var out = (written == 0 ? "\n" : "\n") + "      ],\n"
        out += "      \"invocations\" : " + JSONReport.encode(invocations, indent: 6).dropFirst(6)
        if !staleBaseline.isEmpty {
            out += ",\n      \"properties\" : " + JSONReport.encode(SARIF.RunProperties(staleBaseline: staleBaseline), indent: 6).dropFirst(6)
        }
        return out + "\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n"
    }

    private func descriptor(for rule: Rule) -> SARIF.ReportingDescriptor {
        let language = options.language
        let en = language == .en
        let rationale = rule.rationale.text(language).trimmingCharacters(in: .whitespacesAndNewlines)
        var help = rationale
        var markdown = rationale
        if !rule.basis.isEmpty {
            let lines = rule.basis.map { b -> (String, String) in
                var line = b.citation
                if let bwb = b.bwb { line += " (\(bwb))" }
                let url = SARIFReporter.url(of: b)
                return (line + (url.map { " <\($0)>" } ?? ""), url.map { "[\(line)](\($0))" } ?? line)
            }
            help += "\n\n" + (en ? "Legal basis: " : "Grondslag: ") + lines.map(\.0).joined(separator: "; ")
            markdown += "\n\n**" + (en ? "Legal basis" : "Grondslag") + ":** " + lines.map(\.1).joined(separator: "; ")
        }
        if let model = catalogue.model(rule.model) {
            let body = model.render(language).trimmingCharacters(in: .whitespacesAndNewlines)
            help += "\n\n" + (en ? "Model article" : "Modelartikel") + ": \(model.title.text(language)) (\(model.id))\n" + body
            markdown += "\n\n**" + (en ? "Model article" : "Modelartikel") + ":** \(model.title.text(language)) (`\(model.id)`)\n\n> " + body
        }
        let helpUri = rule.basis.lazy.compactMap(SARIFReporter.url(of:)).first
        return SARIF.ReportingDescriptor(
            id: rule.id, name: SARIFReporter.name(for: rule.id),
            shortDescription: .init(text: rule.title.text(language)),
            fullDescription: rationale.isEmpty ? nil : .init(text: rationale),
            help: .init(text: help, markdown: markdown),
            helpUri: helpUri,
            defaultConfiguration: .init(level: SARIFReporter.level(rule.severity)),
            properties: .init(tags: ["tenderlint", rule.category.rawValue, rule.topic] + rule.domains.map(\.rawValue),
                              topic: rule.topic, category: rule.category.rawValue, domains: rule.domains.map(\.rawValue),
                              basis: rule.basis.map(\.citation), verified: rule.isVerified,
                              model: rule.model.isEmpty ? nil : rule.model))
    }

    func result(_ f: Finding, ruleIndex: Int, document: DocumentResult) -> SARIF.Result {
        var region: SARIF.Region?
        var logical: [SARIF.LogicalLocation]?
        let columns = ReportPosition.codePointColumns(f)
        switch (f.start, f.end) {
        case let (.line(l, _), .line(el, _)), let (.paragraph(l, _), .paragraph(el, _)):
            region = .init(startLine: l, startColumn: columns.start, endLine: max(l, el), endColumn: el > l ? columns.end : max(columns.start, columns.end))
        case let (.xml(path, l, _), _):
            region = .init(startLine: l, startColumn: nil, endLine: nil, endColumn: nil)
            logical = [.init(name: (path as NSString).lastPathComponent, fullyQualifiedName: path, kind: "element")]
        case let (.page(p, l, _), _):
            let name = options.language == .en ? "page \(p), line \(l)" : "pagina \(p), regel \(l)"
            logical = [.init(name: name, fullyQualifiedName: "page[\(p)]/line[\(l)]", kind: "page")]
        default:
            // Start and end of different kinds do not occur (one block, one reader); point at the start line.
            region = .init(startLine: f.start.lineNumber, startColumn: nil, endLine: nil, endColumn: nil)
        }
        let location = SARIF.Location(
            physicalLocation: .init(artifactLocation: .init(uri: ReportPosition.uri(f.path)), region: region),
            logicalLocations: logical)
        var suppressions: [SARIF.Suppression]?
        if let reason = f.suppression {
            suppressions = [.init(kind: (f.suppressionKind?.isInSource ?? false) ? "inSource" : "external",
                                  status: "accepted", justification: reason)]
        }
        return SARIF.Result(
            ruleId: f.ruleId, ruleIndex: ruleIndex, level: SARIFReporter.level(f.severity), message: .init(text: text.message(f)),
            locations: [location], partialFingerprints: [SARIFReporter.fingerprintKey: f.fingerprint],
            suppressions: suppressions,
            properties: .init(location: JSONReport.Location(f.start), clause: f.clauseNumber, headingPath: f.headingPath,
                              match: f.matchedTextFolded, suppressionSource: f.suppressionKind?.rawValue,
                              model: f.model?.id, hoursPerYear: JSONReport.round(f.burden.hoursPerYear),
                              eurosPerYear: JSONReport.round(f.burden.eurosPerYear),
                              period: f.period.map { JSONReport.Period(from: $0.from, until: $0.until) },
                              judgedBy: f.period == nil ? nil : Formatting.judgedBy(document, options.language)))
    }

    /// SARIF's level for a severity: `info` becomes `note`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// The rule's `name`: its id in UpperCamelCase (`vog-afschriften-jeugd` → `VogAfschriftenJeugd`).
    static func name(for id: String) -> String {
        id.split(whereSeparator: { $0 == "-" || $0 == "_" }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// The law's web address: the basis's own URL, else wetten.overheid.nl by its BWB id.
    static func url(of basis: LegalBasis) -> String? {
        if let url = basis.url, url.hasPrefix("https://") || url.hasPrefix("http://") { return url }
        if let bwb = basis.bwb, bwb.hasPrefix("BWBR"), bwb.allSatisfy({ $0.isLetter || $0.isNumber }) {
            return "https://wetten.overheid.nl/\(bwb)"
        }
        return nil
    }
}
