/// Finds sentence boundaries in normalised Dutch contract text.
///
/// A sentence ends at `.`, `!` or `?` followed by a space, unless the word before is an
/// abbreviation (`art.`, `o.a.`, `bijv.`), a single letter (`a.`) or a number in a list (`1.`): at
/// the start of the text, or right after a colon (a numbered item read after the sentence that
/// leads into its list, "… voegt u toe: 1. een kopie …"; see `LeadIn`).
public enum SentenceSplitter {
    static let abbreviations: Set<String> = [
        "art", "nr", "nrs", "bijv", "bv", "b.v", "o.a", "oa", "e.d", "ed", "i.v.m", "ivm", "m.b.t", "mbt", "t.b.v", "tbv",
        "d.w.z", "dwz", "jo", "incl", "excl", "ca", "max", "min", "resp", "etc", "vs", "z.s.m", "zsm", "cf", "mr", "dhr",
        "mevr", "blz", "p", "pag", "e.a", "i.o.m", "iom", "t.a.v", "tav", "n.v.t", "nvt", "o.g.v", "ogv", "a.s", "jl",
        "stb", "stcrt", "kamerstuk", "kst", "sub", "lid", "bw", "aw", "e.v", "ev", "m.i.v", "miv", "t/m", "tm", "wo",
    ]

    /// The longest word before a dot that is looked at (abbreviations and list numbers are short).
    static let longestWord = 64

    /// The end offsets (exclusive, UTF-8) of each sentence in `bytes`; the last one is `bytes.count`.
    public static func sentenceEnds(in bytes: [UInt8]) -> [Int] {
        var ends: [Int] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "."), i + 1 < bytes.count, bytes[i + 1] == 0x20, !isAbbreviation(bytes, dotAt: i) {
                ends.append(i + 1)
            } else if (b == UInt8(ascii: "!") || b == UInt8(ascii: "?")), i + 1 < bytes.count, bytes[i + 1] == 0x20 {
                ends.append(i + 1)
            }
            i += 1
        }
        if ends.last != bytes.count { ends.append(bytes.count) }
        return ends
    }

    private static func isAbbreviation(_ bytes: [UInt8], dotAt dot: Int) -> Bool {
        // The "word" before the dot, dots inside included ("o.a", "4.1.6"). Looked for at most
        // `longestWord` bytes back: a text of dots without spaces would otherwise rescan its whole
        // length at every dot. Longer words are neither abbreviations nor list numbers.
        var s = dot
        while s > 0, dot - s <= longestWord, bytes[s - 1] != 0x20, bytes[s - 1] != UInt8(ascii: "(") { s -= 1 }
        if dot - s > longestWord { return false }
        let word = String(decoding: bytes[s..<dot], as: UTF8.self)
        if word.isEmpty { return false }
        if word.count == 1, let c = word.first, c.isLetter { return true }
        if abbreviations.contains(word) { return true }
        // "1." at the start of a list item is a number, not a sentence end, also when the item is
        // read after its lead-in ("toe: 1. een kopie").
        // Only a list number of one or two digits: "Looptijd: 2026. De …" ends its sentence.
        if word.allSatisfy(\.isNumber), s == 0 || (word.count <= 2 && followsColon(bytes, at: s)) { return true }
        return false
    }

    /// Whether the bytes before `start` are a colon and white space ("geldt: 1.").
    private static func followsColon(_ bytes: [UInt8], at start: Int) -> Bool {
        var k = start
        while k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == 0x0A { k -= 1 }
        return k < start && k > 0 && bytes[k - 1] == UInt8(ascii: ":")
    }
}
