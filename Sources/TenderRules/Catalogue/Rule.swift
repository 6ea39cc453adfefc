import TenderLanguage

/// The four kinds of burden a rule can flag (the categories of `topics.yml`).
public enum Category: String, Sendable, Codable, CaseIterable, Comparable {
    case wettelijkGeregeld = "wettelijk-geregeld"
    case nietStandaard = "niet-standaard"
    case disproportioneel
    case verantwoordingslast

    public static func < (a: Category, b: Category) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.wettelijkGeregeld, .nl): return "wettelijk geregeld"
        case (.wettelijkGeregeld, .en): return "already required by law"
        case (.nietStandaard, .nl): return "niet-standaard"
        case (.nietStandaard, .en): return "non-standard"
        case (.disproportioneel, .nl): return "disproportioneel"
        case (.disproportioneel, .en): return "disproportionate"
        case (.verantwoordingslast, .nl): return "verantwoordingslast"
        case (.verantwoordingslast, .en): return "reporting burden"
        }
    }
}

/// How serious a finding is; `--fail-on` compares against it.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.info, .nl): return "advies"
        case (.warning, .nl): return "waarschuwing"
        case (.error, .nl): return "fout"
        case (_, .en): return rawValue
        }
    }
}

/// The social-domain laws a document can be about.
public enum Domain: String, Sendable, Codable, CaseIterable, Comparable {
    case jeugd, wmo, participatie

    public static func < (a: Domain, b: Domain) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var lawName: String {
        switch self {
        case .jeugd: return "Jeugdwet"
        case .wmo: return "Wmo 2015"
        case .participatie: return "Participatiewet"
        }
    }
}

/// How far a legal fact has been checked (the marks of the fact base).
public enum Verification: String, Sendable, Codable {
    /// Checked in the statute text, an official publication or the standard owner's own page.
    case verified = "V"
    /// Confirmed by a reliable secondary source, or the article number not seen in the statute.
    case partial = "P"
    /// Not verified: messages built on it speak of "mogelijk".
    case unverified = "U"
}

/// The law or national standard a rule rests on.
public struct LegalBasis: Hashable, Sendable, Codable {
    /// The law or standard, e.g. `Jeugdwet`, `Landelijk accountantsprotocol Wmo en Jeugdwet`.
    public var law: String
    /// The article, e.g. `4.1.6`; nil for a standard without articles.
    public var article: String?
    /// The BWB id of the law on wetten.overheid.nl, e.g. `BWBR0034925`.
    public var bwb: String?
    public var url: String?
    public var status: Verification
    /// Where the fact was checked (or why it stays unverified).
    public var source: String?
    /// The domain this basis applies to; nil for all.
    public var domain: Domain?

    public init(law: String, article: String? = nil, bwb: String? = nil, url: String? = nil, status: Verification,
                source: String? = nil, domain: Domain? = nil) {
        self.law = law; self.article = article; self.bwb = bwb; self.url = url
        self.status = status; self.source = source; self.domain = domain
    }

    /// `art. 4.1.6 Jeugdwet` or the standard's name.
    public var citation: String {
        if let article { return "art. \(article) \(law)" }
        return law
    }
}

/// The Standaardkostenmodel inputs of one rule: time per occurrence and occurrences per year.
public struct BurdenSpec: Hashable, Sendable, Codable {
    /// Hours of work per occurrence for one provider.
    public var hours: Double
    /// Occurrences per year for one provider.
    public var frequency: Double
    /// Who bears it, e.g. `aanbieder`, `inschrijver`.
    public var bearer: String
    /// The assumption behind the numbers.
    public var note: String?
}

/// One phrase group or quantity condition of a match.
public enum MatchGroup: Hashable, Sendable, Codable {
    /// Any of these phrases (already expanded from lexicon sets).
    case phrases([String])
    /// A quantity meeting a condition.
    case quantity(QuantityCondition)
}

