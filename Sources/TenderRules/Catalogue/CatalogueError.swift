
/// A problem in the rule catalogue, reported as `file:line:column: reason` in the language asked for.
public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible, YAMLProblem {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: Reason

    public init(file: String, line: Int, column: Int, reason: Reason) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    /// In Dutch, the default language of the tool.
    public var description: String { description(.nl) }

    public func description(_ language: Language) -> String { "\(file):\(line):\(column): \(reason.text(language))" }

    /// Why a catalogue file is wrong. Rendered in either language at the moment it is shown.
    public enum Reason: YAMLShapeReason {
        /// A problem of shape, common to every YAML file (`YAMLShape`).
        case shape(YAMLShape)
        case emptyFile
        case unreadableFile
        case unknownTopic(String)
        case categoryDiffersFromTopic(String, topic: String, topicCategory: String)
        case unknownCategory(String)
        case unknownSeverity(String)
        case unknownDomain(String)
        case unknownModel(String)
        case badVerification
        case basisWithoutSource(status: String)
        case noBasis
        case allNotAList
        case needsAnyOrAll(String)
        case needsWordGroup(String)
        case nearNotPositive
        case badScope
        case badGroup
        case unknownWordSet(String)
        case invalidPhrase(String)
        case emptyGroup
        case unknownUnit(String)
        case unknownFact(String)
        case quantityNeedsBound
        case exceptionWithoutWhy
        case whyOnMatch
        case tooFewExamples(triggering: Bool, found: Int)
        case exampleWithoutText
        case exampleNotText
        case unpairedMarks
        case triggeringWithoutRange
        case nonTriggeringWithRange
        case parameterNotInText(String)
        case negativeBurden
        case duplicateId(String, otherFile: String)
        case fileNameMismatch(expected: String)
        case duplicateModel(String)
        case invalidDate(String)
        case periodNeedsBound
        case emptyPeriod(from: String, until: String)
        case exampleOutsidePeriod(String)

        public func text(_ language: Language) -> String {
            let en = language == .en
            switch self {
            case .emptyFile: return en ? "empty file" : "leeg bestand"
            case .unreadableFile: return en ? "file missing or unreadable" : "bestand ontbreekt of is onleesbaar"
            case let .shape(problem): return problem.text(language)
            case let .unknownTopic(t): return en ? "topic '\(t)' is not in topics.yml" : "topic '\(t)' staat niet in topics.yml"
            case let .categoryDiffersFromTopic(c, t, tc):
                return en ? "category '\(c)' differs from that of topic '\(t)' (\(tc))" : "categorie '\(c)' wijkt af van die van topic '\(t)' (\(tc))"
            case let .unknownCategory(c): return en ? "unknown category '\(c)'" : "onbekende categorie '\(c)'"
            case let .unknownSeverity(s): return en ? "unknown severity '\(s)' (error, warning, info)" : "onbekende ernst '\(s)' (error, warning, info)"
            case let .unknownDomain(d): return en ? "unknown domain '\(d)'" : "onbekend domein '\(d)'"
            case let .unknownModel(m): return en ? "model article '\(m)' does not exist in rules/models" : "modelartikel '\(m)' bestaat niet in rules/models"
            case .badVerification: return en ? "status must be V, P or U" : "status moet V, P of U zijn"
            case let .basisWithoutSource(s): return en ? "a basis with status \(s) names its source ('source')" : "een basis met status \(s) noemt haar bron ('source')"
            case .noBasis: return en ? "a rule names at least one legal basis or standard" : "een regel noemt minstens één wettelijke basis of standaard"
            case .allNotAList: return en ? "'all' must be a list of groups" : "'all' moet een lijst van groepen zijn"
            case let .needsAnyOrAll(w): return en ? "\(w) needs 'any' or 'all'" : "\(w) heeft 'any' of 'all' nodig"
            case let .needsWordGroup(w):
                return en ? "\(w) needs at least one group of words (not only a quantity)" : "\(w) heeft minstens één groep woorden nodig (niet alleen een hoeveelheid)"
            case .nearNotPositive: return en ? "'near' must be a positive whole number (words)" : "'near' moet een positief geheel getal zijn (woorden)"
            case .badScope: return en ? "scope must be 'sentence' or 'clause'" : "scope moet 'sentence' of 'clause' zijn"
            case .badGroup: return en ? "a group is a list of words, {any: [...]} or {quantity: {...}}" : "een groep is een lijst woorden, {any: [...]} of {quantity: {...}}"
            case let .unknownWordSet(p): return en ? "unknown word set '\(p)' (see lexicon.yml)" : "onbekende woordenset '\(p)' (zie lexicon.yml)"
            case let .invalidPhrase(p): return en ? "invalid phrase '\(p)'" : "ongeldige frase '\(p)'"
            case .emptyGroup: return en ? "empty group" : "lege groep"
            case let .unknownUnit(u):
                return en ? "unknown unit '\(u)' (dagen, werkdagen, weken, maanden, jaar, uur, euro, procent, keer)"
                          : "onbekende eenheid '\(u)' (dagen, werkdagen, weken, maanden, jaar, uur, euro, procent, keer)"
            case let .unknownFact(f): return en ? "unknown document fact '\(f)' (see lexicon.yml facts)" : "onbekend documentfeit '\(f)' (zie lexicon.yml facts)"
            case .exceptionWithoutWhy:
                return en ? "every exception says in 'why' why the text it matches is no burden"
                          : "elke uitzondering zegt in 'why' waarom de tekst die zij vindt geen last is"
            case .whyOnMatch:
                return en ? "'why' belongs to an exception, not to the rule's 'match'"
                          : "'why' hoort bij een uitzondering, niet bij de 'match' van de regel"
            case .quantityNeedsBound: return en ? "quantity needs 'above' or 'below'" : "quantity heeft 'above' of 'below' nodig"
            case let .tooFewExamples(triggering, found):
                return en ? "at least two \(triggering ? "triggering" : "non-triggering") examples needed, found: \(found)"
                          : "minstens twee \(triggering ? "triggerende" : "niet-triggerende") voorbeelden nodig, gevonden: \(found)"
            case .exampleWithoutText: return en ? "example without 'text'" : "voorbeeld zonder 'text'"
            case .exampleNotText: return en ? "an example must be text" : "voorbeeld moet tekst zijn"
            case .unpairedMarks: return en ? "marks ⟦ ⟧ do not pair" : "markeringen ⟦ ⟧ vormen geen paren"
            case .triggeringWithoutRange: return en ? "triggering example without a marked range ⟦…⟧" : "triggerend voorbeeld zonder gemarkeerd bereik ⟦…⟧"
            case .nonTriggeringWithRange: return en ? "a non-triggering example may not contain ⟦…⟧" : "niet-triggerend voorbeeld mag geen ⟦…⟧ bevatten"
            case let .parameterNotInText(p): return en ? "parameter '\(p)' does not occur in the text" : "parameter '\(p)' komt niet voor in de tekst"
            case .negativeBurden: return en ? "burden: hours and frequency cannot be negative" : "burden: uren en frequentie kunnen niet negatief zijn"
            case let .duplicateId(id, other): return en ? "id '\(id)' also occurs in \(other)" : "id '\(id)' komt ook voor in \(other)"
            case let .fileNameMismatch(expected): return en ? "the file name must be '\(expected)'" : "bestandsnaam moet '\(expected)' zijn"
            case let .duplicateModel(id): return en ? "model article '\(id)' exists twice" : "modelartikel '\(id)' bestaat twee keer"
            case let .invalidDate(d): return en ? "'\(d)' is not a date written yyyy-mm-dd" : "'\(d)' is geen datum in de vorm jjjj-mm-dd"
            case .periodNeedsBound: return en ? "valid needs 'from' or 'until'" : "valid heeft 'from' of 'until' nodig"
            case let .emptyPeriod(from, until):
                return en ? "valid: 'from' (\(from)) lies after 'until' (\(until))" : "valid: 'from' (\(from)) ligt na 'until' (\(until))"
            case let .exampleOutsidePeriod(d):
                return en ? "the example's date \(d) lies outside the rule's period (valid)" : "de datum \(d) van het voorbeeld ligt buiten de periode van de regel (valid)"
            }
        }
    }
}

/// Several catalogue problems at once: loading goes on after the first so a rule author sees all.
public struct CatalogueErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [CatalogueError]
    public var description: String { description(.nl) }
    public func description(_ language: Language) -> String { errors.map { $0.description(language) }.joined(separator: "\n") }
}
