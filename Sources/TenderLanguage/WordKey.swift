/// The form in which words are compared: the Snowball Dutch stem with a few repairs.
///
/// libstemmer 2.2's Dutch stemmer keeps some everyday inflections apart: it leaves `-s` after a
/// vowel (`rapportages` stays, `rapportage` → `rapportag`), undoubles only k/d/t (`overleggen` →
/// `overlegg`), and leaves the verb ending `-t` (`overlegt`). A pattern word gets one key; a token
/// of the text gets its key plus keys for the word without a final `s`, `t` or `d`, so that
/// `rapportages`, `overlegt` and `aangeleverd` meet `rapportage`, `overleggen` and `aanleveren`'s stems.
public enum WordKey {
    /// The key of a word as written in a rule.
    public static func key(_ word: String, stemmer: DutchStemmer) -> String {
        undouble(stemmer.stem(word))
    }

    /// The key of a token and up to two alternative keys (without a final `s`, `t` or `d`).
    public static func keys(_ word: String, stemmer: DutchStemmer) -> (key: String, alternatives: [String]) {
        let main = key(word, stemmer: stemmer)
        guard word.utf8.count > 4, let last = word.utf8.last else { return (main, []) }
        var alternatives: [String] = []
        if last == UInt8(ascii: "s") || last == UInt8(ascii: "t") || last == UInt8(ascii: "d") {
            let shorter = key(String(word.dropLast()), stemmer: stemmer)
            if shorter != main { alternatives.append(shorter) }
        }
        return (main, alternatives)
    }

    /// Drops the last letter of a doubled final consonant (`overlegg` → `overleg`).
    static func undouble(_ stem: String) -> String {
        let u = Array(stem.utf8)
        guard u.count > 3, u[u.count - 1] == u[u.count - 2], !"aeiou".utf8.contains(u[u.count - 1]),
              (97...122).contains(u[u.count - 1]) else { return stem }
        return String(stem.dropLast())
    }
}
