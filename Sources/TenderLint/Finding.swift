import TenderDocument
import TenderRules

/// A model article proposed for a finding, rendered in the report's language.
public struct ModelProposal: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var text: String
    /// How the proposal was chosen: `rule` (the rule names it) or `similarity` (ranked by text).
    public var reason: String
}

/// The Standaardkostenmodel estimate for one finding, for one provider.
public struct BurdenEstimate: Hashable, Sendable, Codable {
    public var hoursPerOccurrence: Double
    public var occurrencesPerYear: Double
    /// hoursPerOccurrence × occurrencesPerYear.
    public var hoursPerYear: Double
    /// hoursPerYear × the hourly tariff.
    public var eurosPerYear: Double
    public var bearer: String
}

/// One burdensome clause found in a document.
public struct Finding: Hashable, Sendable, Codable {
    public var ruleId: String
    public var topic: String
    public var category: Category
    public var severity: Severity
    public var path: String
    /// Where the matched text starts and ends in the original file.
    public var start: SourceLocation
    public var end: SourceLocation
    /// The clause number as a person cites it (`Artikel 12 lid 2`), if the clause has one.
    public var clauseNumber: String?
    public var headingPath: [String]
    /// The matched text exactly as it stands in the document.
    public var matchedText: String
    /// The whole block (paragraph) the match stands in, as written.
    public var excerpt: String
    /// The UTF-8 range of the match in `excerpt`.
    public var excerptRange: Range<Int>
    public var message: String
    public var title: String
    public var basis: [LegalBasis]
    public var model: ModelProposal?
    /// The best-ranked model article by text similarity, when it differs from `model`.
    public var alternativeModel: ModelProposal?
    public var burden: BurdenEstimate
    /// A fingerprint of the rule and the clause's words: survives renumbering, moves and reflowed text.
    public var fingerprint: String
    /// Set when the finding is silenced (suppression, municipal context, baseline), with the reason.
    public var suppression: String?
    /// Where the exception behind `suppression` is written down; nil while the finding is active.
    public var suppressionKind: SuppressionKind? = nil
}
