import Yams

/// The one YAML layer of tenderlint: the rule catalogue, the lexicon, the taxonomy and the
/// `.tenderlint.yml` configuration are read through `YAMLNodeReader`, which walks Yams nodes and
/// reports every problem at the line and column of its node, with a typed reason. The problems
/// of shape (a mapping expected, an unknown or duplicate key, text expected …) are `YAMLShape`,
/// rendered in one place; each kind of file adds its own reasons beside them.

/// A problem of shape that any of tenderlint's YAML files can have.
public enum YAMLShape: Hashable, Sendable {
    /// Not YAML at all: libyaml's problem, at its position.
    case invalidYAML(String)
    case notAMapping(String)
    case keyNotText
    /// A key the mapping does not have; `in` names the part of the file (nil: the file's top level).
    case unknownKey(String, in: String?, allowed: [String])
    case duplicateKey(String)
    case missingKey(String)
    case notText(String)
    case itemNotText(String)
    case notANumber(String)
    case notAList(String)

    /// The English name of a part of a file that the parsers name in Dutch.
    static func english(_ what: String) -> String {
        ["regel": "rule", "modelartikel": "model article", "taxonomie": "taxonomy", "lexicon": "lexicon"][what] ?? what
    }

    public func text(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case let .invalidYAML(p): return en ? "not valid YAML: \(p)" : "geen geldige YAML: \(YAMLSyntax.dutch(p))"
        case let .notAMapping(w): return en ? "\(Self.english(w)) must be a mapping" : "\(w) moet een mapping zijn"
        case .keyNotText: return en ? "a key must be text" : "sleutel moet tekst zijn"
        case let .unknownKey(k, w, allowed):
            let list = allowed.joined(separator: ", ")
            if let w {
                return en ? "unknown key '\(k)' in \(Self.english(w)) (allowed: \(list))" : "onbekende sleutel '\(k)' in \(w) (toegestaan: \(list))"
            }
            return en ? "unknown key '\(k)' (allowed: \(list))" : "onbekende sleutel '\(k)' (toegestaan: \(list))"
        case let .duplicateKey(k): return en ? "key '\(k)' occurs twice" : "sleutel '\(k)' komt twee keer voor"
        case let .missingKey(k): return en ? "missing key '\(k)'" : "ontbrekende sleutel '\(k)'"
        case let .notText(w): return en ? "'\(w)' must be text" : "'\(w)' moet tekst zijn"
        case let .itemNotText(w): return en ? "every item of '\(w)' must be text" : "elk item van '\(w)' moet tekst zijn"
        case let .notANumber(w): return en ? "'\(w)' must be a number" : "'\(w)' moet een getal zijn"
        case let .notAList(w): return en ? "'\(w)' must be a list" : "'\(w)' moet een lijst zijn"
        }
    }
}

/// A reason type that has the shape problems among its cases.
public protocol YAMLShapeReason: Hashable, Sendable {
    static func shape(_ problem: YAMLShape) -> Self
}

/// A problem at a position in a YAML file (`CatalogueError`, `ConfigurationError.Problem`).
public protocol YAMLProblem: Sendable {
    associatedtype Reason: YAMLShapeReason
    init(file: String, line: Int, column: Int, reason: Reason)
}

/// Walks Yams nodes of one file and collects every problem with its position, so that a file's
/// author sees all of them at once.
public struct YAMLNodeReader<Problem: YAMLProblem> {
    public typealias Reason = Problem.Reason
    public let file: String
    public private(set) var problems: [Problem] = []

    public init(file: String) { self.file = file }

    /// The node tree of `text`, or nil for an empty file (a problem `empty` at 1:1 when given);
    /// a syntax error becomes a problem at its own position (and nil).
    public mutating func compose(_ text: String, empty: Reason? = nil) -> Node? {
        do {
            guard let root = try Yams.compose(yaml: text) else {
                if let empty { problems.append(Problem(file: file, line: 1, column: 1, reason: empty)) }
                return nil
            }
            return root
        } catch {
            let (line, column, problem) = YAMLSyntax.position(of: error)
            problems.append(Problem(file: file, line: line, column: column, reason: .shape(.invalidYAML(problem))))
            return nil
        }
    }

    public mutating func fail(_ node: Node?, _ reason: Reason) {
        let mark = node?.mark
        problems.append(Problem(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, reason: reason))
    }

    public mutating func fail(_ node: Node?, _ shape: YAMLShape) { fail(node, .shape(shape)) }

    /// The pairs of a mapping in file order; a node that is no mapping, and a key that occurs
    /// twice, are problems.
    public mutating func pairs(_ node: Node, _ what: String) -> [(key: Node, value: Node)] {
        guard let map = node.mapping else { fail(node, .notAMapping(what)); return [] }
        var seen: Set<String> = []
        var out: [(key: Node, value: Node)] = []
        for (k, v) in map {
            if let key = k.scalar?.string, !seen.insert(key).inserted { fail(k, .duplicateKey(key)); continue }
            out.append((k, v))
        }
        return out
    }

