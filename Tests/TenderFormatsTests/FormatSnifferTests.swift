import Foundation
import Testing
@testable import TenderFormats

/// Formats are recognised by content, and what is not read says so in one line.
@Suite struct FormatSnifferTests {
    private func error(_ bytes: [UInt8], path: String) -> ReaderError? {
        let result = Result { () throws(ReaderError) in try DocumentReader().read(bytes: bytes, path: path) }
        guard case let .failure(error) = result else { return nil }
        return error
    }

    static let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)

    @Test func word97DocIsUnsupportedWithAdvice() {
        let e = error(Self.ole, path: "oud.doc")
        guard case let .unsupported(_, format)? = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(format.contains(".docx"))
        #expect(e!.message() == "oud.doc: niet ondersteund formaat: \(format)")
    }

    @Test func encryptedOfficeDocumentIsProtected() {
        // Directory entry names in an OLE file are UTF-16LE.
        let name = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(error(Self.ole + name + [0, 0], path: "geheim.docx") == .protected(path: "geheim.docx"))
        #expect(ReaderError.protected(path: "geheim.docx").message(english: true)
                == "geheim.docx: the document is encrypted or password-protected")
    }

    @Test func rtfAndBinaryAreUnsupported() {
        guard case .unsupported? = error(Array("{\\rtf1\\ansi tekst}".utf8), path: "a.rtf") else { Issue.record("rtf"); return }
        guard case .unsupported? = error([0x00, 0x01, 0x02, 0x7F, 0x45, 0x4C, 0x46, 0x00], path: "a.bin") else { Issue.record("bin"); return }
    }

    @Test func officeContainersOtherThanWordAreUnsupported() throws {
        let xlsx = try ZipBuilder.zip([.init("[Content_Types].xml", "<Types>application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml</Types>")])
        #expect(error(xlsx, path: "t.xlsx") == .unsupported(path: "t.xlsx", format: "Excel-werkmap (.xlsx)"))
        let plain = try ZipBuilder.zip([.init("leesmij.txt", "hallo")])
        #expect(error(plain, path: "a.zip") == .unsupported(path: "a.zip", format: "ZIP-archief zonder tekstdocument"))
    }

    @Test func aDocxNamedPdfIsStillReadAsDocx() throws {
        let bytes = try DocxFixture(body: DocxFixture.p("Inhoud telt, niet de naam.")).bytes()
        let document = try DocumentReader().read(bytes: bytes, path: "verkeerd.pdf")
        #expect(document.format == .docx)
    }

    @Test func missingFileAndFolderAreReported() {
        #expect(throws: ReaderError.notFound(path: "/nonexistent/x.docx")) {
            try DocumentReader().read(path: "/nonexistent/x.docx")
        }
        #expect(throws: ReaderError.unreadable(path: "/tmp", reason: .init("is een map", en: "is a folder"))) {
            try DocumentReader().read(path: "/tmp")
        }
    }

    @Test func oversizedFileIsRefused() {
        let limits = InputLimits(maxFileBytes: 10)
        let result = Result { () throws(ReaderError) in
            try DocumentReader(limits: limits).read(bytes: Array("twaalf bytes".utf8), path: "a.txt")
        }
        guard case .failure(.limitExceeded) = result else { Issue.record("expected limitExceeded"); return }
    }
}
