import Foundation

/// The matching form of a block's text, with a map back to the original.
///
/// Normalisation is done once per block: Unicode NFC, soft hyphens removed, hyphenation at line
/// ends joined, typographic quotes, dashes and spaces folded, runs of white space (line breaks
/// included) folded to one space, case folded and diacritics removed (`cliënt` → `client`).
///
/// Invariant: `rawStart.count == rawEnd.count == text.utf8.count`; for every UTF-8 byte `i` of
/// `text`, `rawStart[i]..<rawEnd[i]` is the UTF-8 range of the original character that produced it.
public struct NormalizedText: Sendable {
    /// The normalised text (lower case, folded); offsets into it are UTF-8 offsets.
    public let text: String
    /// The UTF-8 bytes of `text`, for fast scanning.
    public let bytes: [UInt8]
    public let rawStart: [Int32]
    public let rawEnd: [Int32]
    /// The UTF-8 length of the original text.
    public let rawLength: Int

    /// Normalises `raw`.
    ///
    /// Works on the UTF-8 bytes, one `Character` at a time. An ASCII byte followed by another
    /// ASCII byte (or the end) is a whole `Character` (grapheme clusters only join across
    /// non-ASCII scalars, and CR LF), so it is handled on the bytes directly: most of Dutch
    /// contract text. Anything else is read as a `Character` from the string and handled as such,
    /// with the same rules; the result is the same as a walk over `Array(raw)`.
    public init(_ raw: String) {
        let input = Array(raw.utf8)
        let count = input.count
        var out: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        out.reserveCapacity(count)
        starts.reserveCapacity(count)
        ends.reserveCapacity(count)

        var pendingSpace: (start: Int, end: Int)?
        func emitPendingSpace() {
            if let space = pendingSpace {
                if !out.isEmpty {
                    out.append(0x20); starts.append(Int32(space.start)); ends.append(Int32(space.end))
                }
                pendingSpace = nil
            }
        }
        // Folding a non-ASCII character goes through Foundation; a document repeats few of them.
        var folded: [Character: String] = [:]

        var p = 0                   // UTF-8 offset of the current character; always a character boundary
        var previousIsLetter = false
        while p < count {
            let b = input[p]
            if b < 0x80, p + 1 == count || (input[p + 1] < 0x80 && !(b == 0x0D && input[p + 1] == 0x0A)) {
                // A one-byte character.
                if b == UInt8(ascii: "-"), previousIsLetter, let next = NormalizedText.hyphenationEnd(raw, after: p + 1) {
                    p = next
                    previousIsLetter = false
                    continue
                }
                if (b >= 0x09 && b <= 0x0D) || b == 0x20 {
                    if pendingSpace == nil { pendingSpace = (p, p + 1) }
                    previousIsLetter = false
                    p += 1
                    continue
                }
                emitPendingSpace()
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
                starts.append(Int32(p)); ends.append(Int32(p + 1))
                previousIsLetter = (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
                p += 1
                continue
            }

            let c = raw[raw.utf8.index(raw.utf8.startIndex, offsetBy: p)]
            let end = p + c.utf8.count
            defer { previousIsLetter = c.isLetter }
            // Hyphenation at a line end: "verant-\nwoording" → "verantwoording".
            if c == "-" || c == "\u{00AD}" || c == "\u{2010}", previousIsLetter, let next = NormalizedText.hyphenationEnd(raw, after: end) {
                // The character before `next` is a blank or a line break; `defer` sets
                // `previousIsLetter` to false, as no hyphen is a letter.
                p = next
                continue
            }
            if c == "\u{00AD}" || c == "\u{200B}" || c == "\u{FEFF}" || c == "\u{200D}" || c == "\u{2060}" { p = end; continue }
            if c.isWhitespace || c == "\u{00A0}" {
                if pendingSpace == nil { pendingSpace = (p, end) }
                p = end
                continue
            }
            let f: String
            if let known = folded[c] { f = known } else { f = NormalizedText.fold(c); folded[c] = f }
            emitPendingSpace()
            for byte in f.utf8 { out.append(byte); starts.append(Int32(p)); ends.append(Int32(end)) }
            p = end
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.bytes = out
        self.rawStart = starts
        self.rawEnd = ends
        self.rawLength = count
    }

    /// After a hyphen that follows a letter, ending at UTF-8 offset `offset` of `raw`: if blanks,
    /// one line break, blanks and a lower-case word that is not `en`/`of` follow, the offset of
    /// that word (the hyphen and the break are dropped); otherwise nil.
    private static func hyphenationEnd(_ raw: String, after offset: Int) -> Int? {
        let utf8 = raw.utf8
        var chars = raw[utf8.index(utf8.startIndex, offsetBy: offset)...].makeIterator()
        var position = offset
        var c = chars.next()
        while let blank = c, blank == " " || blank == "\t" { position += 1; c = chars.next() }
        guard let newline = c, newline.isNewline else { return nil }
        position += newline.utf8.count
        c = chars.next()
        while let blank = c, blank == " " || blank == "\t" { position += 1; c = chars.next() }
        guard let word = c, word.isLowercase else { return nil }
        // "jeugd-\nen Wmo" keeps its hyphen: the next word is a conjunction.
        let second = chars.next(), third = chars.next()
        if third == " ", (word == "e" && second == "n") || (word == "o" && second == "f") { return nil }
        return position
    }

    /// The UTF-8 range in the original text that produced `range` of the normalised text.
    public func rawRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty, range.lowerBound < rawStart.count else {
            let p = range.lowerBound < rawStart.count ? Int(rawStart[range.lowerBound]) : rawLength
            return p..<p
        }
        return Int(rawStart[range.lowerBound])..<Int(rawEnd[range.upperBound - 1])
    }

    /// The normalised offset of the first byte produced at or after the original `rawOffset`.
    public func normalizedOffset(forRaw rawOffset: Int) -> Int {
        var lo = 0, hi = rawStart.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(rawStart[mid]) < rawOffset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The matching form of one character.
    static func fold(_ c: Character) -> String {
        if c.isASCII {
            let v = c.asciiValue!
            if v >= 65 && v <= 90 { return String(UnicodeScalar(v + 32)) }
            return String(c)
        }
        switch c {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`", "\u{00B4}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "-"
        case "\u{2026}": return "..."
        case "\u{20AC}": return "\u{20AC}"
        default: break
        }
        let s = String(c).precomposedStringWithCanonicalMapping
        let folded = s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        return folded.isEmpty ? s : folded
    }
}