    /// The values of a mapping by key; a key not in `allowed` is a problem. `what` names the
    /// part of the file in messages; `inPart` false leaves it out of the unknown-key message
    /// (the top level of a configuration file).
    public mutating func mapping(_ node: Node, allowed: [String], what: String, inPart: Bool = true) -> [String: Node] {
        var out: [String: Node] = [:]
        for (k, v) in pairs(node, what) {
            guard let key = k.scalar?.string else { fail(k, .keyNotText); continue }
            guard allowed.contains(key) else {
                fail(k, .unknownKey(key, in: inPart ? what : nil, allowed: allowed.sorted()))
                continue
            }
            out[key] = v
        }
        return out
    }

    /// The text of `node`; a node that is no scalar is a problem.
    public mutating func string(_ node: Node, _ what: String) -> String? {
        guard let s = node.scalar?.string else { fail(node, .notText(what)); return nil }
        return s
    }

    /// The text of a required key's node; a missing one is a problem at its parent.
    public mutating func string(_ node: Node?, _ what: String, in parent: Node) -> String? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        return string(node, what)
    }

    /// The text of an optional key's node (nil when absent).
    public mutating func optionalString(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        return string(node, what)
    }

    /// The number of a required key's node.
    public mutating func double(_ node: Node?, _ what: String, in parent: Node) -> Double? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        guard let s = node.scalar?.string, let d = Double(s) else { fail(node, .notANumber(what)); return nil }
        return d
    }

    /// A single text or a list of texts, each with its node (nil node: none).
    public mutating func stringNodes(_ node: Node?, _ what: String) -> [(node: Node, text: String)] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [(node, s)] }
        guard let items = node.sequence else { fail(node, .notAList(what)); return [] }
        var out: [(node: Node, text: String)] = []
        for item in items {
            if let s = item.scalar?.string { out.append((item, s)) } else { fail(item, .itemNotText(what)) }
        }
        return out
    }

    /// A single text or a list of texts.
    public mutating func strings(_ node: Node?, _ what: String) -> [String] { stringNodes(node, what).map(\.text) }
}

/// Where libyaml put a syntax error, and what it said.
public enum YAMLSyntax {
    public static func position(of error: Error) -> (line: Int, column: Int, problem: String) {
        if let yaml = error as? YamlError {
            switch yaml {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                return (mark.line, mark.column, problem)
            default: break
            }
        }
        return (1, 1, "\(error)".split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// libyaml's problem in Dutch, for the problems a hand-edited file runs into; any other
    /// problem is quoted as libyaml gives it (a rare message, in English).
    static func dutch(_ problem: String) -> String {
        let known: [String: String] = [
            "did not find expected ',' or ']'": "de lijst wordt niet gesloten: ',' of ']' verwacht",
            "did not find expected ',' or '}'": "de mapping wordt niet gesloten: ',' of '}' verwacht",
            "did not find expected key": "sleutel verwacht (inspringing klopt niet?)",
            "did not find expected node content": "een waarde verwacht",
            "did not find expected '-' indicator": "een lijstitem ('-') verwacht (inspringing klopt niet?)",
            "did not find expected alphabetic or numeric character": "letter of cijfer verwacht",
            "did not find expected comment or line break": "commentaar of regeleinde verwacht",
            "did not find expected <document start>": "begin van een document verwacht",
            "mapping values are not allowed in this context": "een ':' op een plaats waar geen sleutel kan staan (zet de tekst tussen aanhalingstekens)",
            "block sequence entries are not allowed in this context": "een '-' op een plaats waar geen lijstitem kan staan",
            "found character that cannot start any token": "een teken dat hier niet kan (een tab? zet de tekst tussen aanhalingstekens)",
            "found a tab character that violates indentation": "een tab in de inspringing; gebruik spaties",
            "found unexpected end of stream": "het bestand houdt onverwacht op",
            "found unknown escape character": "onbekende escape met '\\' (gebruik enkele aanhalingstekens)",
            "found undefined alias": "onbekende alias",
            "could not find expected ':'": "':' verwacht",
            "found unexpected ':'": "onverwachte ':'",
            "while scanning a quoted scalar": "aanhalingstekens worden niet gesloten",
            "found duplicate key": "dubbele sleutel",
            "control characters are not allowed": "stuurtekens zijn niet toegestaan",
            "invalid leading UTF-8 octet": "geen geldige UTF-8",
            "incomplete UTF-8 octet sequence": "onvolledige UTF-8",
        ]
        if let d = known[problem] { return d }
        return "'\(problem)' (libyaml)"
    }
}
