/// A suppression marker as written in a document: `[tenderlint: negeer <regel> — <reden>]`.
///
/// Accepted forms (the keyword and verb are case-insensitive):
/// - `[tenderlint: negeer vog-afschriften-jeugd — onze verordening eist dit]` (Dutch),
/// - `[tenderlint: ignore vog-afschriften-jeugd -- our by-law requires it]` (English),
/// - the same without brackets, running to the end of the line (or of the comment),
/// - several rules separated by commas: `negeer regel-a, regel-b — reden`.
///
/// The reason follows the rule ids after an optional separator (`—`, `–`, `--`, `-` or `:`).
/// A marker without a reason silences nothing: "pas toe of leg uit" asks for the explanation.
public struct SuppressionMarker: Hashable, Sendable {
    /// The rule ids as written (an alias is resolved by the engine).
    public var ruleIds: [String]
    /// The reason, trimmed; nil when the marker gives none.
    public var reason: String?
    /// The marker as written, brackets included.
    public var text: String
    /// The UTF-8 range of the marker in the text it was read from (block text or comment).
    ///
    /// Invariant: `range` lies on `Character` boundaries of that text.
    public var range: Range<Int>

    /// The verbs that introduce a marker, Dutch and English.
    static let verbs = ["negeer", "ignore"]

    /// Every marker in `text`, in order.
    public static func markers(in text: String) -> [SuppressionMarker] {
        guard mayContainKeyword(text) else { return [] }
        let chars = Array(text)
        var offsets: [Int] = []
        offsets.reserveCapacity(chars.count + 1)
        var o = 0
        for c in chars { offsets.append(o); o += c.utf8.count }
        offsets.append(o)

        var out: [SuppressionMarker] = []
        var i = 0
        while i < chars.count {
            guard let (marker, next) = marker(at: i, in: chars, offsets: offsets) else { i += 1; continue }
            out.append(marker)
            i = next
        }
        return out
    }

    /// Whether `text` contains `tenderlint` in any ASCII case, checked on the bytes. Only ASCII
    /// letters lower-case to ASCII letters, so a text without it holds no marker; almost no block
    /// has one, and splitting every block into characters took a twelfth of a corpus run.
    static func mayContainKeyword(_ text: String) -> Bool {
        let key = Array("tenderlint".utf8)
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard bytes.count >= key.count else { return false }
            for i in 0...(bytes.count - key.count) where bytes[i] | 0x20 == key[0] {
                var j = 1
                while j < key.count, bytes[i + j] | 0x20 == key[j] { j += 1 }
                if j == key.count { return true }
            }
            return false
        }
        return found ?? true
    }

    /// The marker whose keyword `tenderlint` starts at character `start`, and the index after it.
    private static func marker(at start: Int, in chars: [Character], offsets: [Int]) -> (SuppressionMarker, Int)? {
        guard matches("tenderlint", in: chars, at: start) else { return nil }
        if start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber { return nil }
        var i = start + "tenderlint".count
        i = skipBlanks(chars, i)
        guard i < chars.count, chars[i] == ":" else { return nil }
        i = skipBlanks(chars, i + 1)
        guard let verb = verbs.first(where: { matches($0, in: chars, at: i) }) else { return nil }
        i += verb.count
        guard i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{00A0}" else { return nil }

        // A `[` right before the keyword (blanks allowed) makes a bracketed marker that ends at `]`.
        var open = start - 1
        while open >= 0, chars[open] == " " || chars[open] == "\t" { open -= 1 }
        let bracketed = open >= 0 && chars[open] == "["
        var end = i
        if bracketed {
            while end < chars.count, chars[end] != "]", !chars[end].isNewline { end += 1 }
        } else {
            while end < chars.count, !chars[end].isNewline { end += 1 }
        }
        let closed = bracketed && end < chars.count && chars[end] == "]"
        let body = Array(chars[i..<end])
        let (ids, reason) = parseBody(body)
        let lower = bracketed ? open : start
        let upper = closed ? end + 1 : end
        let text = String(chars[lower..<upper])
        return (SuppressionMarker(ruleIds: ids, reason: reason, text: text, range: offsets[lower]..<offsets[upper]), upper)
    }

    /// The rule ids and the reason of the part after the verb.
    static func parseBody(_ body: [Character]) -> ([String], String?) {
        var i = skipBlanks(body, 0)
        var ids: [String] = []
        while i < body.count {
            var j = i
            // `--` never occurs in an id: it separates the reason (`regel--reden`).
            while j < body.count, isIdCharacter(body[j]), !(body[j] == "-" && j + 1 < body.count && body[j + 1] == "-") { j += 1 }
            // A trailing `-` belongs to a separator (`regel--reden`), not to the id.
            while j > i, body[j - 1] == "-" { j -= 1 }
            guard j > i else { break }
            ids.append(String(body[i..<j]).lowercased())
            var k = skipBlanks(body, j)
            guard k < body.count, body[k] == "," else { i = j; break }
            k = skipBlanks(body, k + 1)
            i = k
        }
        var rest = Substring(String(body[i...]))
        rest = rest.drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{00A0}" })
        for separator in ["—", "–", "--", "-", ":"] where rest.hasPrefix(separator) {
            rest = rest.dropFirst(separator.count)
            break
        }
        let reason = trimmed(rest)
        return (ids, reason.isEmpty ? nil : reason)
    }

    private static func isIdCharacter(_ c: Character) -> Bool {
        (c.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_"
    }

    private static func matches(_ word: String, in chars: [Character], at i: Int) -> Bool {
        var k = i
        for w in word {
            guard k < chars.count, chars[k].lowercased() == String(w) else { return false }
            k += 1
        }
        return true
    }

    /// `s` without blanks at either end.
    private static func trimmed(_ s: Substring) -> String {
        var t = s
        while let f = t.first, f == " " || f == "\t" || f == "\u{00A0}" { t = t.dropFirst() }
        while let l = t.last, l == " " || l == "\t" || l == "\u{00A0}" { t = t.dropLast() }
        return String(t)
    }

    private static func skipBlanks(_ chars: [Character], _ from: Int) -> Int {
        var i = from
        while i < chars.count, chars[i] == " " || chars[i] == "\t" || chars[i] == "\u{00A0}" { i += 1 }
        return i
    }
}
