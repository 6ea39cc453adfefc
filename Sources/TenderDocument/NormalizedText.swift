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
    public init(_ raw: String) {
        var out: [UInt8] = []
        var starts: [Int32] = []
        var ends: [Int32] = []
        out.reserveCapacity(raw.utf8.count)
        starts.reserveCapacity(raw.utf8.count)
        ends.reserveCapacity(raw.utf8.count)

        let chars = Array(raw)
        var offsets: [Int] = []
        offsets.reserveCapacity(chars.count + 1)
        var o = 0
        for c in chars { offsets.append(o); o += c.utf8.count }
        offsets.append(o)

        var pendingSpace: (start: Int, end: Int)?
        func emit(_ s: String, _ start: Int, _ end: Int) {
            if let space = pendingSpace {
                if !out.isEmpty {
                    out.append(0x20); starts.append(Int32(space.start)); ends.append(Int32(space.end))
                }
                pendingSpace = nil
            }
            for b in s.utf8 { out.append(b); starts.append(Int32(start)); ends.append(Int32(end)) }
        }

        var i = 0
        while i < chars.count {
            let c = chars[i]
            let start = offsets[i], end = offsets[i + 1]
            // Hyphenation at a line end: "verant-\nwoording" → "verantwoording".
            if (c == "-" || c == "\u{00AD}" || c == "\u{2010}"), i > 0, chars[i - 1].isLetter {
                var j = i + 1
                while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
                if j < chars.count, chars[j].isNewline {
                    var k = j + 1
                    while k < chars.count, chars[k] == " " || chars[k] == "\t" { k += 1 }
                    if k < chars.count, chars[k].isLowercase, !NormalizedText.startsConjunction(chars, at: k) {
                        i = k
                        continue
                    }
                }
            }
            if c == "\u{00AD}" || c == "\u{200B}" || c == "\u{FEFF}" || c == "\u{200D}" || c == "\u{2060}" { i += 1; continue }
            if c.isWhitespace || c == "\u{00A0}" {
                if pendingSpace == nil { pendingSpace = (start, end) }
                i += 1
                continue
            }
            emit(NormalizedText.fold(c), start, end)
            i += 1
        }
        self.text = String(decoding: out, as: UTF8.self)
        self.bytes = out
        self.rawStart = starts
        self.rawEnd = ends
        self.rawLength = raw.utf8.count
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

    private static func startsConjunction(_ chars: [Character], at k: Int) -> Bool {
        // "jeugd-\nen Wmo" keeps its hyphen: the next word is a conjunction.
        for word in ["en ", "of "] {
            let w = Array(word)
            if k + w.count <= chars.count, Array(chars[k..<(k + w.count)]) == w { return true }
        }
        return false
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