/// A condition on a quantity in the same sentence or clause.
public struct QuantityCondition: Hashable, Sendable, Codable {
    public var dimension: QuantityDimension
    /// Strict lower bound, in the dimension's base unit (days, euro, percent, times).
    public var above: Double?
    /// Strict upper bound.
    public var below: Double?
    /// When set, the bounds are ratios of this document fact (e.g. `opdrachtwaarde`):
    /// the quantity must be above `above` × fact. No fact in the document: no match.
    public var relativeTo: String?
}

/// The dimensions quantity conditions can speak of: the ones the quantity scanner finds.
public typealias QuantityDimension = Quantity.Dimension

/// Where the parts of a match must stand together.
public enum MatchScope: String, Hashable, Sendable, Codable {
    case sentence, clause
}

/// A combination of groups that must all occur, within `near` words of each other if set.
public struct MatchSpec: Hashable, Sendable, Codable {
    public var groups: [MatchGroup]
    /// The most words between the first and last part; nil: anywhere in the scope.
    public var near: Int?
    public var scope: MatchScope
    /// Why the text an exception matches is no burden (Dutch, one line); nil for a rule's match.
    public var why: String? = nil
}

/// An example sentence from a rule file, with the ranges that must be reported.
public struct RuleExample: Hashable, Sendable, Codable {
    /// The example text with the `⟦` `⟧` markers removed.
    public var text: String
    /// The UTF-8 ranges in `text` that must be reported, in order.
    public var expectedRanges: [Range<Int>]
    public var triggering: Bool
    /// The domain the example's document is about, if it says.
    public var domain: Domain?
    /// The date of the example's document (`yyyy-mm-dd`), if it says: a rule with a `valid`
    /// period runs its examples on a day inside it unless they name one.
    public var date: String? = nil
    /// Where the example stands in its rule file.
    public var file: String
    public var line: Int
    public var ruleId: String
    /// 1-based index among the rule's examples of the same kind.
    public var index: Int
}

/// The days a rule holds for (`valid: {from: 2026-01-01, until: 2026-12-31}`), both ends
/// included, days written `yyyy-mm-dd`; one end may be open. A document is judged by the rules
/// whose period holds its date (or today, when it has none).
public struct RulePeriod: Hashable, Sendable, Codable {
    public var from: String?
    public var until: String?

    public init(from: String? = nil, until: String? = nil) {
        self.from = from
        self.until = until
    }

    /// Whether `day` (`yyyy-mm-dd`) lies in the period. Such days sort as text.
    public func contains(_ day: String) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }

    /// A day inside the period, for examples that name none: its first day, else its last.
    public var someDay: String { from ?? until ?? "2000-01-01" }
}

/// One rule of the catalogue, as loaded from `rules/<category>/<id>.yml`.
public struct Rule: Sendable, Identifiable, Codable {
    public var id: String
    public var aliases: [String]
    public var topic: String
    public var category: Category
    public var severity: Severity
    /// The domains the rule applies to; empty: all.
    public var domains: [Domain]
    public var title: LocalizedText
    /// The message of a finding; `{match}` and `{quantity}` are filled in.
    public var message: LocalizedText
    public var rationale: LocalizedText
    public var basis: [LegalBasis]
    public var match: MatchSpec
    public var exceptions: [MatchSpec]
    public var burden: BurdenSpec
    /// The id of the model article this rule proposes.
    public var model: String
    /// Values for the model article's parameters.
    public var modelParameters: [String: String]
    public var examples: [RuleExample]
    /// The period the rule holds for; nil: always.
    public var valid: RulePeriod? = nil
    /// The rule file, relative to the catalogue folder's parent where possible.
    public var file: String

    /// Whether every basis the rule cites is verified.
    public var isVerified: Bool { basis.allSatisfy { $0.status == .verified } }

    /// The bases that apply in `domains` (all bases without a domain, plus those of these domains).
    public func basis(for domains: Set<Domain>) -> [LegalBasis] {
        let specific = basis.filter { $0.domain.map(domains.contains) ?? false }
        let general = basis.filter { $0.domain == nil }
        let chosen = general + specific
        return chosen.isEmpty ? basis : chosen
    }
}
