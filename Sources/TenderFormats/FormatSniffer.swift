import Foundation
import TenderDocument

/// Recognises a file's format by its content, not its name.
public enum FormatSniffer {
    /// What the first bytes say.
    public enum Verdict: Equatable, Sendable {
        case format(DocumentFormat)
        /// A ZIP container (DOCX, ODT): the archive reader looks inside to tell which.
        case zip
        /// Something tenderlint does not read, named for the user (e.g. "Word 97-2003 (.doc)").
        case unsupported(String)
        /// An encrypted document (a password-protected Word file is an OLE container holding an
        /// `EncryptedPackage` stream).
        case encrypted
    }

    public static func sniff(_ bytes: [UInt8], fileExtension: String) -> Verdict {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .format(.pdf) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            // OLE directory entries are named in UTF-16LE; an encrypted DOCX/XLSX keeps its
            // ciphertext in a stream called EncryptedPackage.
            let marker = Array("EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            if contains(bytes, marker) { return .encrypted }
            return .unsupported("Word 97-2003 of ander OLE-bestand (.doc/.xls); sla op als .docx of .odt")
        }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .unsupported("RTF; sla op als .docx of .odt") }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop(while: { $0 == "\u{FEFF}" || $0.isWhitespace })
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<") && !looksLikeHTMLorMarkdown(trimmed) {
            if head.contains("<office:document") { return .format(.fodt) }
            if head.contains("urn:oasis:names:specification:ubl:schema:xsd:ContractNotice")
                || head.contains("urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice")
                || head.contains("urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice") {
                return .format(.eforms)
            }
            return .format(.xml)
        }
        if bytes.contains(0), !(bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])) {
            return .unsupported("binair bestand")
        }
        switch fileExtension.lowercased() {
        case "md", "markdown": return .format(.markdown)
        default:
            return .format(looksLikeMarkdown(head) ? .markdown : .text)
        }
    }

    private static func looksLikeHTMLorMarkdown(_ s: Substring) -> Bool {
        s.hasPrefix("<!--") && !s.contains("<?xml")
    }

    /// ATX headings or pipe tables near the top mark Markdown written without a `.md` name.
    private static func looksLikeMarkdown(_ head: String) -> Bool {
        head.split(separator: "\n").prefix(40).contains { $0.hasPrefix("# ") || $0.hasPrefix("## ") || ($0.hasPrefix("|") && $0.hasSuffix("|")) }
    }

    /// What a ZIP container holds, by its `mimetype` entry (OpenDocument, EPUB) or its
    /// `[Content_Types].xml` (Office Open XML).
    static func sniffContainer(_ archive: Archive) throws(ReaderError) -> Verdict {
        if let mimetype = try archive.data("mimetype") {
            let type = String(decoding: mimetype.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            switch type {
            case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template":
                return .format(.odt)
            case "application/vnd.oasis.opendocument.spreadsheet":
                return .unsupported("OpenDocument-spreadsheet (.ods)")
            case "application/vnd.oasis.opendocument.presentation":
                return .unsupported("OpenDocument-presentatie (.odp)")
            case "application/epub+zip":
                return .unsupported("EPUB")
            default:
                if type.hasPrefix("application/vnd.oasis.opendocument") { return .unsupported("OpenDocument (\(type))") }
            }
        }
        if let types = try archive.data("[Content_Types].xml") {
            let text = String(decoding: types, as: UTF8.self)
            if text.contains("wordprocessingml.document.main+xml") || text.contains("wordprocessingml.template.main+xml")
                || text.contains("ms-word.document.macroEnabled.main+xml") || text.contains("ms-word.template.macroEnabledTemplate.main+xml") {
                return .format(.docx)
            }
            if text.contains("spreadsheetml") || text.contains("ms-excel") { return .unsupported("Excel-werkmap (.xlsx)") }
            if text.contains("presentationml") || text.contains("ms-powerpoint") { return .unsupported("PowerPoint (.pptx)") }
        }
        // An ODT written without its mimetype entry still has content.xml and a manifest.
        if archive.contains("content.xml"), archive.contains("META-INF/manifest.xml") { return .format(.odt) }
        if archive.contains("word/document.xml") { return .format(.docx) }
        return .unsupported("ZIP-archief zonder tekstdocument")
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
