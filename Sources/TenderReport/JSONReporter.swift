import Foundation
import TenderDocument
import TenderLint
import TenderRules

/// Machine-readable output, schema version 2 (docs/json-schema.md).
///
/// The report is written as the run goes: the `documents` array first, one document at a time,
/// then everything that needs the whole run. Rule titles and model-article texts stand once per
/// report (`rules`, `modelTexts`), not once per finding. Keys are sorted at every level (the
/// top-level keys after `documents` happen to sort after it too) and findings are in reading
/// order, so the same input gives the same bytes whether the report is streamed or written whole.
public struct JSONReporter: StreamingReporter {
    public static let identifier = "json"
    public static let summary = "JSON (schema versie 2, zie docs/json-schema.md)"
    public static let schemaVersion = 2

    let options: ReportOptions
    let text: FindingText
    private var written = 0
    private var used = JSONCatalogueUse()

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    public mutating func opening() -> String { "{\n  \"documents\" : [" }

    public mutating func section(_ document: DocumentResult) -> String {
        let entry = JSONReport.document(document, text: text, used: &used)
        defer { written += 1 }
        var out = JSONOutput(indent: 4, reserve: 2048 + 2048 * entry.findings.count)
        entry.write(to: &out)
        return (written == 0 ? "\n" : ",\n") + out.string
    }

    public mutating func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        var out = "\n  ],\n"
        let en = options.language == .en
        let tail = JSONReport.Tail(
            inputErrors: errors.map { $0.message(english: en) },
            language: options.language.rawValue,
            modelTexts: used.modelTexts,
            rules: used.rules,
            schemaVersion: JSONReporter.schemaVersion,
            staleBaseline: staleBaseline,
            summary: JSONReport.Summary(totals, staleBaseline: staleBaseline.count, language: options.language),
            tool: JSONReport.Tool(name: "tenderlint", version: options.toolVersion))
        // The tail's keys, each at the top level of the report (the encoded object without its braces).
        let body = JSONReport.encode(tail, indent: 0)
        let inner = body.dropFirst(2).dropLast(2)   // "{\n" … "\n}"
        out += inner + "\n}\n"
        return out
    }
}

/// One JSON object per line (`--format jsonl`), for corpus pipelines: a line per document in
/// the shape of a `documents` entry of the JSON report, with the rule titles and model texts it
/// uses inline, so every line stands on its own; then one closing line with `"type": "summary"`.
public struct JSONLinesReporter: StreamingReporter {
    public static let identifier = "jsonl"
    public static let summary = "JSON Lines: één regel per document, dan een samenvatting (schema versie 2)"

    let options: ReportOptions
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    public mutating func section(_ document: DocumentResult) -> String {
        var used = JSONCatalogueUse()
        let entry = JSONReport.document(document, text: text, used: &used)
        let line = JSONReport.Line(type: "document", schemaVersion: JSONReporter.schemaVersion, document: entry,
                                   rules: used.rules, modelTexts: used.modelTexts)
        var out = JSONOutput(pretty: false, reserve: 4096 + 1536 * entry.findings.count)
        line.write(to: &out)
        return out.string + "\n"
    }

    public mutating func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        let line = JSONReport.SummaryLine(
            type: "summary", schemaVersion: JSONReporter.schemaVersion, language: options.language.rawValue,
            tool: JSONReport.Tool(name: "tenderlint", version: options.toolVersion),
            summary: JSONReport.Summary(totals, staleBaseline: staleBaseline.count, language: options.language),
            inputErrors: errors.map { $0.message(english: options.language == .en) }, staleBaseline: staleBaseline)
        return JSONReport.compact(line) + "\n"
    }
}

/// The rules and model texts a report's findings refer to, collected as documents are written.
struct JSONCatalogueUse {
    var rules: [String: JSONReport.RuleEntry] = [:]
    var modelTexts: [String: JSONReport.ModelText] = [:]
}

/// The shapes of the JSON report (schema version 2).
public enum JSONReport {
    public struct Tool: Codable, Sendable { public var name: String; public var version: String }
    public struct Location: Codable, Sendable, Equatable {
        /// `line`, `paragraph`, `xml` or `page`.
        public var kind: String
        public var line: Int?
        public var paragraph: Int?
        public var page: Int?
        public var path: String?
        public var column: Int

