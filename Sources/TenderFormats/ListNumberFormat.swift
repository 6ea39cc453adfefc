/// How a list counter is written: `3`, `03`, `c`, `C`, `iii`, `III`, or not at all.
///
/// Shared by the DOCX (`w:numFmt`) and ODF (`style:num-format`) numbering reconstruction.
enum ListNumberFormat: Equatable, Sendable {
    case decimal
    case decimalZero
    case lowerLetter
    case upperLetter
    case lowerRoman
    case upperRoman
    /// A bullet or no number: the list item has no label.
    case none

    /// The format named by a DOCX `w:numFmt` value; unknown formats are written as decimals.
    init(docx value: String?) {
        switch value {
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "bullet", "none": self = .none
        default: self = .decimal
        }
    }

    /// The format named by an ODF `style:num-format` value (`1`, `a`, `A`, `i`, `I`, empty).
    init(odf value: String?) {
        switch value {
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        case nil, "": self = .none
        default: self = .decimal
        }
    }

    /// The largest counter value taken from a document (a start value, or a counter counted on):
    /// far above any real list, small enough that counting on never overflows.
    static let maxCounter = 999_999
    /// The longest letter label written (`aaaaaaaaaa`, item 260); later items are written as
    /// decimals, so a huge start value cannot build a label of millions of letters.
    static let maxLetterRepeats = 10

    /// A start value from a document, clamped to `0...maxCounter`.
    static func clamped(_ n: Int) -> Int {
        min(max(n, 0), maxCounter)
    }

    /// The counter after `n` (which may be one below a start value of 0), clamped like a start
    /// value: it never passes `maxCounter`, so it never overflows.
    static func counted(after n: Int) -> Int {
        min(max(n, -1), maxCounter - 1) + 1
    }

    /// `n` written in this format; `n` is the counter value (usually 1-based).
    func render(_ n: Int) -> String {
        switch self {
        case .decimal: return String(n)
        case .decimalZero: return n < 10 && n >= 0 ? "0\(n)" : String(n)
        case .lowerLetter: return ListNumberFormat.letters(n)
        case .upperLetter: return ListNumberFormat.letters(n).uppercased()
        case .lowerRoman: return ListNumberFormat.roman(n)
        case .upperRoman: return ListNumberFormat.roman(n).uppercased()
        case .none: return ""
        }
    }

    /// Word and LibreOffice count a, b, …, z, aa, bb, …: the letter repeats once per round.
    static func letters(_ n: Int) -> String {
        guard n > 0, (n - 1) / 26 < maxLetterRepeats else { return String(n) }
        let letter = Character(UnicodeScalar(UInt8(97 + (n - 1) % 26)))
        return String(repeating: letter, count: (n - 1) / 26 + 1)
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var rest = n
        var out = ""
        for (value, numeral) in table {
            while rest >= value { out += numeral; rest -= value }
        }
        return out
    }
}
