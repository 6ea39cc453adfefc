import TenderDocument
import TenderLint
import TenderRules

/// What kind of deviation from the standard a clause is.
public enum DeviationKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The document has the clause of the standard, with other words.
    case changed
    /// The document has a clause the standard has no counterpart for: a local demand.
    case added
    /// The standard has a clause the document has no counterpart for, such as a protection dropped.
    case removed
}

/// A lint finding on a clause, in the few fields the comparison reports. Built from a `Finding`
/// by `init(_:)` only, so that a change of `Finding` touches this one place.
public struct ClauseFinding: Hashable, Sendable, Codable {
    public var ruleId: String
    public var severity: Severity
    public var title: String
    public var message: String
    public var location: SourceLocation
    public var hoursPerYear: Double
    public var eurosPerYear: Double

    public init(ruleId: String, severity: Severity, title: String, message: String, location: SourceLocation,
                hoursPerYear: Double, eurosPerYear: Double) {
        self.ruleId = ruleId
        self.severity = severity
        self.title = title
        self.message = message
        self.location = location
        self.hoursPerYear = hoursPerYear
        self.eurosPerYear = eurosPerYear
    }

    /// The adapter from the engine's finding, its texts rendered by `text`.
    public init(_ finding: Finding, text: FindingText) {
        self.init(ruleId: finding.ruleId, severity: finding.severity, title: text.title(finding), message: text.message(finding),
                  location: finding.start, hoursPerYear: finding.burden.hoursPerYear, eurosPerYear: finding.burden.eurosPerYear)
    }
}

/// One side of a deviation: the clause (or clauses, for a split or merge) in one document.
public struct ClauseSide: Hashable, Sendable, Codable {
    /// The clause number as written (`Artikel 7`, `7.3`), `7.2 + 7.3` for several clauses; nil when unnumbered.
    public var number: String?
    public var headingPath: [String]
    public var location: SourceLocation
    /// The text as written, clauses joined by a line break.
    public var text: String
    /// The indices of the clauses in their document.
    public var clauses: [Int]
}

/// A clause of the document that differs from the standard.
public struct Deviation: Hashable, Sendable, Codable {
    public var kind: DeviationKind
    public var standard: ClauseSide?
    public var document: ClauseSide?
    /// The cosine similarity of the stems of both sides (changed only).
    public var similarity: Double?
    /// Whether the clause stands elsewhere in the document than in the standard's order.
    public var moved: Bool
    /// The word diff (changed only); placeholders filled in are `fill` segments.
    public var diff: [DiffSegment]
    public var numberChanges: [NumberChange]
    /// The lint findings of the document's clause (changed and added).
    public var findings: [ClauseFinding]

    /// How much the deviation weighs: a removed clause is a warning (a protection may be gone);
    /// a changed or added clause has the highest severity of its findings, and is advice without any.
    public var severity: Severity {
        if kind == .removed { return .warning }
        return findings.map(\.severity).max() ?? .info
    }

    public var hoursPerYear: Double { findings.reduce(0) { $0 + $1.hoursPerYear } }
    public var eurosPerYear: Double { findings.reduce(0) { $0 + $1.eurosPerYear } }
}

/// A clause the document kept word for word, at another place or under another number.
public struct MovedClause: Hashable, Sendable, Codable {
    public var standard: ClauseSide
    public var document: ClauseSide
}

/// The totals of one document's comparison.
public struct ComparisonSummary: Hashable, Sendable, Codable {
    /// The clauses of the standard (headings not counted).
    public var standardClauses: Int
    /// Clauses of the standard the document has unchanged (after normalisation).
    public var kept: Int
    public var changed: Int
    public var added: Int
    public var removed: Int
    /// Unchanged clauses at another place.
    public var moved: Int
    public var hoursPerYear: Double
    public var eurosPerYear: Double

    /// kept / standardClauses (1 for an empty standard).
    public var keptShare: Double { standardClauses == 0 ? 1 : Double(kept) / Double(standardClauses) }
}

/// One document compared with the standard.
public struct DocumentComparison: Hashable, Sendable, Codable {
    public var path: String
    public var format: DocumentFormat
    /// The deviations in the document's order (removed clauses where they would have stood).
    public var deviations: [Deviation]
    public var moved: [MovedClause]
    public var summary: ComparisonSummary
    public var warnings: [ReadWarning]
}

/// `tenderlint compare --standard STANDARD DOCUMENT…`.
public struct CompareResult: Sendable {
    public var standardPath: String
    public var standardFormat: DocumentFormat?
    public var documents: [DocumentComparison]
    /// Files that could not be read: one line each, `path: reason`.
    public var errors: [String]
    public var tariff: Double

    public init(standardPath: String, standardFormat: DocumentFormat?, documents: [DocumentComparison], errors: [String], tariff: Double) {
        self.standardPath = standardPath
        self.standardFormat = standardFormat
        self.documents = documents
        self.errors = errors
        self.tariff = tariff
    }

    public var deviations: [Deviation] { documents.flatMap(\.deviations) }

    /// Whether a deviation at or above `threshold` exists (nil: never).
    public func fails(at threshold: Severity?) -> Bool {
        guard let threshold else { return false }
        return deviations.contains { $0.severity >= threshold }
    }
}
