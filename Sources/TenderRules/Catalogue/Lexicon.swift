import Yams

/// Shared vocabulary of the catalogue (`rules/lexicon.yml`): named phrase sets that rules use as
/// `$name` (demand verbs, negations, references to the law), the phrases that name document facts
/// (`opdrachtwaarde`), and the words that tell which domain a document is about.
public struct Lexicon: Sendable, Codable {
    public var sets: [String: [String]]
    /// Fact name → phrases; a money amount in the same sentence as one of them is the fact's value.
    public var facts: [String: [String]]
    /// Domain → phrases whose presence marks a document as being about that domain.
    public var domains: [Domain: [String]]

    public init(sets: [String: [String]] = [:], facts: [String: [String]] = [:], domains: [Domain: [String]] = [:]) {
        self.sets = sets; self.facts = facts; self.domains = domains
    }

    static func parse(_ text: String, file: String) throws(CatalogueErrors) -> Lexicon {
        var reader = YAMLNodeReader<CatalogueError>(file: file)
        guard let root = reader.compose(text) else {
            if reader.problems.isEmpty { return Lexicon() }
            throw CatalogueErrors(errors: reader.problems)
        }
        let map = reader.mapping(root, allowed: ["sets", "facts", "domains"], what: "lexicon")
        var lexicon = Lexicon()
        for (k, v) in map["sets"]?.mapping ?? [:] { if let key = k.string { lexicon.sets[key] = reader.strings(v, key) } }
        for (k, v) in map["facts"]?.mapping ?? [:] { if let key = k.string { lexicon.facts[key] = reader.strings(v, key) } }
        for (k, v) in map["domains"]?.mapping ?? [:] {
            guard let key = k.string, let d = Domain(rawValue: key) else { reader.fail(k, .unknownDomain(k.string ?? "")); continue }
            lexicon.domains[d] = reader.strings(v, key)
        }
        if !reader.problems.isEmpty { throw CatalogueErrors(errors: reader.problems) }
        return lexicon
    }
}
