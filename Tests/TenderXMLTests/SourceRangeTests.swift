import Testing
import TenderXML

/// `XMLTree.Element.sourceRange` and `contentRange`: the bytes an element spans in the input.
@Suite struct SourceRangeTests {
    @Test func rangesCutTheOriginalBytes() throws {
        let xml = #"<?xml version="1.0"?><a x="1>2"><b>t&amp;u</b><c/><d y='z'>   </d></a>"#
        let bytes = Array(xml.utf8)
        let root = try XMLTree.parse(bytes).root
        func cut(_ r: Range<Int>?) -> String { r.map { String(decoding: bytes[$0], as: UTF8.self) } ?? "nil" }
        #expect(cut(root.sourceRange) == #"<a x="1>2"><b>t&amp;u</b><c/><d y='z'>   </d></a>"#)
        let b = root.elements[0], c = root.elements[1], d = root.elements[2]
        #expect(cut(b.sourceRange) == "<b>t&amp;u</b>")
        #expect(cut(b.contentRange) == "t&amp;u")
        #expect(cut(c.sourceRange) == "<c/>")
        #expect(c.contentRange?.isEmpty == true)
        #expect(cut(d.contentRange) == "   ")
    }

    @Test func rangesSurviveLargeInputs() throws {
        // Past libxml2's input chunks, where it shrinks its buffer: offsets still count from the start.
        let filler = String(repeating: "<p>tekst tekst tekst</p>", count: 20_000)
        let bytes = Array("<r>\(filler)<last>einde</last></r>".utf8)
        let root = try XMLTree.parse(bytes).root
        let last = try #require(root.elements.last)
        #expect(last.contentRange.map { String(decoding: bytes[$0], as: UTF8.self) } == "einde")
    }

    @Test func rangesAreNotPartOfEquality() throws {
        let a = try XMLTree.parse(Array("<a><b/></a>".utf8))
        let b = try XMLTree.parse(Array("<a><b></b></a>".utf8))
        #expect(a == b)
    }
}
