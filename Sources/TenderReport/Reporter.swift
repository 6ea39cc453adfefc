import TenderLint
import TenderRules

/// Settings every reporter receives.
public struct ReportOptions: Sendable {
    public var language: Language
    /// ANSI colour (only on a terminal, and never with NO_COLOR set: the CLI decides).
    public var color: Bool
    public var toolVersion: String

    public init(language: Language = .nl, color: Bool = false, toolVersion: String = TenderlintVersion.current) {
        self.language = language
        self.color = color
        self.toolVersion = toolVersion
    }
}

/// The version reported in every machine-readable output.
public enum TenderlintVersion {
    public static let current = "0.1.0"
}

/// Writes a lint result in one output format. Reporters only format: positions, messages and
/// burden are already in the result; no reporter reads a document.
public protocol Reporter {
    /// The `--format` name.
    static var identifier: String { get }
    /// One line for `--help`.
    static var summary: String { get }
    init(options: ReportOptions, catalogue: Catalogue)
    func report(_ result: LintResult) throws -> String
}

/// A reporter whose output is an opening, a section per document and a closing: it is written
/// while the documents are linted, one document at a time (`tenderlint lint` does so, to keep
/// memory bounded on a corpus). `report(_:)` is exactly those pieces for the whole run. A reporter
/// may keep state between the pieces (a separator, the rule texts the findings used).
public protocol StreamingReporter: Reporter {
    mutating func opening() -> String
    mutating func section(_ document: DocumentResult) -> String
    mutating func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String
}

extension StreamingReporter {
    public mutating func opening() -> String { "" }

    public func report(_ result: LintResult) throws -> String {
        var writer = self
        var out = writer.opening()
        for d in result.documents { out += writer.section(d) }
        return out + writer.closing(result.totals, staleBaseline: result.staleBaseline, errors: result.errors)
    }
}

/// The list of reporters; `--format` and `--help` read it.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, CompactReporter.self, JSONReporter.self, JSONLinesReporter.self, HTMLReporter.self,
        SARIFReporter.self, JUnitReporter.self, GitHubReporter.self, CheckstyleReporter.self,
    ]

    public static func reporter(for identifier: String) -> (any Reporter.Type)? {
        all.first { $0.identifier == identifier }
    }

    public static var identifiers: [String] { all.map { $0.identifier } }
}
