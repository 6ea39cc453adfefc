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
    }

    public static func sniff(_ bytes: [UInt8], fileExtension: String) -> Verdict {
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .format(.pdf) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
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
}
