import TenderDocument
import TenderFormats
import TenderRules

/// Why a file could not be read: typed, rendered as one line `path: reason` in the report's
/// language (`message(english:)`). Reporters name it by this alias and need not know the readers.
public typealias InputError = ReaderError

/// How the domains of a document were decided.
public enum DomainSource: String, Sendable, Codable {
    case detected, option, none
}

/// What the engine found in one document.
public struct DocumentResult: Sendable, Codable {
    public var path: String
    public var format: DocumentFormat
    public var contentHash: String
    public var domains: [Domain]
    public var domainSource: DomainSource
    /// The clauses the engine segmented the document into (numbers, heading paths, blocks), for
    /// the reports that show the document by clause: they do not segment it again.
    public var clauses: [Clause]
    public var clauseCount: Int { clauses.count }
    /// Findings in document order.
    public var findings: [Finding]
    /// Reader warnings (recovered problems), rendered by the reporters.
    public var warnings: [ReadWarning]
    /// The ids of the rules that ran on this document (enabled, and for its domains), sorted.
    public var checkedRules: [String]
    /// The hourly tariff the findings' euros were computed with (the engine's, which a
    /// `.tenderlint.yml` above the document may set).
    public var tariff: Tariff
    /// The date the document was judged by, with its source; nil: it has none, and today's law
    /// (`lawDay`) was applied.
    public var date: DocumentDate?
    /// The day whose law the rules applied: the document's date, else the day of the run.
    public var lawDay: String

    public init(path: String, format: DocumentFormat, contentHash: String, domains: [Domain], domainSource: DomainSource,
                clauses: [Clause], findings: [Finding], warnings: [ReadWarning], checkedRules: [String] = [], tariff: Tariff = .standard,
                date: DocumentDate? = nil, lawDay: String? = nil) {
        self.date = date
        self.lawDay = lawDay ?? date?.day ?? EngineOptions.currentDay()
        self.path = path
        self.format = format
        self.contentHash = contentHash
        self.domains = domains
        self.domainSource = domainSource
        self.findings = findings
        self.warnings = warnings
        self.checkedRules = checkedRules
        self.tariff = tariff
        self.clauses = clauses
    }

    /// Burden of the findings that are not silenced, for one provider per year.
    public var hoursPerYear: Double { findings.filter { $0.suppression == nil }.reduce(0) { $0 + $1.burden.hoursPerYear } }
    public var eurosPerYear: Double { findings.filter { $0.suppression == nil }.reduce(0) { $0 + $1.burden.eurosPerYear } }
}

/// The result of a lint run over one or more files.
public struct LintResult: Sendable {
    public var documents: [DocumentResult]
    /// Files that could not be read; each renders as one line, `path: reason`.
    public var errors: [InputError]
    /// The run's tariff: the command line's or the default (a document's own is in `DocumentResult`).
    public var tariff: Tariff
    /// Baseline entries that match no finding any more (`lint --baseline`), in baseline order.
    public var staleBaseline: [BaselineEntry]

    public init(documents: [DocumentResult], errors: [InputError], tariff: Tariff, staleBaseline: [BaselineEntry] = []) {
        self.documents = documents.sorted { $0.path < $1.path }
        self.errors = errors
        self.tariff = tariff
        self.staleBaseline = staleBaseline
    }

    /// All active (not silenced) findings, sorted by path, position and rule.
    public var findings: [Finding] { documents.flatMap { $0.findings.filter { $0.suppression == nil } } }
    public var silenced: [Finding] { documents.flatMap { $0.findings.filter { $0.suppression != nil } } }

    public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
    public var hoursPerYear: Double { documents.reduce(0) { $0 + $1.hoursPerYear } }
    public var eurosPerYear: Double { documents.reduce(0) { $0 + $1.eurosPerYear } }
}
