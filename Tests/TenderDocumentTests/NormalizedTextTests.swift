import Testing
@testable import TenderDocument

@Suite struct NormalizedTextTests {
    @Test func foldsCaseDiacriticsQuotesAndSpaces() {
        let n = NormalizedText("De  Cliënt\u{00A0}“ziet” – ‘t")
        #expect(n.text == "de client \"ziet\" - 't")
    }

    @Test func removesSoftHyphensAndJoinsHyphenationAtLineEnds() {
        #expect(NormalizedText("verant\u{00AD}woording").text == "verantwoording")
        #expect(NormalizedText("verant-\nwoording").text == "verantwoording")
        // A hyphen before a conjunction or a capital stays: "Jeugd- en Wmo", "Wmo-\nDagbesteding".
        #expect(NormalizedText("jeugd-\nen wmo").text == "jeugd- en wmo")
        #expect(NormalizedText("Wmo-\nDagbesteding").text == "wmo- dagbesteding")
    }

    @Test func offsetMapRoundTripsToTheOriginalText() {
        let raw = "Één coöperatie\u{2011}café — “ja”.\nDe verant-\nwoording per kwartaal."
        let n = NormalizedText(raw)
        #expect(n.rawStart.count == n.bytes.count)
        // Every normalised word maps back to the same word in the original.
        for word in ["cooperatie", "cafe", "verantwoording", "kwartaal"] {
            let r = n.text.utf8.ranges(of: word)
            let range = r.lowerBound..<r.upperBound
            let raw8 = Array(raw.utf8)
            let back = String(decoding: raw8[n.rawRange(range)], as: UTF8.self)
            #expect(NormalizedText(back).text == word, "\(word) → \(back)")
        }
        #expect(n.normalizedOffset(forRaw: 0) == 0)
    }

    @Test func crlfLineEndsJoinHyphenationToo() {
        #expect(NormalizedText("verant-\r\nwoording").text == "verantwoording")
    }
}

extension String.UTF8View {
    /// The offsets of the first occurrence of `word`.
    func ranges(of word: String) -> Range<Int> {
        let hay = Array(self), needle = Array(word.utf8)
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return i..<(i + needle.count) }
        return 0..<0
    }
}
