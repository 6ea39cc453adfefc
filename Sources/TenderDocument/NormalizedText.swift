import Foundation

/// The matching form of a block's text, with a map back to the original.
///
/// Normalisation is done once per block: Unicode NFC, soft hyphens removed, hyphenation at line
/// ends joined, typographic quotes, dashes and spaces folded, runs of white space (line breaks
/// included) folded to one space, case folded and diacritics removed (`cliënt` → `client`).
///
/// Invariant: `rawStart.count == rawEnd.count == text.utf8.count`; for every UTF-8 byte `i` of
/// `text`, `rawStart[i]..<rawEnd[i]` is the UTF-8 range of the original character that produced it.
///
/// The map back is kept as runs (`OffsetMap`), not as two offsets per byte: most bytes of Dutch
/// text are ASCII characters that follow one another in both texts, and two `Int32` per byte were
/// eight bytes of memory per byte of every analysed document.
public struct NormalizedText: Sendable {
    /// The UTF-8 bytes of the normalised text (lower case, folded); offsets into it are UTF-8 offsets.
    public let bytes: [UInt8]
    private let map: OffsetMap
    /// The UTF-8 length of the original text.
    public let rawLength: Int

    /// The normalised text as a string (made from `bytes` on each use).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Per byte of `bytes`: where the original character that produced it starts (made on each use).
    public var rawStart: [Int32] { bytes.indices.map { Int32(map.start(at: $0)) } }
    /// Per byte of `bytes`: where the original character that produced it ends (made on each use).
    public var rawEnd: [Int32] { bytes.indices.map { Int32(map.end(at: $0)) } }

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
        var map = OffsetMap()
        out.reserveCapacity(count)

        var pendingSpace: (start: Int, end: Int)?
        func emitPendingSpace() {
            if let space = pendingSpace {
                if !out.isEmpty {
                    map.append(start: space.start, end: space.end, at: out.count)
                    out.append(0x20)
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
                map.append(start: p, end: p + 1, at: out.count)
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
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
            for byte in f.utf8 { map.append(start: p, end: end, at: out.count); out.append(byte) }
            p = end
        }
        // The bytes were reserved for the whole raw text; a text that shrank much gives the rest back.
        self.bytes = out.count + out.count / 8 < out.capacity ? Array(unsafeUninitializedCapacity: out.count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: out)
        } : out
        self.map = map
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
        guard !range.isEmpty, range.lowerBound < bytes.count else {
            let p = range.lowerBound < bytes.count ? map.start(at: range.lowerBound) : rawLength
            return p..<p
        }
        return map.start(at: range.lowerBound)..<map.end(at: range.upperBound - 1)
    }

    /// The normalised offset of the first byte produced at or after the original `rawOffset`.
    public func normalizedOffset(forRaw rawOffset: Int) -> Int {
        var lo = 0, hi = bytes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if map.start(at: mid) < rawOffset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Where each normalised byte came from, as runs. A run starts at normalised byte `first[k]`:
    /// either a linear run (`end[k] < 0`), whose byte `i` came from the one-byte character at
    /// `start[k] + (i - first[k])`, or a run whose every byte came from `start[k]..<end[k]` (the
    /// bytes of one folded character, a collapsed stretch of white space).
    struct OffsetMap: Sendable {
        private var first: [Int32] = []
        private var start: [Int32] = []
        private var end: [Int32] = []

        /// Records that normalised byte `index` (the next one) came from `start..<end`.
        mutating func append(start s: Int, end e: Int, at index: Int) {
            if let k = first.indices.last {
                if end[k] < 0, e == s + 1, Int(start[k]) + (index - Int(first[k])) == s { return }
                if end[k] >= 0, Int(start[k]) == s, Int(end[k]) == e { return }
            }
            first.append(Int32(index))
            start.append(Int32(s))
            end.append(e == s + 1 ? -1 : Int32(e))
        }

        /// The run that byte `i` belongs to.
        private func run(_ i: Int) -> Int {
            var lo = 0, hi = first.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(first[mid]) <= i { lo = mid + 1 } else { hi = mid }
            }
            return lo - 1
        }

        func start(at i: Int) -> Int {
            let k = run(i)
            return end[k] < 0 ? Int(start[k]) + (i - Int(first[k])) : Int(start[k])
        }

        func end(at i: Int) -> Int {
            let k = run(i)
            return end[k] < 0 ? Int(start[k]) + (i - Int(first[k])) + 1 : Int(end[k])
        }
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
