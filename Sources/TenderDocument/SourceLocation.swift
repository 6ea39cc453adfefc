/// Where a piece of text stands in the original file, in the terms a person uses for that format.
///
/// Every case carries a 1-based column (in characters, not bytes) so a finding can point inside
/// a line or paragraph. The case is chosen by the reader; the engine only shifts the column.
public enum SourceLocation: Hashable, Sendable, Codable {
    /// Plain text and Markdown: 1-based line and column.
    case line(Int, column: Int)
    /// DOCX and ODT: the 1-based paragraph number in reading order, and a column in that paragraph.
    case paragraph(Int, column: Int)
    /// XML and eForms: an XPath-like path, the 1-based line of the element, and a column in its text.
    case xml(path: String, line: Int, column: Int)
    /// PDF: the 1-based page, the 1-based line on that page, and a column in that line.
    case page(Int, line: Int, column: Int)

    /// The same location moved `offset` characters to the right.
    public func advanced(byColumns offset: Int) -> SourceLocation {
        switch self {
        case let .line(l, c): return .line(l, column: c + offset)
        case let .paragraph(p, c): return .paragraph(p, column: c + offset)
        case let .xml(path, l, c): return .xml(path: path, line: l, column: c + offset)
        case let .page(p, l, c): return .page(p, line: l, column: c + offset)
        }
    }

    /// A line number for tools that only know lines (SARIF, GitHub annotations): the text line,
    /// the paragraph number, the XML line or the PDF line on its page.
    public var lineNumber: Int {
        switch self {
        case let .line(l, _): return l
        case let .paragraph(p, _): return p
        case let .xml(_, l, _): return l
        case let .page(_, l, _): return l
        }
    }

    /// The 1-based column in characters.
    public var column: Int {
        switch self {
        case let .line(_, c), let .paragraph(_, c), let .xml(_, _, c), let .page(_, _, c): return c
        }
    }

    /// A short human description, e.g. `regel 12, kolom 4` or `pagina 3, regel 18`.
    public func describe(english: Bool = false) -> String {
        switch self {
        case let .line(l, c):
            return english ? "line \(l), column \(c)" : "regel \(l), kolom \(c)"
        case let .paragraph(p, c):
            return english ? "paragraph \(p), column \(c)" : "alinea \(p), kolom \(c)"
        case let .xml(path, l, _):
            return english ? "\(path) (line \(l))" : "\(path) (regel \(l))"
        case let .page(p, l, c):
            return english ? "page \(p), line \(l), column \(c)" : "pagina \(p), regel \(l), kolom \(c)"
        }
    }
}
