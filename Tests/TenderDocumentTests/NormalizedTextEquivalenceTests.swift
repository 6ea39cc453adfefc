import Testing
@testable import TenderDocument

/// The byte-level normaliser must give exactly what the first, `Character`-by-`Character`
/// implementation gave: the same bytes and the same map back to the original, on real text and
/// on random text full of the cases where bytes and characters part ways.
@Suite struct NormalizedTextEquivalenceTests {
    @Test func sameAsTheCharacterWalkOnTrickyText() {
        let cases = [
            "", " ", "a", "A-", "-", "\r\n", "a\r\nb", "verant-\r\nwoording", "verant-\n  woording", "jeugd-\nen wmo",
            "jeugd-\nof wmo", "jeugd-\nenig", "Wmo-\nDagbesteding", "verant\u{00AD}\nwoording", "ver\u{2010}\nantwoording",
            "e\u{301}en", "Cafe\u{301}-\nbaas", "-\u{301}\nx", "a-\u{301}\nb", "Één coöperatie\u{2011}café — “ja”.",
            "\u{00A0}\u{00A0}x\u{2009}y\u{3000}z", "a\u{200B}b\u{FEFF}c\u{200D}d\u{2060}e", "👩‍👩‍👧 gezin", "🇳🇱🇧🇪 vlag",
            "\u{0600}12 prepend", "x\u{0308}\u{0301}y", "ﬁnanciering", "STRAẞE", "€ 1.500,-", "’s-Hertogenbosch", "…",
            "tab\tand\u{000B}vt\u{000C}ff", "\u{0085}nel", "a\u{2028}b\u{2029}c", "x-\n", "x-\n  ", "x- \t\n\tyz",
        ]
        for raw in cases { expectSame(raw) }
    }

    @Test func sameAsTheCharacterWalkOnRandomText() {
        let pieces: [String] = [
            "a", "B", "z", "-", " ", "  ", "\t", "\n", "\r\n", "\r", "en ", "of ", "e", "n", "o", "f", ".", "1",
            "\u{00AD}", "\u{2010}", "\u{2011}", "\u{00A0}", "\u{200B}", "\u{FEFF}", "\u{200D}", "\u{2060}", "\u{301}",
            "\u{308}", "é", "ë", "Ö", "ß", "ﬁ", "“", "”", "‘", "’", "–", "—", "…", "€", "👍", "👍🏽", "🇳", "🇱",
            "\u{0600}", "\u{0915}\u{094D}", "가", "\u{1100}\u{1161}", "ǅ", "İ", "\u{0085}", "\u{2028}", "`", "´",
        ]
        var rng = SplitMix(seed: 8)
        for _ in 0..<3000 {
            var raw = ""
            for _ in 0..<Int(rng.next() % 24) { raw += pieces[Int(rng.next() % UInt64(pieces.count))] }
            expectSame(raw)
        }
    }

    private func expectSame(_ raw: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = NormalizedText(raw)
        let reference = ReferenceNormalizer(raw)
        #expect(fast.bytes == reference.bytes, "\(raw.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.rawStart == reference.rawStart, "\(raw.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.rawEnd == reference.rawEnd, "\(raw.debugDescription)", sourceLocation: sourceLocation)
        #expect(fast.text == String(decoding: reference.bytes, as: UTF8.self), sourceLocation: sourceLocation)
        #expect(fast.rawLength == raw.utf8.count, sourceLocation: sourceLocation)
    }
}

/// A small seeded generator, so the random cases are the same on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E9B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The first implementation of `NormalizedText.init`, kept as the reference: it walks
/// `Array(raw)` one `Character` at a time.
struct ReferenceNormalizer {
    let bytes: [UInt8]
    let rawStart: [Int32]
    let rawEnd: [Int32]

    init(_ raw: String) {
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
                    if k < chars.count, chars[k].isLowercase, !ReferenceNormalizer.startsConjunction(chars, at: k) {
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
        self.bytes = out
        self.rawStart = starts
        self.rawEnd = ends
    }

    private static func startsConjunction(_ chars: [Character], at k: Int) -> Bool {
        // "jeugd-\nen Wmo" keeps its hyphen: the next word is a conjunction.
        for word in ["en ", "of "] {
            let w = Array(word)
            if k + w.count <= chars.count, Array(chars[k..<(k + w.count)]) == w { return true }
        }
        return false
    }
}
