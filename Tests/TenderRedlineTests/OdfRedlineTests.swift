import Foundation
import Testing
import TenderDocument
import TenderFormats
import TenderLint
import TenderXML
import ZIPFoundation
@testable import TenderRedline

/// ODT and FODT copies: comments, tracked changes, what is kept, and the anchors the writer
/// relies on.
@Suite struct OdfRedlineTests {
    static let samples = DocxRedlineTests.samples.flatMap { ["\($0).odt", "\($0).fodt"] }

    static func redline(_ bytes: [UInt8], name: String, commentsOnly: Bool = false) throws -> (document: Document, findings: [Finding], plan: RedlinePlan, output: Redliner.Output) {
        let document = try DocumentReader().read(bytes: bytes, path: name)
        let findings = Support.engine.lint(document).findings
        var options = Support.options
        options.commentsOnly = commentsOnly
        let plan = RedlinePlan(document: document, findings: findings, text: FindingText(catalogue: Support.engine.catalogue, language: .nl), options: options)
        return (document, findings, plan, try Redliner.redline(input: bytes, document: document, plan: plan, options: options))
    }

    /// The XML that holds the text: content.xml of a package, or the flat file.
    static func contentXML(_ bytes: [UInt8], flat: Bool) throws -> String {
        flat ? String(decoding: bytes, as: UTF8.self) : try #require(try Support.entry(bytes, "content.xml"))
    }

    /// A package with one entry replaced; every other entry (binary too) kept with its compression.
    static func replacingEntry(_ zip: [UInt8], _ name: String, with content: [UInt8]) throws -> [UInt8] {
        let source = try ZIPFoundation.Archive(data: Data(zip), accessMode: .read)
        let out = try ZIPFoundation.Archive(data: Data(), accessMode: .create)
        for entry in source {
            var data = Data()
            if entry.path == name { data = Data(content) } else { _ = try source.extract(entry) { data.append($0) } }
            try out.addEntry(with: entry.path, type: entry.type, uncompressedSize: Int64(data.count),
                             compressionMethod: entry.isCompressed ? .deflate : .none) { p, s in data.subdata(in: Int(p)..<(Int(p) + s)) }
        }
        return [UInt8](out.data!)
    }

