import Foundation
import TenderDocument
import TenderRules

/// Settings that change what the engine finds. The report language is not one of them: findings
/// are data, rendered by `FindingText` in the language a reporter is asked for.
public struct EngineOptions: Sendable {
    /// Domains to assume instead of detecting them from the text (`--domain`).
    public var domains: Set<Domain>?
    /// The hourly tariff of the burden estimates, with its source and year (an assumption).
    public var tariff: Tariff
    /// True when `--tariff` set the tariff: it then wins over `.tenderlint.yml`.
    public var tariffFromCommandLine = false
    /// Municipalities a provider works for, each making the demand a finding is about: the
    /// Standaardkostenmodel's Q factor for one provider (default `BurdenDefaults.municipalitiesPerProvider`;
    /// 1 counts the one tender alone, as the inventory does: it counts every tender itself).
    public var municipalitiesPerProvider: Int
    /// True when `--municipalities-per-provider` set the factor: it then wins over `.tenderlint.yml`.
    public var municipalitiesFromCommandLine = false
    /// Rules that do not run (ids).
    public var disabledRules: Set<String>
    /// Severity per rule id.
    public var severityOverrides: [String: Severity]
    /// Municipal context (`.tenderlint.yml` `context`): rule id → the recorded reason why the rule
    /// does not apply here. The rule still runs; its findings are silenced with that reason.
    public var context: [String: String]
    /// The date every document is judged by (`--date`), before its own; nil: each its own.
    public var date: DocumentDate?
    /// Today (`yyyy-mm-dd`, UTC): the law of a document without any date.
    public var today: String = EngineOptions.currentDay()

    /// The current day in UTC, `yyyy-mm-dd`.
    public static func currentDay(_ now: Date = Date()) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: now)
        return String(format: "%04d-%02d-%02d", c.year ?? 2000, c.month ?? 1, c.day ?? 1)
    }

    public init(domains: Set<Domain>? = nil, tariff: Tariff = .standard,
                municipalitiesPerProvider: Int = BurdenDefaults.municipalitiesPerProvider,
                disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
                context: [String: String] = [:]) {
        self.domains = domains
        self.tariff = tariff
        self.municipalitiesPerProvider = max(1, municipalitiesPerProvider)
        self.disabledRules = disabledRules
        self.severityOverrides = severityOverrides
        self.context = context
    }
}

/// The documented defaults of the burden arithmetic (docs/burden.md).
public enum BurdenDefaults {
    /// Euro per hour. An assumption until verified against the current Handboek Meting
    /// Regeldrukkosten: the fact base could not confirm the tariff (docs/burden.md).
    public static let tariff = 54.0
    /// Providers affected by one tender, for corpus totals (an assumption; docs/burden.md).
    public static let providersPerTender = 25
    /// Municipalities one provider works for: over a third of youth-care providers worked in more
    /// than five municipalities in 2021 (Jeugdautoriteit, Stand van de Jeugdzorg 2023, section 10).
    /// A derived, labelled assumption (docs/burden.md).
    public static let municipalitiesPerProvider = 5
    /// Where the default tariff comes from, shown beside every figure made with it.
    public static let tariffSource = "Handboek Meting Regeldrukkosten"
}

/// The hourly tariff that turns hours into euros, with where it comes from. Every figure made with
/// it is an assumption, and the reports say so beside it: the default (€ 54, from the Handboek
/// Meting Regeldrukkosten) could not be verified (docs/burden.md), and a tariff given in
/// `.tenderlint.yml` or on the command line carries the source and year its user states.
public struct Tariff: Sendable, Hashable, Codable {
    /// Euro per hour.
    public var eurosPerHour: Double
    /// Where the figure comes from, in the user's words (nil: not stated).
    public var source: String?
    /// The year the figure is for (nil: not stated).
    public var year: Int?

    public init(eurosPerHour: Double, source: String? = nil, year: Int? = nil) {
        self.eurosPerHour = eurosPerHour
        self.source = source
        self.year = year
    }

    /// The documented default: € 54 per hour, Handboek Meting Regeldrukkosten, year unknown, not verified.
    public static let standard = Tariff(eurosPerHour: BurdenDefaults.tariff, source: BurdenDefaults.tariffSource)
    /// True for the built-in default, which the reports call unverified.
    public var isStandard: Bool { self == .standard }
    /// The accepted range of `--tariff` and `burden: tariff`.
    public static let range: ClosedRange<Double> = 1...1000
    /// The accepted range of `--tariff-year` and `burden: tariff-year`.
    public static let years: ClosedRange<Int> = 1990...2100
}
