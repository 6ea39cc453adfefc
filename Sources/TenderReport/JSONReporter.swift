import Foundation
import TenderDocument
import TenderLint
import TenderRules

/// Machine-readable output, schema version 1 (docs/json-schema.md). Keys are sorted and the
/// order of findings is fixed, so the same input gives the same bytes.
public struct JSONReporter: Reporter {
    public static let identifier = "json"
    public static let summary = "JSON (schema versie 1, zie docs/json-schema.md)"
    public static let schemaVersion = 1

    let options: ReportOptions

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
    }

    public func report(_ result: LintResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(JSONReport(result, options: options))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// The shape of the JSON report.
public struct JSONReport: Codable, Sendable {
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
        public var hoursPerYear: Double
        public var eurosPerYear: Double
        public var bearer: String
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
        public var match: String
        public var message: String
        public var title: String
        public var basis: [Basis]
        public var model: ModelProposal?
        public var alternativeModel: ModelProposal?
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
    }

    public var schemaVersion: Int
    public var tool: Tool
    public var language: String
    public var documents: [DocumentEntry]
    public var summary: Summary
    /// Files that could not be read, `path: reason`.
    public var inputErrors: [String]
    /// Baseline entries that match no finding any more; empty without `--baseline`.
    public var staleBaseline: [BaselineEntry]?

    public init(_ result: LintResult, options: ReportOptions) {
        schemaVersion = JSONReporter.schemaVersion
        tool = Tool(name: "tenderlint", version: options.toolVersion)
        language = options.language.rawValue
        documents = result.documents.map { d in
            DocumentEntry(path: d.path, format: d.format.rawValue, contentHash: d.contentHash, domains: d.domains.map(\.rawValue),
                          domainSource: d.domainSource.rawValue, clauses: d.clauseCount,
                          hoursPerYear: JSONReport.round(d.hoursPerYear), eurosPerYear: JSONReport.round(d.eurosPerYear),
                          warnings: d.warnings, findings: d.findings.map(JSONReport.entry))
        }
        summary = Summary(documents: result.documents.count, errors: result.count(.error), warnings: result.count(.warning),
                          infos: result.count(.info), silenced: result.silenced.count, staleBaseline: result.staleBaseline.count,
                          hoursPerYear: JSONReport.round(result.hoursPerYear), eurosPerYear: JSONReport.round(result.eurosPerYear),
                          tariffPerHour: result.tariff)
        inputErrors = result.errors
        staleBaseline = result.staleBaseline
    }

    static func round(_ v: Double) -> Double { (v * 100).rounded() / 100 }

    static func entry(_ f: Finding) -> FindingEntry {
        FindingEntry(ruleId: f.ruleId, topic: f.topic, category: f.category.rawValue, severity: f.severity.rawValue,
                     start: Location(f.start), end: Location(f.end), clause: f.clauseNumber, headingPath: f.headingPath,
                     match: f.matchedText, message: f.message, title: f.title,
                     basis: f.basis.map { Basis(law: $0.law, article: $0.article, bwb: $0.bwb, url: $0.url, verification: $0.status.rawValue,
                                                source: $0.source, citation: $0.citation) },
                     model: f.model, alternativeModel: f.alternativeModel,
                     burden: Burden(hoursPerOccurrence: f.burden.hoursPerOccurrence, occurrencesPerYear: f.burden.occurrencesPerYear,
                                    hoursPerYear: round(f.burden.hoursPerYear), eurosPerYear: round(f.burden.eurosPerYear), bearer: f.burden.bearer),
                     fingerprint: f.fingerprint, suppressed: f.suppression, suppressionSource: f.suppressionKind?.rawValue)
    }
}
