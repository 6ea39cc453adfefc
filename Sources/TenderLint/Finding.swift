import TenderDocument
import TenderRules

/// A model article proposed for a finding: which article, why, and the value it quotes from the
/// finding. Its title and text are rendered by `FindingText` in the report's language.
public struct ModelProposal: Hashable, Sendable, Codable {
    /// How a proposal was chosen.
    public enum Reason: String, Hashable, Sendable, Codable {
        /// The rule names the article.
        case rule
        /// The library ranked by similarity to the clause.
        case similarity
    }

    public var id: String
    public var reason: Reason

    public init(id: String, reason: Reason) {
        self.id = id
        self.reason = reason
    }
}

/// The Standaardkostenmodel estimate for one finding, for one provider.
public struct BurdenEstimate: Hashable, Sendable, Codable {
    public var hoursPerOccurrence: Double
    public var occurrencesPerYear: Double
    /// The municipalities a provider works for that each make this demand (the stated factor
    /// `EngineOptions.municipalitiesPerProvider`; 1 counts this tender alone).
    public var municipalities: Int
    /// hoursPerOccurrence × occurrencesPerYear × municipalities.
    public var hoursPerYear: Double
    /// hoursPerYear × the hourly tariff.
    public var eurosPerYear: Double
    public var bearer: String
    /// The hours per year the proposed model article would still ask, with the same factors
    /// (nil without a model article that states its burden).
    public var remainingHoursPerYear: Double?
    /// hoursPerYear − remainingHoursPerYear: what using the model article saves (nil as above).
    public var savedHoursPerYear: Double? { remainingHoursPerYear.map { max(0, hoursPerYear - $0) } }
    /// The euro per hour of `eurosPerYear`.
    public var eurosPerHour: Double
    /// savedHoursPerYear × the tariff.
    public var savedEurosPerYear: Double? { savedHoursPerYear.map { $0 * eurosPerHour } }

    public init(hoursPerOccurrence: Double, occurrencesPerYear: Double, municipalities: Int, tariff: Double, bearer: String,
                remaining: BurdenSpec? = nil) {
        self.hoursPerOccurrence = hoursPerOccurrence
        self.occurrencesPerYear = occurrencesPerYear
        self.municipalities = municipalities
        hoursPerYear = hoursPerOccurrence * occurrencesPerYear * Double(municipalities)
        eurosPerYear = hoursPerYear * tariff
        eurosPerHour = tariff
        self.bearer = bearer
        remainingHoursPerYear = remaining.map { $0.hours * $0.frequency * Double(municipalities) }
    }

    /// No burden (the engine's own findings about suppression markers).
    public static let none = BurdenEstimate(hoursPerOccurrence: 0, occurrencesPerYear: 0, municipalities: 1, tariff: 0, bearer: "opsteller")

    /// The hours per year this tender's clause alone costs one provider (without the municipalities factor).
    public var hoursPerYearInOneTender: Double { hoursPerOccurrence * occurrencesPerYear }
}

/// What a finding says, as data: the reporter renders it in the language it is asked for.
public enum FindingMessage: Hashable, Sendable, Codable {
    /// A catalogue rule's message template, filled with the matched text and the quantity it
    /// judged (empty when the rule has no numeric condition).
    case rule(match: String, quantity: String)
    /// A built-in finding about a suppression marker.
    case suppression(SuppressionRule.Problem)
}

/// Where a finding stands in the document's reading order: the block, and the UTF-8 offset in the
/// block's text. Every ordering of findings (reports, the one-finding-per-clause choice) uses it,
/// whatever the format's own coordinates are (a PDF's line numbers restart on every page).
public struct TextPosition: Hashable, Sendable, Codable, Comparable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }

    public static func < (a: TextPosition, b: TextPosition) -> Bool {
        (a.block, a.offset) < (b.block, b.offset)
    }
}

/// One burdensome clause found in a document. A finding is data: typed identifiers, message
/// arguments and positions. No text in it is in a report language; `FindingText` renders it.
public struct Finding: Hashable, Sendable, Codable {
    public var ruleId: String
    public var topic: String
    public var category: Category
    public var severity: Severity
    public var path: String
    /// Where the match starts in reading order (block and offset).
    public var position: TextPosition
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
    /// What the finding says, rendered at report time.
    public var message: FindingMessage
    public var basis: [LegalBasis]
    /// The period of the rule that made the finding (its `valid`), when the rule holds for one:
    /// the report says which period applied. Nil for a rule that always holds.
    public var period: RulePeriod? = nil
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

    /// The matched text on one line: runs of white space (line breaks in a PDF or a reflowed
    /// paragraph) folded to one space, for every place a report shows it.
    public var matchedTextFolded: String { matchedText.foldingWhitespace() }

    /// The value a model article's `{gevonden}` parameter quotes: the judged quantity, else the match.
    public var foundValue: String {
        switch message {
        case let .rule(match, quantity): return quantity.isEmpty ? match : quantity
        case .suppression: return matchedText
        }
    }

    /// Reading order, then the rule id (two rules may match at one position).
    public static func inReadingOrder(_ a: Finding, _ b: Finding) -> Bool {
        if a.position != b.position { return a.position < b.position }
        return a.ruleId < b.ruleId
    }
}

extension String {
    /// Runs of white space folded to one space, and no white space at either end.
    public func foldingWhitespace() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.unicodeScalars.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
