import TenderRules

/// Settings that change what the engine finds. The report language is not one of them: findings
/// are data, rendered by `FindingText` in the language a reporter is asked for.
public struct EngineOptions: Sendable {
    /// Domains to assume instead of detecting them from the text (`--domain`).
    public var domains: Set<Domain>?
    /// Euro per hour for burden estimates.
    public var tariff: Double
    /// Rules that do not run (ids).
    public var disabledRules: Set<String>
    /// Severity per rule id.
    public var severityOverrides: [String: Severity]
    /// Municipal context (`.tenderlint.yml` `context`): rule id → the recorded reason why the rule
    /// does not apply here. The rule still runs; its findings are silenced with that reason.
    public var context: [String: String]

    public init(domains: Set<Domain>? = nil, tariff: Double = BurdenDefaults.tariff,
                disabledRules: Set<String> = [], severityOverrides: [String: Severity] = [:],
                context: [String: String] = [:]) {
        self.domains = domains
        self.tariff = tariff
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
}
