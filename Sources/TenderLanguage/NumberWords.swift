/// Dutch number words: `één` … `twintig`, tens, compounds (`vijfenveertig`), `honderd`, `duizend`.
/// Input is normalised (lower case, no diacritics), so `één` arrives as `een`.
public enum NumberWords {
    static let units: [String: Int] = [
        "een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
        "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
        "zeventien": 17, "achttien": 18, "negentien": 19, "half": 0,
    ]
    static let tens: [String: Int] = [
        "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90,
    ]

    /// The first two bytes of every word `value(of:)` can accept: each begins with a unit, a ten,
    /// `honderd` or `duizend`. Most words of a text fail this test, which spares them the suffix
    /// comparisons below (a tenth of a corpus run went into trying every word as a number).
    static let starts: Set<UInt16> = Set((Array(units.keys) + Array(tens.keys) + ["honderd", "duizend"]).map(startKey))

    static func startKey(_ word: String) -> UInt16 {
        var it = word.utf8.makeIterator()
        let a = it.next() ?? 0, b = it.next() ?? 0
        return UInt16(a) << 8 | UInt16(b)
    }

    /// Whether `word` may be a number word (false means it certainly is not).
    static func mayBeNumber(_ word: String) -> Bool {
        word.utf8.count < 2 || starts.contains(startKey(word))
    }

    /// The value of a multiplier word: `driemaal` = 3, `tweevoudig`/`drievoudige` = 2/3; nil otherwise.
    public static func multiplier(of word: String) -> Int? {
        guard mayBeNumber(word) else { return nil }
        for suffix in ["maal", "voudige", "voudig"] where word.hasSuffix(suffix) && word.count > suffix.count {
            return value(of: String(word.dropLast(suffix.count)))
        }
        return nil
    }

    /// The value of a number word, or nil.
    public static func value(of word: String) -> Int? {
        guard mayBeNumber(word) else { return nil }
        if let v = units[word], v > 0 { return v }
        if let v = tens[word] { return v }
        if word == "honderd" { return 100 }
        if word == "duizend" { return 1000 }
        // "vijfenveertig" = vijf + en + veertig; "eenentwintig".
        for (tenWord, ten) in tens where word.hasSuffix("en" + tenWord) {
            let unitWord = String(word.dropLast(tenWord.count + 2))
            if let u = units[unitWord], u > 0, u < 10 { return ten + u }
        }
        // "honderdvijftigduizend", "tweehonderdduizend".
        if word.hasSuffix("duizend"), word.count > 7, let m = value(of: String(word.dropLast(7))), m < 1000 { return m * 1000 }
        // "honderdtwintig", "tweehonderd".
        if word.hasSuffix("honderd"), let m = value(of: String(word.dropLast(7))), m < 10 { return m * 100 }
        if word.hasPrefix("honderd"), let r = value(of: String(word.dropFirst(7))), r < 100 { return 100 + r }
        return nil
    }
}
