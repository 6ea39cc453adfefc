import TenderDocument
import TenderLanguage

/// One word of a phrase as written in a rule: `vog`, `[de]` (optional), `*rapportage` (a stem
/// ending, for compounds such as `kwartaalrapportages`), `kwaliteits*` (a word beginning) or
/// `*protocol*` (a word part), `=word` (exactly this word form, not stemmed), `*` (any one word),
/// `[*]` (at most one word of any kind) or `...` (up to four words of any kind: split verbs,
/// `stuurt ... toe`).
struct WordPattern: Hashable {
    enum Kind: Hashable {
        /// The stem must equal this stem.
        case exact(String)
        /// The stem must end with this stem.
        case suffix(String)
        /// The normalised word must start with this text.
        case prefix(String)
        /// The normalised word must contain this text.
        case contains(String)
        /// The normalised word must be exactly this text (no stemming).
        case surface(String)
        /// Any word.
        case anyWord
    }
    var kind: Kind
    var optional: Bool
}

/// A phrase of a rule: words that must follow one another.
struct PhrasePattern: Hashable {
    var words: [WordPattern]

    /// Parses a phrase without stemming (for validation); nil when it has no required word.
    static func parse(_ phrase: String) -> [(text: String, optional: Bool, leadingStar: Bool, trailingStar: Bool)]? {
        var out: [(String, Bool, Bool, Bool)] = []
        for piece in phrase.split(separator: " ") {
            var p = Substring(piece)
            var optional = false
            if p.hasPrefix("["), p.hasSuffix("]"), p.count > 2 { optional = true; p = p.dropFirst().dropLast() }
            if p == "*" { out.append(("*", optional, false, false)); continue }
            if p == "..." || p == "\u{2026}" {
                for _ in 0..<4 { out.append(("*", true, false, false)) }
                continue
            }
            var exactForm = false
            if p.hasPrefix("="), p.count > 1 { exactForm = true; p = p.dropFirst() }
            let leading = p.hasPrefix("*"), trailing = p.hasSuffix("*")
            if leading { p = p.dropFirst() }
            if trailing, !p.isEmpty { p = p.dropLast() }
            // Most words of a catalogue are plain lower-case ASCII letters, which normalise and
            // tokenise to themselves: one token, no need to run the normaliser (a fifth of the
            // time to load the catalogue went here).
            if !p.isEmpty, p.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
                out.append(((exactForm ? "=" : "") + p, optional, leading, trailing))
                continue
            }
            let normalized = NormalizedText(String(p))
            let tokens = Tokenizer.tokens(in: normalized.bytes)
            guard !tokens.isEmpty else { return nil }
            for (i, t) in tokens.enumerated() {
                out.append(((exactForm ? "=" : "") + t.text, optional, leading && i == 0, trailing && i == tokens.count - 1))
            }
        }
        // A phrase starts and ends with a real word: "stuurt ... toe", not "... toe".
        guard let first = out.first, !first.1, first.0 != "*", let last = out.last, last.0 != "*" else { return nil }
        return out
    }

    /// Builds the pattern, stemming exact and suffix words with `stemmer`.
    static func compile(_ phrase: String, stemmer: DutchStemmer) -> PhrasePattern? {
        guard let parts = parse(phrase) else { return nil }
        let words = parts.map { part -> WordPattern in
            let kind: WordPattern.Kind
            if part.text == "*" { return WordPattern(kind: .anyWord, optional: part.optional) }
            if part.text.hasPrefix("=") { return WordPattern(kind: .surface(String(part.text.dropFirst())), optional: part.optional) }
            switch (part.leadingStar, part.trailingStar) {
            case (true, true): kind = .contains(part.text)
            case (true, false): kind = .suffix(WordKey.key(part.text, stemmer: stemmer))
            case (false, true): kind = .prefix(part.text)
            case (false, false): kind = .exact(part.text.allSatisfy(\.isNumber) ? part.text : WordKey.key(part.text, stemmer: stemmer))
            }
            return WordPattern(kind: kind, optional: part.optional)
        }
        return PhrasePattern(words: words)
    }
}