    /// The XML with every change rejected: insertions dropped, each deletion's text put back at
    /// its change mark, the change regions gone.
    static func rejected(_ xml: String) -> String {
        var s = xml.replacingOccurrences(of: #"<text:change-start text:change-id="([^"]+)"/>.*?<text:change-end text:change-id="\1"/>"#, with: "", options: .regularExpression)
        for m in xml.matches(of: /<text:changed-region xml:id="([^"]+)"[^>]*><text:deletion>.*?<\/office:change-info><text:p[^>]*>(.*?)<\/text:p><\/text:deletion>/) {
            s = s.replacingOccurrences(of: #"<text:change text:change-id="\#(m.1)"/>"#, with: String(m.2))
        }
        return s.replacingOccurrences(of: #"<text:changed-region xml:id="tlct\d+".*?</text:changed-region>"#, with: "", options: .regularExpression)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path(relative))))
    }

    @Test(arguments: samples)
    func sampleCopy(_ name: String) throws {
        let flat = name.hasSuffix(".fodt")
        let input = try Self.bytes("samples/formats/\(name)")
        let before = input
        let (document, findings, plan, output) = try Self.redline(input, name: name)
        #expect(input == before)
        let active = findings.filter { $0.suppression == nil }
        #expect(output.comments == active.count)
        #expect(output.changes == plan.edits.filter { $0.replacement != nil }.count)
        #expect(output.changes > 0)
        let xml = try Self.contentXML(output.bytes, flat: flat)
        // The file parses, and holds one annotation and one annotation end per comment, names unique.
        let root = try XMLTree.parse(Array(xml.utf8)).root
        let starts = root.descendants { $0.is("annotation", namespace: OdfRedliner.office) }.compactMap { $0.attribute("name", namespace: OdfRedliner.office) }
        let ends = root.descendants { $0.is("annotation-end", namespace: OdfRedliner.office) }.compactMap { $0.attribute("name", namespace: OdfRedliner.office) }
        #expect(starts.count == active.count && Set(starts).count == starts.count)
        #expect(Set(ends) == Set(starts))
        // Deletions and insertions in text:tracked-changes, the first child of office:text; the
        // deleted text is out of the body.
        let body = try #require(root.element(path: ["body", "text"], namespace: OdfRedliner.office))
        let tracked = try #require(body.elements.first)
        #expect(tracked.is("tracked-changes", namespace: OdfRedliner.text))
        #expect(tracked.descendants { $0.is("deletion", namespace: OdfRedliner.text) }.count == output.changes)
        #expect(tracked.descendants { $0.is("insertion", namespace: OdfRedliner.text) }.count == output.changes)
        #expect(xml.matches(of: /<text:change text:change-id=/).count == output.changes)
        #expect(xml.matches(of: /<text:change-start text:change-id=/).count == output.changes)
        // Every other part of the package unchanged, mimetype first and stored.
        if !flat {
            #expect(try Support.entries(output.bytes) == Support.entries(input))
            for part in try Support.entries(input) where part != "content.xml" {
                #expect(try Self.entryData(output.bytes, part) == Self.entryData(input, part), "\(part)")
            }
            let archive = try ZIPFoundation.Archive(data: Data(output.bytes), accessMode: .read)
            let first = try #require(archive.first { _ in true })
            #expect(first.path == "mimetype" && !first.isCompressed)
        }
        // Accepted (the reader reads tracked changes as accepted): the replaced demands are gone
        // and the model articles are there.
        let accepted = try DocumentReader().read(bytes: output.bytes, path: "accepted." + (flat ? "fodt" : "odt"))
        let after = Support.engine.lint(accepted).findings.filter { $0.suppression == nil }
        let acceptedText = accepted.blocks.map(\.text).joined(separator: "\n")
        for edit in plan.edits where edit.replacement != nil {
            #expect(!after.contains { $0.ruleId == edit.finding.ruleId && $0.matchedText == edit.finding.matchedText }, "\(edit.finding.ruleId) still there")
            #expect(acceptedText.contains(edit.replacementText))
        }
        // The comments silence nothing: linted again, no finding is suppressed by them.
        #expect(after.count == Support.engine.lint(accepted).findings.filter { $0.suppression == nil }.count)
        // Rejected: the original text, block for block.
        let rejectedXML = Array(Self.rejected(xml).utf8)
        let rejectedBytes = flat ? rejectedXML : try Self.replacingEntry(output.bytes, "content.xml", with: rejectedXML)
        let rejected = try DocumentReader().read(bytes: rejectedBytes, path: "rejected." + (flat ? "fodt" : "odt"))
        #expect(rejected.blocks.map(\.text) == document.blocks.map(\.text))
    }

    static func entryData(_ zip: [UInt8], _ name: String) throws -> Data? {
        let archive = try ZIPFoundation.Archive(data: Data(zip), accessMode: .read)
        guard let e = archive[name] else { return nil }
        var data = Data()
        _ = try archive.extract(e) { data.append($0) }
        return data
    }

    /// The reader's anchors and the writer's coordinates agree: every anchored piece of a block's
    /// text is the text the writer finds there (white space folded as the reader folds it).
    @Test(arguments: samples + ["fixture"])
    func anchorsPointAtTheirText(_ name: String) throws {
        let input = name == "fixture" ? Array(Self.fodt(Self.richBody).utf8) : try Self.bytes("samples/formats/\(name)")
        let flat = name == "fixture" || name.hasSuffix(".fodt")
        let document = try DocumentReader().read(bytes: input, path: flat ? "x.fodt" : "x.odt")
        let xml = try Self.contentXML(input, flat: flat)
        let root = try XMLTree.parse(Array(xml.utf8)).root
        let body = try #require(root.element(path: ["body", "text"], namespace: OdfRedliner.office))
        var writer = OdfParagraphWriter(root: root, body: body, bytes: Array(xml.utf8), names: OdfNames(office: "office", text: "text", dc: "dc"), options: Support.options)
        var anchored = 0
        for block in document.blocks {
            for anchor in block.anchors {
                let expected = String(decoding: Array(block.text.utf8)[anchor.text], as: UTF8.self)
                let source = writer.sourceText(block: block, range: anchor.text)
                let found = try #require(source, "\(block.text)")
                func fold(_ s: String) -> String { s.replacingOccurrences(of: #"\s"#, with: " ", options: .regularExpression) }
                #expect(fold(found) == fold(expected), "\(block.text)")
                anchored += 1
            }
        }
        #expect(anchored > 0)
        // Body paragraphs are anchored; every block's anchors cover its text but for tabs,
        // numbers and spaces written as text:s.
        #expect(document.blocks.filter { !$0.anchors.isEmpty }.count > document.blocks.count / 2)
    }

    // MARK: Fixtures

    static func fodt(_ body: String, declarations: String = #"xmlns:dc="http://purl.org/dc/elements/1.1/""#) -> String {
        #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:proef="urn:proef" \#(declarations) office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>\#(body)</office:text></office:body></office:document>
        """#
    }

    /// A demand that the catalogue flags and for which it proposes a model article.
    static let demand = DocxRedlineTests.demand

    static let richBody = #"<text:p text:style-name="P1">Inleiding.  <text:span text:style-name="T1">Vet</text:span> en <text:s text:c="2"/>gewoon.</text:p>"#
        + #"<text:p text:style-name="P2">4.2 "# + demand.replacingOccurrences(of: "kwaliteitshandboek", with: #"<text:span text:style-name="T1">kwaliteits</text:span>handboek"#) + #" Daarna &amp; verder.</text:p>"#

    static func findingsAndCopy(_ xml: String, commentsOnly: Bool = false) throws -> (plan: RedlinePlan, output: Redliner.Output, xml: String) {
        let (_, _, plan, output) = try redline(Array(xml.utf8), name: "proef.fodt", commentsOnly: commentsOnly)
        return (plan, output, String(decoding: output.bytes, as: UTF8.self))
    }

    @Test func spansAreCutWithTheirFormattingAndTheRestIsKept() throws {
        let xml = Self.fodt(Self.richBody)
        let (plan, output, copy) = try Self.findingsAndCopy(xml)
        try #require(output.changes >= 1, "the fixture's demand is flagged with a model article")
        // Declared namespaces kept as they are (also the unused one).
        #expect(copy.contains(#"xmlns:proef="urn:proef""#))
        // The first paragraph is untouched, byte for byte.
        #expect(copy.contains(#"<text:p text:style-name="P1">Inleiding.  <text:span text:style-name="T1">Vet</text:span> en <text:s text:c="2"/>gewoon.</text:p>"#))
        // The clause number stays in the body; the deleted span keeps its style in the deletion.
        #expect(copy.contains(#"<text:p text:style-name="P2">4.2 "#))
        #expect(copy.contains(#"<text:span text:style-name="T1">kwaliteits</text:span>"#))
        #expect(copy.contains(#"<text:deletion><office:change-info><dc:creator>Proef</dc:creator>"#))
        #expect(copy.contains(#"<text:p text:style-name="P2">Bij zijn aanmelding voegt de Aanbieder zijn volledige "#))
        // The text after the unit, and its escaped ampersand, are kept.
        #expect(copy.contains(" Daarna &amp; verder.</text:p>"))
        let replaced = try #require(plan.edits.first { $0.replacement != nil })
        #expect(copy.contains(String(replaced.replacementText.prefix(40)).replacingOccurrences(of: "&", with: "&amp;")))
        let rejected = try DocumentReader().read(bytes: Array(Self.rejected(copy).utf8), path: "r.fodt")
        let original = try DocumentReader().read(bytes: Array(xml.utf8), path: "o.fodt")
        #expect(rejected.blocks.map(\.text) == original.blocks.map(\.text))
    }

    @Test func spacesTabsAndBreaksInTheSentenceMoveIntoTheDeletion() throws {
        let sentence = Self.demand.replacingOccurrences(of: "en het", with: #"en <text:s text:c="2"/>het"#)
            .replacingOccurrences(of: "interne", with: "interne<text:tab/>")
        let xml = Self.fodt(#"<text:p text:style-name="P3">"# + sentence + "</text:p>")
        let (_, output, copy) = try Self.findingsAndCopy(xml)
        #expect(output.changes == 1)
        let deletion = try #require(copy.firstMatch(of: /<text:deletion>.*?<\/text:deletion>/)).0
        #expect(deletion.contains(#"<text:s text:c="2"/>"#) && deletion.contains("<text:tab/>"))
        let body = try #require(copy.firstMatch(of: /<\/text:tracked-changes>.*<\/office:text>/)).0
        #expect(!body.contains("<text:s ") && !body.contains("<text:tab/>"))
        let rejected = try DocumentReader().read(bytes: Array(Self.rejected(copy).utf8), path: "r.fodt")
        let original = try DocumentReader().read(bytes: Array(xml.utf8), path: "o.fodt")
        #expect(rejected.blocks.map(\.text) == original.blocks.map(\.text))
    }

    @Test func aParagraphWithTrackedChangesGetsACommentOnly() throws {
        let body = #"<text:tracked-changes text:track-changes="false"><text:changed-region xml:id="ct1" text:id="ct1"><text:insertion><office:change-info><dc:creator>Iemand</dc:creator><dc:date>2026-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region></text:tracked-changes>"#
            + #"<text:p><text:change-start text:change-id="ct1"/>Nieuw. <text:change-end text:change-id="ct1"/>"# + Self.demand + "</text:p>"
            + "<text:p>De Aanbieder levert bij aanmelding een personeelslijst aan met naam, functie en SKJ- of BIG-registratienummer van iedere medewerker, vergezeld van kopieën van diploma’s en cv’s.</text:p>"
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt(body))
        // The paragraph with a change gets a comment only; the clean one gets its change.
        #expect(output.changes == 1)
        #expect(output.comments >= 2)
        #expect(copy.contains("Niet vervangen: de alinea bevat al bijgehouden wijzigingen"))
        // The existing change is kept, the new regions are appended to the file's own
        // tracked-changes element, which is not doubled.
        #expect(copy.contains(#"<text:tracked-changes text:track-changes="false"><text:changed-region xml:id="ct1" text:id="ct1">"#))
        #expect(copy.contains(#"</text:changed-region><text:changed-region xml:id="tlct1" text:id="tlct1"><text:deletion>"#))
        #expect(copy.matches(of: /<text:tracked-changes/).count == 1)
        #expect(copy.contains(#"<text:change-start text:change-id="ct1"/>Nieuw. <text:change-end text:change-id="ct1"/>"#))
    }

    @Test func aFieldOrLinkInTheSentenceGivesACommentOnly() throws {
        let field = Self.demand.replacingOccurrences(of: "zijn aanmelding", with: #"<text:a xlink:href="https://example.org">zijn aanmelding</text:a>"#)
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt("<text:p>" + field + "</text:p>"))
        #expect(output.changes == 0)
        #expect(copy.contains("Niet vervangen: de zin staat (deels) in een inhoudsbesturingselement, hyperlink of andere omlijsting."))
        let date = Self.demand.replacingOccurrences(of: "meest recente", with: #"<text:date>meest recente</text:date>"#)
        let (_, output2, copy2) = try Self.findingsAndCopy(Self.fodt("<text:p>" + date + "</text:p>"))
        #expect(output2.changes == 0)
        #expect(copy2.contains("Niet vervangen: de zin bevat een veld"))
    }

    @Test func existingAnnotationsAndIdsAreKeptAndNotReused() throws {
        let body = #"<text:p><office:annotation office:name="__tenderlint_1"><dc:creator>Iemand</dc:creator><text:p>Oud</text:p></office:annotation>Eerst.<office:annotation-end office:name="__tenderlint_1"/></text:p>"#
            + #"<text:p xml:id="tlct1">"# + Self.demand + "</text:p>"
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt(body))
        #expect(output.changes >= 1)
        #expect(copy.contains(#"<office:annotation office:name="__tenderlint_1"><dc:creator>Iemand</dc:creator><text:p>Oud</text:p></office:annotation>Eerst.<office:annotation-end office:name="__tenderlint_1"/>"#))
        #expect(copy.matches(of: /office:annotation office:name="__tenderlint_1"/).count == 1)
        #expect(copy.matches(of: /xml:id="tlct1"/).count == 1)
    }

    @Test func aMissingDublinCoreDeclarationIsAdded() throws {
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt("<text:p>" + Self.demand + "</text:p>", declarations: ""))
        #expect(output.comments >= 1)
        #expect(copy.contains(#"xmlns:dc="http://purl.org/dc/elements/1.1/""#))
        _ = try XMLTree.parse(Array(copy.utf8))
    }

    @Test func commentsOnlyWritesNoChange() throws {
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt("<text:p>" + Self.demand + "</text:p>"), commentsOnly: true)
        #expect(output.changes == 0 && output.comments >= 1)
        #expect(!copy.contains("tracked-changes"))
    }

    @Test func aFindingInAFrameIsCommentedOnTheParagraphBefore() throws {
        let body = "<text:p>Eerst een gewone alinea.</text:p>"
            + #"<text:p><draw:frame draw:name="k"><draw:text-box><text:p>"# + Self.demand + "</text:p></draw:text-box></draw:frame></text:p>"
        let (_, output, copy) = try Self.findingsAndCopy(Self.fodt(body))
        #expect(output.changes == 0 && output.comments >= 1)
        #expect(copy.contains("Deze bevinding staat in een kader, tekstvak"))
        #expect(copy.contains(#"<text:p><office:annotation office:name="__tenderlint_1">"#))
    }
}
