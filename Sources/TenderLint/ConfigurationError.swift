import TenderRules

/// Why a configured run cannot start. Every case ends the program with exit code 2; problems in
/// a configuration file are reported as `file:line:column: reason`, all at once.
public enum ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// One problem at a position in a configuration file.
    public struct Problem: Hashable, Sendable, YAMLProblem {
        public var file: String
        /// 1-based line and column of the YAML node (Yams marks).
        public var line: Int
        public var column: Int
        public var reason: Reason

        public init(file: String, line: Int, column: Int, reason: Reason) {
            self.file = file; self.line = line; self.column = column; self.reason = reason
        }

        /// `file:line:column: reason` in `language`.
        public func description(_ language: Language) -> String {
            "\(file):\(line):\(column): \(reason.text(language))"
        }
    }

    /// What is wrong; the texts are in one place, `text(_:)`.
    public enum Reason: YAMLShapeReason {
        /// A problem of shape, common to every YAML file (`YAMLShape`).
        case shape(YAMLShape)
        case unsupportedVersion(String)
        case unknownDomain(String)
        case unknownSeverity(String)
        /// A name that is no rule id, alias, topic or category of the catalogue (nor a built-in id).
        case unknownSelector(String)
        /// The same name is both enabled and disabled.
        case enabledAndDisabled(String)
        case emptyReason
        /// A whole number from 1 to 1000 was expected for the key.
        case notACount(String, String)
        /// `burden: tariff` outside 1 to 1000 euro per hour, or `tariff-year` outside 1990 to 2100.
        case notATariff(String)
        case notATariffYear(String)
        /// `tariff-source` or `tariff-year` without the `tariff` they describe.
        case tariffDetailWithoutTariff(String)
        case ruleFolderMissing(String)
        /// Two configurations' rule folders define one rule id in two files.
        case duplicateRule(id: String, otherFile: String)
        /// `rule-folders` used where the catalogue folder is not known (a programming error of the caller).
        case ruleFoldersNeedCatalogue

        public func text(_ language: Language) -> String {
            let en = language == .en
            switch self {
            case let .shape(problem):
                return problem.text(language)
            case let .unsupportedVersion(v):
                return en ? "unsupported version '\(v)' (supported: 1)" : "onbekende versie '\(v)' (ondersteund: 1)"
            case let .unknownDomain(d):
                return en ? "unknown domain '\(d)' (jeugd, wmo, participatie)" : "onbekend domein '\(d)' (jeugd, wmo, participatie)"
            case let .unknownSeverity(s):
                return en ? "unknown severity '\(s)' (error, warning, info)" : "onbekende ernst '\(s)' (error, warning, info)"
            case let .unknownSelector(name):
                return en ? "'\(name)' is no rule id, topic or category; see `tenderlint rules`"
                          : "'\(name)' is geen regel-id, topic of categorie; zie `tenderlint rules`"
            case let .enabledAndDisabled(name):
                return en ? "'\(name)' is both enabled and disabled" : "'\(name)' staat zowel bij enable als bij disable"
            case let .notACount(key, value):
                return en ? "\(key): '\(value)' is not a whole number from 1 to 1000"
                          : "\(key): '\(value)' is geen geheel getal van 1 tot en met 1000"
            case let .notATariff(value):
                return en ? "tariff: '\(value)' is not an amount from 1 to 1000 euros per hour"
                          : "tariff: '\(value)' is geen bedrag van 1 tot en met 1000 euro per uur"
            case let .notATariffYear(value):
                return en ? "tariff-year: '\(value)' is not a year from 1990 to 2100"
                          : "tariff-year: '\(value)' is geen jaar van 1990 tot en met 2100"
            case let .tariffDetailWithoutTariff(key):
                return en ? "\(key) describes the tariff: give 'tariff' too"
                          : "\(key) beschrijft het uurtarief: geef ook 'tariff'"
            case .emptyReason:
                return en ? "a context entry needs a reason ('reason'): comply or explain"
                          : "een context-regel heeft een reden nodig ('reason'): pas toe of leg uit"
            case let .ruleFolderMissing(path):
                return en ? "rule folder '\(path)' does not exist" : "regelmap '\(path)' bestaat niet"
            case let .duplicateRule(id, other):
                return en ? "rule '\(id)' is also defined in \(other); give one of them another id"
                          : "regel '\(id)' staat ook in \(other); geef een van beide een ander id"
            case .ruleFoldersNeedCatalogue:
                return en ? "rule-folders cannot be used here: the catalogue folder is unknown (pass --rules DIR)"
                          : "rule-folders kan hier niet: de map van de catalogus is onbekend (geef --rules MAP)"
            }
        }
    }

    /// Problems in configuration files, in file order.
    case invalid([Problem])
    /// The configuration file cannot be read.
    case unreadable(path: String)
    /// The catalogue with the configuration's extra rule folders does not load.
    case catalogue(CatalogueErrors)

    /// One line per problem, in `language`.
    public func description(_ language: Language) -> String {
        switch self {
        case let .invalid(problems): return problems.map { $0.description(language) }.joined(separator: "\n")
        case let .unreadable(path):
            return language == .en ? "\(path): cannot read configuration file" : "\(path): configuratiebestand is onleesbaar"
        case let .catalogue(errors): return errors.description(language)
        }
    }

    public var description: String { description(.nl) }
}
