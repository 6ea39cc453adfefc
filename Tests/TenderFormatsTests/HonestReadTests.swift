import Foundation
import Testing
import TenderDocument
@testable import TenderFormats

/// A document that reads without error but has no text is said to be so, never linted as clean.
@Suite struct HonestReadTests {
    @Test func anEmptyDocxIsNoReadableText() throws {
        let bytes = try DocxFixture(body: "<w:p/><w:p><w:r><w:t xml:space=\"preserve\">   </w:t></w:r></w:p>").bytes()
        #expect(throws: ReaderError.noReadableText(path: "leeg.docx")) {
            try DocumentReader().read(bytes: bytes, path: "leeg.docx")
        }
        #expect(ReaderError.noReadableText(path: "leeg.docx").message(english: true) == "leeg.docx: no readable text")
    }

    @Test func anEmptyFlatODTIsNoReadableText() throws {
        let fodt = #"<?xml version="1.0"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p/></office:text></office:body></office:document>"#
        #expect(throws: ReaderError.noReadableText(path: "leeg.fodt")) {
            try DocumentReader().read(bytes: Array(fodt.utf8), path: "leeg.fodt")
        }
    }

    @Test func anEmptyTextFileIsStillAnEmptyDocument() throws {
        let document = try DocumentReader().read(bytes: [], path: "leeg.txt")
        #expect(document.blocks.isEmpty)
    }

    @Test func regularFilesOnly() throws {
        #expect(throws: ReaderError.unreadable(path: "/dev/zero", reason: .init("geen gewoon bestand (tekenapparaat)", en: "not a regular file (character device)"))) {
            try DocumentReader().read(path: "/dev/zero")
        }
        #expect((try? InputFile.contents(path: "/etc/hostname", maxBytes: 4096))?.isEmpty == false)
    }

    @Test func pathsInMessagesAreEscaped() {
        #expect(PathText.escaped("a/b.md") == "a/b.md")
        #expect(PathText.escaped("a\nb\u{1B}[31m\\.md") == "a\\nb\\x1B[31m\\\\.md")
        #expect(PathText.escaped("x\u{202E}dm.exe") == "x\\u{202E}dm.exe")
        #expect(ReaderError.notFound(path: "a\nb").message() == "a\\nb: bestand niet gevonden")
    }

    @Test func pdftotextReadsThePDFFromStandardInput() throws {
        // Input "-" (standard input) and output "-": no file is named, none is written.
        #expect(PdfText.arguments == ["-bbox-layout", "-enc", "UTF-8", "-", "-"])
        let document = try DocumentReader().read(bytes: try Samples.fixture("pagebreak.pdf"), path: "pagebreak.pdf")
        #expect(document.blocks.contains { $0.text.contains("1.8") })
    }
}
