import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderLint
@testable import TenderRedline

@Suite struct DocxRedlineTests {
    static let samples = ["inkoopdocument-jeugdhulp", "raamovereenkomst-wmo-begeleiding", "aanbesteding-jobcoaching-participatie", "programma-van-eisen-participatie"]

    /// The document part with every change rejected: insertions dropped, deletions kept as text.
    static func rejected(_ xml: String) -> String {
        var s = xml.replacingOccurrences(of: #"<w:ins [^>]*>.*?</w:ins>"#, with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<w:del [^>]*>|</w:del>"#, with: "", options: .regularExpression)
        return s.replacingOccurrences(of: "w:delText", with: "w:t")
    }

    static func replacing(_ zip: [UInt8], _ name: String, with text: String) throws -> [UInt8] {
        let original = try Support.entries(zip)
        var parts: [(String, Data)] = []
        for n in original { parts.append((n, Data((n == name ? text : try Support.entry(zip, n)!).utf8))) }
        let archive = try ZIPFoundationShim.create(parts)
        return archive
    }

    @Test(arguments: samples)
    func sampleCopy(_ name: String) throws {
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path("samples/formats/\(name).docx"))))
        let (document, findings, plan, result) = try Support.redline(input, name: name + ".docx")
        let active = findings.filter { $0.suppression == nil }
        #expect(result.comments == active.count)
        #expect(result.changes == plan.edits.filter { $0.replacement != nil }.count)
        #expect(result.changes > 0)
        let xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
        // Every part but the document and its comments is unchanged, in the same order.
        #expect(try Support.entries(result.bytes) == Support.entries(input))
        for part in try Support.entries(input) where part != "word/document.xml" && part != "word/comments.xml" {
            #expect(try Support.entry(result.bytes, part) == Support.entry(input, part), "\(part)")
        }
        // Ids: revisions and comments unique and above every id the document had.
        let before = DocxRedliner.maxId(try DocxRedliner.parse(Array(try Support.entry(input, "word/document.xml")!.utf8), "d"))
        let newIds = xml.matches(of: /<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/).map { Int($0.1)! }
        #expect(Set(newIds).count == newIds.count)
        #expect(newIds.allSatisfy { $0 > before })
        #expect(xml.matches(of: /<w:commentReference w:id=/).count == active.count)

        // Accepted (the reader reads tracked changes as accepted): no finding left in a replaced unit.
        let accepted = try DocumentReader().read(bytes: result.bytes, path: "accepted.docx")
        let models = plan.edits.compactMap { $0.replacement?.text }
        let after = Support.engine.lint(accepted).findings.filter { $0.suppression == nil }
        // The demands that were replaced are gone.
        for edit in plan.edits where edit.replacement != nil {
            #expect(!after.contains { $0.ruleId == edit.finding.ruleId && $0.matchedText == edit.finding.matchedText }, "\(edit.finding.ruleId) still there")
        }
        // No finding inside an inserted model article: every model article lints clean
        // (ModelArticleLintTests holds the catalogue to it).
        for f in after { #expect(!models.contains { f.excerpt.contains($0) }, "\(f.ruleId) in a model article: \(f.matchedText)") }
        // Rejected: the original text, block for block.
        let rejectedZip = try Self.replacing(result.bytes, "word/document.xml", with: Self.rejected(xml))
        let rejected = try DocumentReader().read(bytes: rejectedZip, path: "rejected.docx")
        #expect(rejected.blocks.map(\.text) == document.blocks.map(\.text))
        // The comments do not silence anything: the copy lints as the original does.
        let relinted = Support.engine.lint(try DocumentReader().read(bytes: try Support.redline(input, commentsOnly: true).result.bytes, path: "c.docx")).findings
        #expect(relinted.map(\.ruleId) == findings.map(\.ruleId))
        #expect(relinted.allSatisfy { $0.suppression == nil } == findings.allSatisfy { $0.suppression == nil })
    }

    static let demand = "Bij zijn aanmelding voegt de Aanbieder zijn volledige kwaliteitshandboek en het meest recente interne auditrapport toe."

    @Test func newCommentsPartGetsItsRelationshipAndContentType() throws {
        let body = #"<w:bookmarkStart w:id="100" w:name="b"/><w:p><w:r><w:t>\#(Self.demand)</w:t></w:r></w:p><w:bookmarkEnd w:id="100"/>"#
        let result = try Support.redline(try Support.docx(body: body)).result
        #expect(result.comments == 1)
        let types = try #require(try Support.entry(result.bytes, "[Content_Types].xml"))
        #expect(types.contains(#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#))
        let rels = try #require(try Support.entry(result.bytes, "word/_rels/document.xml.rels"))
        #expect(rels.contains(#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml""#))
        let comments = try #require(try Support.entry(result.bytes, "word/comments.xml"))
        #expect(comments.contains(#"<w:comment w:id="101" w:author="Proef" w:date="2027-01-15T08:00:00Z""#))
        let xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
        // Namespaces the file declares stay as they are.
        #expect(xml.contains(#"xmlns:x14="urn:proef""#))
    }

    @Test func existingCommentsPartIsReusedAndIdsStayAbove() throws {
        let existing = #"<w:comment w:id="7" w:author="Jan"><w:p><w:r><w:t>Bestaand</w:t></w:r></w:p></w:comment>"#
        let body = #"<w:p><w:commentRangeStart w:id="7"/><w:r><w:t>Inleiding.</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r></w:p><w:p><w:r><w:t>\#(Self.demand)</w:t></w:r></w:p>"#
        let result = try Support.redline(try Support.docx(body: body, comments: existing)).result
        let comments = try #require(try Support.entry(result.bytes, "word/comments.xml"))
        #expect(comments.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\#(existing)<w:comment w:id="8""#))
        #expect(try Support.entries(result.bytes).filter { $0.hasSuffix("comments.xml") } == ["word/comments.xml"])
        let rels = try #require(try Support.entry(result.bytes, "word/_rels/document.xml.rels"))
        #expect(rels.components(separatedBy: "/comments\"").count == 2)
        let xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
        #expect(xml.contains(#"<w:commentRangeStart w:id="7"/><w:r><w:t>Inleiding.</w:t></w:r><w:commentRangeEnd w:id="7"/>"#))
    }

    @Test func splitRunsKeepTheirFormattingAndTextIsEscaped() throws {
        // The demand over three runs, the middle one bold, with typographic quotes and an ampersand before it.
        let body = #"<w:p><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Zie „bijlage A” &amp; de bijlagen. Bij zijn aanmelding voegt de Aanbieder zijn </w:t></w:r><w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>volledige kwaliteitshandboek</w:t></w:r><w:r><w:t xml:space="preserve"> en het meest recente interne auditrapport toe. Einde.</w:t></w:r></w:p>"#
        let input = try Support.docx(body: body)
        let (document, _, _, result) = try Support.redline(input, commentsOnly: true)
        #expect(result.comments == 1 && result.changes == 0)
        let xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
        // The match starts inside the first run: that run is cut in two, both halves italic.
        #expect(xml.contains(#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Zie „bijlage A” &amp; de bijlagen. Bij zijn aanmelding </w:t></w:r><w:commentRangeStart w:id="1"/><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">voegt de Aanbieder zijn </w:t></w:r>"#))
        // The bold run is not cut: kept byte for byte.
        #expect(xml.contains(#"<w:r w:rsidR="00AB"><w:rPr><w:b/></w:rPr><w:t>volledige kwaliteitshandboek</w:t></w:r>"#))
        #expect(try DocumentReader().read(bytes: result.bytes, path: "c.docx").blocks.map(\.text) == document.blocks.map(\.text))

        let changed = try Support.redline(input).result
        let changedXML = try #require(try Support.entry(changed.bytes, "word/document.xml"))
        #expect(changedXML.contains(#"<w:del w:id="#))
        #expect(changedXML.contains(#"<w:r><w:rPr><w:b/></w:rPr><w:delText xml:space="preserve">volledige kwaliteitshandboek</w:delText></w:r>"#))
        // The inserted run is formatted like the first deleted one.
        #expect(changedXML.contains(#"<w:ins w:id="2" w:author="Proef" w:date="2027-01-15T08:00:00Z"><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">De aanbieder werkt met een kwaliteitssysteem"#))
        let accepted = try DocumentReader().read(bytes: changed.bytes, path: "a.docx").blocks[0].text
        #expect(accepted.hasPrefix("Zie „bijlage A” & de bijlagen. De aanbieder werkt met een kwaliteitssysteem"))
        #expect(accepted.hasSuffix("verklaringen op. Einde."))
    }

    @Test func paragraphWithTrackedChangesGetsACommentOnly() throws {
        let body = #"<w:p><w:ins w:id="3" w:author="Jan" w:date="2020-01-01T00:00:00Z"><w:r><w:t xml:space="preserve">Nieuw. </w:t></w:r></w:ins><w:r><w:t>\#(Self.demand)</w:t></w:r></w:p>"#
        let result = try Support.redline(try Support.docx(body: body)).result
        #expect(result.comments == 1 && result.changes == 0)
        let comments = try #require(try Support.entry(result.bytes, "word/comments.xml"))
        #expect(comments.contains("Niet vervangen: de alinea bevat al bijgehouden wijzigingen"))
        let fields = try Support.redline(try Support.docx(body: #"<w:p><w:r><w:t xml:space="preserve">\#(Self.demand) </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#)).result
        #expect(fields.changes == 0)
        #expect(try Support.entry(fields.bytes, "word/comments.xml")!.contains("de zin bevat een veld"))
    }

    @Test func aReplacedNumberedParagraphKeepsItsNumberAndLeavesNoEmptyItem() throws {
        let body = #"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>\#(Self.demand)</w:t></w:r></w:p><w:p><w:r><w:t>Slot.</w:t></w:r></w:p>"#
        let result = try Support.redline(try Support.docx(body: body)).result
        #expect(result.changes == 1)
        let xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
        // The paragraph mark is not deleted: accepting keeps one numbered paragraph, holding the article.
        #expect(!xml.contains("<w:rPr><w:del"))
        #expect(xml.contains(#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:commentRangeStart"#))
        let accepted = try DocumentReader().read(bytes: result.bytes, path: "a.docx").blocks.map(\.text)
        #expect(accepted.count == 2)
        #expect(accepted[0].hasPrefix("De aanbieder werkt met een kwaliteitssysteem"))
    }

    @Test func reproducibleWithTheSameDate() throws {
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path("samples/formats/inkoopdocument-jeugdhulp.docx"))))
        #expect(try Support.redline(input).result.bytes == Support.redline(input).result.bytes)
        #expect(RedlineOptions.date(environment: ["SOURCE_DATE_EPOCH": "1800000000"]) == Date(timeIntervalSince1970: 1_800_000_000))
    }
}

import ZIPFoundation
enum ZIPFoundationShim {
    static func create(_ parts: [(String, Data)]) throws -> [UInt8] {
        let archive = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { p, s in data.subdata(in: Int(p)..<(Int(p) + s)) }
        }
        return [UInt8](archive.data!)
    }
}
