import Foundation
import Testing
import TenderDocument
@testable import TenderFormats
import TenderXML
import ZIPFoundation

/// Block anchors (`Block.anchors`): every anchored piece of a block's text maps back to exactly
/// the text of the `w:t` it names, counted independently here from the raw `word/document.xml`.
@Suite struct AnchorTests {
    /// The text of every `w:t` per paragraph (all `w:p` of the part in document order).
    private func runTexts(_ xml: [UInt8]) throws -> [[String]] {
        let root = try XMLTree.parse(xml).root
        let w = root.namespace
        var out: [[String]] = []
        func visit(_ e: XMLTree.Element, paragraph: Int?) {
            for case let .element(c) in e.children {
                if c.is("p", namespace: w) { out.append([]); visit(c, paragraph: out.count - 1) }
                else if c.is("t", namespace: w) { if let paragraph { out[paragraph].append(c.text) } }
                else { visit(c, paragraph: paragraph) }
            }
        }
        visit(root, paragraph: nil)
        return out
    }

    private func check(_ document: Document, documentXML: [UInt8]) throws -> Int {
        let runs = try runTexts(documentXML)
        var checked = 0
        for block in document.blocks {
            let utf8 = Array(block.text.utf8)
            var last = -1
            for anchor in block.anchors {
                #expect(anchor.text.lowerBound >= last, "anchors in text order")
                last = anchor.text.upperBound
                let piece = String(decoding: utf8[anchor.text], as: UTF8.self)
                let run = Array(runs[anchor.paragraph][anchor.run].utf8)
                let source = String(decoding: run[anchor.runOffset..<(anchor.runOffset + anchor.text.count)], as: UTF8.self)
                #expect(piece == source, "block \(block.text.prefix(40)): \(piece) vs \(source)")
                checked += 1
            }
        }
        return checked
    }

    private static func documentXML(_ path: String) throws -> [UInt8] {
        let archive = try ZIPFoundation.Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var data = Data()
        _ = try archive.extract(archive["word/document.xml"]!) { data.append($0) }
        return [UInt8](data)
    }

    @Test(arguments: ["inkoopdocument-jeugdhulp.docx", "raamovereenkomst-wmo-begeleiding.docx",
                      "aanbesteding-jobcoaching-participatie.docx", "programma-van-eisen-participatie.docx"])
    func sampleAnchorsMapBackToTheRunText(_ name: String) throws {
        let path = Samples.formats(name)
        let document = try DocumentReader().read(path: path)
        let checked = try check(document, documentXML: try Self.documentXML(path))
        #expect(checked > 20)
        // Every body block of a sample is anchored over all of its letters.
        for block in document.blocks where !block.anchors.isEmpty {
            let covered = block.anchors.reduce(0) { $0 + $1.text.count }
            let letters = block.text.utf8.count - block.text.filter { $0 == "\t" || $0 == "\n" }.utf8.count
            #expect(covered <= block.text.utf8.count && covered >= letters - (block.label == nil ? 0 : 0) - 8 * block.lineOrigins.count)
        }
    }

    @Test func trimmedMergedSplitAndCellTextKeepsItsAnchors() throws {
        let body = """
        <w:p><w:r><w:t xml:space="preserve">  De aan</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>bieder &amp; co</w:t></w:r><w:r><w:tab/><w:t>nu. </w:t></w:r></w:p>\
        <w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a" w:date="2020-01-01T00:00:00Z"/></w:rPr></w:pPr><w:r><w:t>Eerst </w:t></w:r></w:p>\
        <w:p><w:r><w:t>daarna.</w:t></w:r></w:p>\
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t xml:space="preserve"> cel één</w:t></w:r></w:p><w:p><w:r><w:t>twee</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        """
        let fixture = DocxFixture(body: body)
        let document = try DocumentReader().read(bytes: try fixture.bytes(), path: "proef.docx")
        #expect(document.blocks.map(\.text) == ["De aanbieder & co\tnu.", "Eerst daarna.", "cel één\ntwee |"])
        #expect(document.blocks[0].anchors == [
            BlockAnchor(text: 0..<6, paragraph: 0, run: 0, runOffset: 2),
            BlockAnchor(text: 6..<17, paragraph: 0, run: 1),
            BlockAnchor(text: 18..<21, paragraph: 0, run: 2),
        ])
        #expect(document.blocks[1].anchors == [
            BlockAnchor(text: 0..<6, paragraph: 1, run: 0), BlockAnchor(text: 6..<13, paragraph: 2, run: 0),
        ])
        #expect(document.blocks[2].anchors == [
            BlockAnchor(text: 0..<9, paragraph: 3, run: 0, runOffset: 1), BlockAnchor(text: 10..<14, paragraph: 4, run: 0),
        ])
        #expect(try check(document, documentXML: Array((#"<?xml version="1.0" encoding="UTF-8"?><w:document \#(DocxFixture.namespaces)><w:body>\#(body)</w:body></w:document>"#).utf8)) == 7)
    }

    /// ODF: one anchor per stretch of a text node the reader kept (white space it folds cuts a
    /// node in two), paragraphs counted over all text:p/text:h of the part; notes get none.
    @Test func openDocumentAnchorsFollowFoldedWhiteSpaceAndSkipNotes() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>"#
            + #"<text:p>Een   twee <text:span>drie</text:span></text:p><text:p>Vier<text:note><text:note-body><text:p>Noot</text:p></text:note-body></text:note> vijf</text:p>"#
            + "</office:text></office:body></office:document>"
        let document = try DocumentReader().read(bytes: Array(xml.utf8), path: "a.fodt")
        let blocks = Dictionary(uniqueKeysWithValues: document.blocks.map { ($0.text, $0.anchors) })
        #expect(blocks["Een twee drie"] == [BlockAnchor(text: 0..<4, paragraph: 0, run: 0, runOffset: 0),
                                            BlockAnchor(text: 4..<9, paragraph: 0, run: 0, runOffset: 6),
                                            BlockAnchor(text: 9..<13, paragraph: 0, run: 1, runOffset: 0)])
        #expect(blocks["Vier vijf"] == [BlockAnchor(text: 0..<4, paragraph: 1, run: 0, runOffset: 0),
                                        BlockAnchor(text: 4..<9, paragraph: 1, run: 1, runOffset: 0)])
        #expect(blocks["Noot"] == [])
    }

    @Test func otherFormatsHaveNoAnchors() throws {
        let document = try DocumentReader().read(bytes: Array("Artikel 1\n\nDe aanbieder levert een VOG.\n".utf8), path: "a.txt")
        #expect(document.blocks.allSatisfy { $0.anchors.isEmpty })
    }
}
