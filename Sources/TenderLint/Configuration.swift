import TenderRules

/// The settings of `.tenderlint.yml`: which rules run and how severe they are, the domain, a
/// region's own rule folders, and the municipal context that explains why a rule does not apply.
///
/// ```yaml
/// version: 1
/// domain: wmo                          # or a list: [jeugd, wmo]
/// disable: [verantwoordingslast]       # rule ids, topics or categories
/// enable: [eigen-productcodes]         # switches a rule back on inside a disabled topic/category
/// severity:
///   vog-afschriften-jeugd: error       # id, topic or category → error | warning | info
/// rule-folders: [regels]               # relative to this file
/// context:
///   - rule: vog-afschriften-jeugd      # id, topic or category
///     reason: "Onze Wmo-verordening vereist een VOG."
/// ```
///
/// All rules are on unless disabled. When several names apply to one rule, the most specific wins:
/// rule id (or alias) over topic over category. The built-in suppression checks
/// (`SuppressionRule`) are addressed by their id only.
public struct Configuration: Sendable {
    /// A name of a rule, topic or category as written in the file, with its position for errors.
    public struct Selector: Hashable, Sendable {
        public var name: String
        public var file: String
        public var line: Int
        public var column: Int

        public init(name: String, file: String = "", line: Int = 1, column: Int = 1) {
            self.name = name; self.file = file; self.line = line; self.column = column
        }

        func problem(_ reason: ConfigurationError.Reason) -> ConfigurationError.Problem {
            ConfigurationError.Problem(file: file, line: line, column: column, reason: reason)
        }
    }

    /// A severity for every rule a selector names.
    public struct SeverityOverride: Hashable, Sendable {
        public var selector: Selector
        public var severity: Severity
    }

    /// Municipal context: the rules a selector names are silenced in every document, with `reason`.
    public struct ContextEntry: Hashable, Sendable {
        public var selector: Selector
        public var reason: String
    }

    /// The file name looked for in the folder of each linted file and the folders above it.
    public static let fileName = ".tenderlint.yml"

    /// The file this configuration was read from; nil for the defaults.
    public var file: String?
    public var enable: [Selector] = []
    public var disable: [Selector] = []
    public var severities: [SeverityOverride] = []
    /// The domains to assume instead of detecting them; nil: detect (or `--domain`).
    public var domains: [Domain]?
    /// Folders with a region's own rule files, as absolute or working-directory paths.
    public var ruleFolders: [String] = []
    public var context: [ContextEntry] = []
    /// `burden: municipalities-per-provider`: the municipalities factor of the burden estimates
    /// for documents under this file (nil: the command line's or the default, 5).
    public var municipalitiesPerProvider: Int?
    /// `burden: tariff`, with `tariff-source` and `tariff-year`: the hourly tariff of the burden
    /// estimates for documents under this file (nil: the command line's or the default).
    public var tariff: Tariff?

    /// The defaults: every rule on, nothing silenced.
    public init() {}

    /// `base` with this configuration's rule selection, severities, domain and context applied
    /// for `catalogue`. A `--domain` in `base` wins over the file's `domain`.
    /// - Throws: `.invalid` for names the catalogue does not know and contradictory selections.
    public func options(base: EngineOptions, catalogue: Catalogue) throws(ConfigurationError) -> EngineOptions {
        var problems: [ConfigurationError.Problem] = []
        let builtins = Set(SuppressionRule.allCases.map(\.id))
        let all = [enable, disable, severities.map(\.selector), context.map(\.selector)].joined()
        for s in all where !builtins.contains(s.name) && !Self.names(s.name, in: catalogue) {
            problems.append(s.problem(.unknownSelector(s.name)))
        }
        let disabledNames = Set(disable.map(\.name))
        for s in enable where disabledNames.contains(s.name) { problems.append(s.problem(.enabledAndDisabled(s.name))) }
        if !problems.isEmpty { throw .invalid(problems) }

        var options = base
        if options.domains == nil, let domains { options.domains = Set(domains) }
        if !options.municipalitiesFromCommandLine, let m = municipalitiesPerProvider { options.municipalitiesPerProvider = m }
        if !options.tariffFromCommandLine, let tariff { options.tariff = tariff }
        let ids = catalogue.rules.map { ($0.id, Optional($0)) } + SuppressionRule.allCases.map { ($0.id, nil as Rule?) }
        for (id, rule) in ids {
            let on = best(enable, id: id, rule: rule)
            let off = best(disable, id: id, rule: rule)
            if let off, (on?.specificity ?? -1) < off.specificity { options.disabledRules.insert(id) }
            if let severity = best(severities.map { ($0.selector, $0.severity) }, id: id, rule: rule) {
                options.severityOverrides[id] = severity
            }
            if let reason = best(context.map { ($0.selector, $0.reason) }, id: id, rule: rule) {
                options.context[id] = reason
            }
        }
        return options
    }

    /// The most specific selector of `selectors` that names rule `id`, and how specific it is.
    private func best(_ selectors: [Selector], id: String, rule: Rule?) -> (selector: Selector, specificity: Int)? {
        var found: (selector: Selector, specificity: Int)?
        for s in selectors {
            guard let level = Self.specificity(of: s.name, id: id, rule: rule) else { continue }
            if found == nil || level > found!.specificity { found = (s, level) }
        }
        return found
    }

    /// The value of the most specific pair whose selector names rule `id`; later pairs win ties.
    private func best<Value>(_ pairs: [(Selector, Value)], id: String, rule: Rule?) -> Value? {
        var found: (value: Value, specificity: Int)?
        for (s, value) in pairs {
            guard let level = Self.specificity(of: s.name, id: id, rule: rule) else { continue }
            if found == nil || level >= found!.specificity { found = (value, level) }
        }
        return found?.value
    }

    /// 3 when `name` is the rule's id or an alias, 2 its topic, 1 its category; nil otherwise.
    /// Built-in rules (`rule == nil`) are named by their id only.
    static func specificity(of name: String, id: String, rule: Rule?) -> Int? {
        if name == id { return 3 }
        guard let rule else { return nil }
        if rule.aliases.contains(name) { return 3 }
        if rule.topic == name { return 2 }
        if rule.category.rawValue == name { return 1 }
        return nil
    }

    /// Whether `name` names anything in `catalogue`: a rule, an alias, a topic or a category.
    static func names(_ name: String, in catalogue: Catalogue) -> Bool {
        catalogue.rule(name) != nil || catalogue.taxonomy.topic(name) != nil
            || catalogue.rules.contains { $0.topic == name } || Category(rawValue: name) != nil
    }
}
