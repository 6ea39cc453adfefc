import TenderRules

/// The engine's own findings about suppression markers. They need no matcher, so they are not
/// rule files in `rules/`; configuration can still switch them off or change their severity by id
/// (not by topic or category, so switching off a category never hides them by accident).
///
/// A finding needs one of the four catalogue categories; these use `niet-standaard`, the nearest
/// one: a suppression is a local deviation from the catalogue that has to be explained.
public enum SuppressionRule: String, CaseIterable, Sendable {
    /// A marker that gives no reason: it silences nothing and is itself a finding (warning).
    case missingReason = "suppressie-zonder-reden"
    /// A marker that silenced nothing, or names no rule or an unknown one (advice).
    case unused = "suppressie-ongebruikt"

    /// What exactly is wrong with a marker, for the message.
    public enum Problem: Hashable, Sendable, Codable {
        /// The marker names these rules but gives no reason.
        case noReason([String])
        /// The rule ran on the clause but found nothing there to silence.
        case silencedNothing(String)
        /// The id is neither a rule nor an alias in the catalogue.
        case unknownRule(String)
        /// The marker names no rule at all.
        case noRule
    }

    public var id: String { rawValue }

    /// The topic these findings carry in reports.
    public static let topic = "suppressie"

    /// The category a `Finding` needs (see the type's documentation).
    public static let category = Category.nietStandaard

    public var defaultSeverity: Severity {
        switch self {
        case .missingReason: return .warning
        case .unused: return .info
        }
    }

    /// The built-in rule with this id, if any.
    public static func rule(_ id: String) -> SuppressionRule? { SuppressionRule(rawValue: id) }

    public func title(_ language: Language) -> String {
        switch (self, language) {
        case (.missingReason, .nl): return "Suppressie zonder reden"
        case (.missingReason, .en): return "Suppression without a reason"
        case (.unused, .nl): return "Suppressie die niets onderdrukt"
        case (.unused, .en): return "Suppression that silences nothing"
        }
    }

    /// What the rule signals and why, for `explain`-like help (SARIF `fullDescription`).
    public func rationale(_ language: Language) -> String {
        switch (self, language) {
        case (.missingReason, .nl):
            return "Een markering [tenderlint: negeer <regel> — <reden>] moet zeggen waarom de regel hier niet geldt "
                + "(pas toe of leg uit). Zonder reden onderdrukt de markering niets en is ze zelf een bevinding."
        case (.missingReason, .en):
            return "A marker [tenderlint: ignore <rule> -- <reason>] must say why the rule does not apply here "
                + "(comply or explain). Without a reason the marker silences nothing and is a finding itself."
        case (.unused, .nl):
            return "Een markering die in haar clausule niets onderdrukt, of een onbekende regel noemt, is overbodig "
                + "geworden of verkeerd gespeld; verwijder of verbeter haar, zodat afwijkingen zichtbaar blijven."
        case (.unused, .en):
            return "A marker that silences nothing in its clause, or names an unknown rule, is no longer needed or "
                + "misspelt; remove or correct it so that deviations stay visible."
        }
    }

    /// The finding's message for `problem`.
    public static func message(_ problem: Problem, _ language: Language) -> String {
        let en = language == .en
        switch problem {
        case let .noReason(ids):
            let list = ids.joined(separator: ", ")
            let first = ids.first ?? "<regel>"
            return en
                ? "Suppression of '\(list)' without a reason: say why the rule does not apply here, e.g. [tenderlint: ignore \(first) -- reason]; until then it silences nothing."
                : "Suppressie van '\(list)' zonder reden: schrijf erbij waarom de regel hier niet geldt, bijvoorbeeld [tenderlint: negeer \(first) — reden]; tot dan onderdrukt ze niets."
        case let .silencedNothing(id):
            return en
                ? "Suppression of '\(id)' silences nothing: the rule finds nothing in this clause; remove the marker."
                : "Suppressie van '\(id)' onderdrukt niets: de regel vindt niets in deze clausule; verwijder de markering."
        case let .unknownRule(id):
            return en
                ? "Suppression names unknown rule '\(id)'; see `tenderlint rules`."
                : "Suppressie noemt onbekende regel '\(id)'; zie `tenderlint rules`."
        case .noRule:
            return en
                ? "Suppression names no rule: write [tenderlint: ignore <rule-id> -- reason]."
                : "Suppressie noemt geen regel: schrijf [tenderlint: negeer <regel-id> — reden]."
        }
    }
}