        public init(_ l: SourceLocation) {
            switch l {
            case let .line(n, c): kind = "line"; line = n; column = c
            case let .paragraph(p, c): kind = "paragraph"; paragraph = p; column = c
            case let .xml(path, n, c): kind = "xml"; self.path = path; line = n; column = c
            case let .page(p, n, c): kind = "page"; page = p; line = n; column = c
            }
        }
    }
    public struct Basis: Codable, Sendable {
        public var law: String
        public var article: String?
        public var bwb: String?
        public var url: String?
        public var verification: String
        public var source: String?
        public var citation: String
    }
    public struct Burden: Codable, Sendable {
        public var hoursPerOccurrence: Double
        public var occurrencesPerYear: Double
        /// The municipalities factor (`--municipalities-per-provider`): hoursPerYear =
        /// hoursPerOccurrence × occurrencesPerYear × municipalities.
        public var municipalities: Int
        public var hoursPerYear: Double
        public var eurosPerYear: Double
        public var bearer: String
        /// What the proposed model article would still ask, and the hours it saves (absent
        /// without a model article that states its burden).
        public var remainingHoursPerYear: Double?
        public var savedHoursPerYear: Double?
    }
    /// A proposed model article: its id, why it was chosen, and the key of its text in `modelTexts`.
    public struct ModelReference: Codable, Sendable {
        public var id: String
        public var reason: String
        public var ref: String
    }
    /// A model article's title and text as the report shows it.
    public struct ModelText: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var text: String
    }
    /// A rule as the report's findings name it.
    public struct RuleEntry: Codable, Sendable, Equatable {
        public var title: String
        public var topic: String
        public var category: String
    }
    public struct FindingEntry: Codable, Sendable {
        public var ruleId: String
        public var topic: String
        public var category: String
        public var severity: String
        public var start: Location
        public var end: Location
        public var clause: String?
        public var headingPath: [String]
        /// The matched text with runs of white space folded to one space.
        public var match: String
        public var message: String
        public var basis: [Basis]
        /// The period of the rule's law (`valid`), for a rule that holds for one.
        public var period: Period?
        public var model: ModelReference?
        public var alternativeModel: ModelReference?
        public var burden: Burden
        public var fingerprint: String
        /// The reason the finding is silenced; nil while it is active.
        public var suppressed: String?
        /// Where that reason is written down: `document`, `comment`, `configuration` or `baseline`.
        public var suppressionSource: String?
    }
    public struct DocumentEntry: Codable, Sendable {
        public var path: String
        public var format: String
        public var contentHash: String
        public var domains: [String]
        public var domainSource: String
        public var clauses: Int
        public var hoursPerYear: Double
        public var eurosPerYear: Double
        public var warnings: [String]
        public var findings: [FindingEntry]
        /// The date the document was judged by and its source; absent: none, today's law applied.
        public var date: DocumentDateEntry?
        /// The day whose law the rules applied (the date, else the day of the run).
        public var lawDay: String
    }
    /// A rule's period: its first and last day, either open.
    public struct Period: Codable, Sendable, Equatable {
        public var from: String?
        public var until: String?
    }
    public struct DocumentDateEntry: Codable, Sendable, Equatable {
        public var day: String
        /// `option` (`--date`), `metadata`, `properties` (eForms BT-05) or `text` (a dated line).
        public var source: String
        /// True when only the year is known (`day` is then 1 January).
        public var yearOnly: Bool?
    }
    public struct Summary: Codable, Sendable {
        public var documents: Int
        public var errors: Int
        public var warnings: Int
        public var infos: Int
        public var silenced: Int
        /// Baseline entries that match no finding any more (`staleBaseline`).
        public var staleBaseline: Int?
        public var hoursPerYear: Double
        public var eurosPerYear: Double
        public var tariffPerHour: Double
        /// Where the tariff comes from and its year, as the user stated them (`--tariff-source`,
        /// `burden: tariff-source` …; the default's source is the Handboek Meting Regeldrukkosten).
        public var tariffSource: String?
        public var tariffYear: Int?
        /// The sentence the human reports print beside the euros: the tariff is an assumption.
        public var tariffNote: String
        /// True when documents were estimated with different tariffs (`tariffPerHour` is then the
        /// first document's); absent otherwise.
        public var tariffsDiffer: Bool?
        /// The municipalities factor of the burdens (absent when no finding has a burden).
        public var municipalitiesPerProvider: Int?
        /// Documents without any date, judged by today's law (absent when every one had a date),
        /// and the sentence the text report prints about them.
        public var undatedDocuments: Int?
        public var undatedNote: String?

        init(_ totals: LintTotals, staleBaseline: Int, language: Language) {
            documents = totals.documents
            errors = totals.errors
            warnings = totals.warnings
            infos = totals.infos
            silenced = totals.silenced.count
            self.staleBaseline = staleBaseline
            hoursPerYear = JSONReport.round(totals.hoursPerYear)
            eurosPerYear = JSONReport.round(totals.eurosPerYear)
            tariffPerHour = totals.tariff.eurosPerHour
            tariffSource = totals.tariff.source
            tariffYear = totals.tariff.year
            tariffNote = Formatting.tariffAssumption(totals, language)
            tariffsDiffer = totals.tariffsDiffer ? true : nil
            municipalitiesPerProvider = totals.municipalitiesPerProvider
            undatedDocuments = totals.undated > 0 ? totals.undated : nil
            undatedNote = Formatting.undatedNote(totals, language)
        }
    }
    /// Every top-level key of the report after `documents`.
    struct Tail: Encodable {
        var inputErrors: [String]
        var language: String
        var modelTexts: [String: ModelText]
        var rules: [String: RuleEntry]
        var schemaVersion: Int
        var staleBaseline: [BaselineEntry]
        var summary: Summary
        var tool: Tool
    }
    /// One document line of `--format jsonl`.
    struct Line: Encodable {
        var type: String
        var schemaVersion: Int
        var document: DocumentEntry
        var rules: [String: RuleEntry]
        var modelTexts: [String: ModelText]
    }
    /// The closing line of `--format jsonl`.
    struct SummaryLine: Encodable {
        var type: String
        var schemaVersion: Int
        var language: String
        var tool: Tool
        var summary: Summary
        var inputErrors: [String]
        var staleBaseline: [BaselineEntry]
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    static func document(_ d: DocumentResult, text: FindingText, used: inout JSONCatalogueUse) -> DocumentEntry {
        DocumentEntry(path: d.path, format: d.format.rawValue, contentHash: d.contentHash, domains: d.domains.map(\.rawValue),
                      domainSource: d.domainSource.rawValue, clauses: d.clauseCount,
                      hoursPerYear: round(d.hoursPerYear), eurosPerYear: round(d.eurosPerYear),
                      warnings: d.warnings.map { $0.message(english: text.language == .en) }, findings: d.findings.map { entry($0, text: text, used: &used) },
                      date: d.date.map { DocumentDateEntry(day: $0.day, source: $0.source.rawValue, yearOnly: $0.yearOnly ? true : nil) },
                      lawDay: d.lawDay)
    }

    static func entry(_ f: Finding, text: FindingText, used: inout JSONCatalogueUse) -> FindingEntry {
        if used.rules[f.ruleId] == nil {
            used.rules[f.ruleId] = RuleEntry(title: text.title(f), topic: f.topic, category: f.category.rawValue)
        }
        func reference(_ rendered: RenderedModel?) -> ModelReference? {
            guard let rendered else { return nil }
            // A model's text depends on the article and the parameters of the rule proposing it.
            let ref = f.ruleId + "/" + rendered.id
            if used.modelTexts[ref] == nil { used.modelTexts[ref] = ModelText(id: rendered.id, title: rendered.title, text: rendered.text) }
            return ModelReference(id: rendered.id, reason: rendered.reason, ref: ref)
        }
        return FindingEntry(
            ruleId: f.ruleId, topic: f.topic, category: f.category.rawValue, severity: f.severity.rawValue,
            start: Location(f.start), end: Location(f.end), clause: f.clauseNumber, headingPath: f.headingPath,
            match: f.matchedTextFolded, message: text.message(f),
            basis: f.basis.map { Basis(law: $0.law, article: $0.article, bwb: $0.bwb, url: $0.url, verification: $0.status.rawValue,
                                       source: $0.source, citation: $0.citation) },
            period: f.period.map { Period(from: $0.from, until: $0.until) },
            model: reference(text.model(of: f)), alternativeModel: reference(text.alternativeModel(of: f)),
            burden: Burden(hoursPerOccurrence: f.burden.hoursPerOccurrence, occurrencesPerYear: f.burden.occurrencesPerYear,
                           municipalities: f.burden.municipalities,
                           hoursPerYear: round(f.burden.hoursPerYear), eurosPerYear: round(f.burden.eurosPerYear), bearer: f.burden.bearer,
                           remainingHoursPerYear: f.burden.remainingHoursPerYear.map(round), savedHoursPerYear: f.burden.savedHoursPerYear.map(round)),
            fingerprint: f.fingerprint, suppressed: f.suppression, suppressionSource: f.suppressionKind?.rawValue)
    }

    /// `value` pretty-printed with sorted keys, every line indented by `indent` spaces.
    static func encode<T: Encodable>(_ value: T, indent: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail (no non-finite numbers reach them).
        let json = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        guard indent > 0 else { return json }
        let pad = String(repeating: " ", count: indent)
        return json.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// `value` on one line with sorted keys.
    static func compact<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
