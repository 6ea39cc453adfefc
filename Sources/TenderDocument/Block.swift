/// The kind of a block, as the reader saw it in the source.
public enum BlockKind: Hashable, Sendable, Codable {
    /// A heading with its outline level (1 = top).
    case heading(level: Int)
    case paragraph
    case listItem
    case tableCell
    /// A field of a structured notice (eForms), named by its business term, e.g. `BT-24`.
    case noticeField(String)
}

/// One block of text as a reader found it: a heading, a paragraph, a list item, a table cell.
///
/// Invariant: `lineOrigins.count` equals the number of `"\n"`-separated lines in `text`.
/// `text` is the display text exactly as read (no normalisation); matching works on
/// `NormalizedText` built from it.
public struct Block: Hashable, Sendable, Codable {
    public var kind: BlockKind
    /// The text as read; lines of the source that belong to this block are joined by `"\n"`.
    public var text: String
    /// Where each line of `text` starts in the source.
    public var lineOrigins: [SourceLocation]
    /// The number the editor shows but the text does not contain (Word/ODT automatic numbering),
    /// e.g. `"3.2"` or `"Artikel 4"`. The segmenter reads it as if it stood in front of the text.
    public var label: String?
    /// Comments attached to this block (Word/LibreOffice comments); read for suppression markers.
    public var comments: [String]
    /// Where the block's text stands in the source file (DOCX and ODT main parts only; empty
    /// otherwise), in the order of `text`. See `BlockAnchor`.
    public var anchors: [BlockAnchor] = []
    /// Whether this block is the first row of a table as the reader saw the table begin (a
    /// `.tableCell` only). The rows that follow, up to the next first row, are read with it as
    /// their header (`LeadIn`), also where only empty paragraphs stood between two tables.
    public var startsTable = false

    public init(kind: BlockKind, text: String, lineOrigins: [SourceLocation], label: String? = nil, comments: [String] = []) {
        precondition(!lineOrigins.isEmpty, "a block needs the origin of its first line")
        self.kind = kind
        self.text = text
        self.lineOrigins = lineOrigins
        self.label = label
        self.comments = comments
    }

    /// A block whose text lines follow one another from `origin` on (plain text, Markdown).
    public init(kind: BlockKind, text: String, firstLine: Int, column: Int = 1, label: String? = nil) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var origins: [SourceLocation] = [.line(firstLine, column: column)]
        if lines > 1 { for i in 1..<lines { origins.append(.line(firstLine + i, column: 1)) } }
        self.init(kind: kind, text: text, lineOrigins: origins, label: label)
    }

    private enum CodingKeys: String, CodingKey {
        case kind, text, lineOrigins, label, comments, anchors, startsTable
    }

    /// Decodes a block written by `encode(to:)` (a worker process's reply), keeping the
    /// invariant that a block knows where its first line starts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let origins = try container.decode([SourceLocation].self, forKey: .lineOrigins)
        guard !origins.isEmpty else {
            throw DecodingError.dataCorruptedError(forKey: .lineOrigins, in: container, debugDescription: "a block needs the origin of its first line")
        }
        self.kind = try container.decode(BlockKind.self, forKey: .kind)
        self.text = try container.decode(String.self, forKey: .text)
        self.lineOrigins = origins
        self.label = try container.decodeIfPresent(String.self, forKey: .label)
        self.comments = try container.decodeIfPresent([String].self, forKey: .comments) ?? []
        self.anchors = try container.decodeIfPresent([BlockAnchor].self, forKey: .anchors) ?? []
        self.startsTable = try container.decodeIfPresent(Bool.self, forKey: .startsTable) ?? false
    }

    /// The location of the character at `utf8Offset` (an offset into `text`'s UTF-8 view).
    public func location(atUTF8Offset utf8Offset: Int) -> SourceLocation {
        let utf8 = text.utf8
        let target = utf8.index(utf8.startIndex, offsetBy: max(0, min(utf8Offset, utf8.count)))
        var lineIndex = 0
        var lineStart = utf8.startIndex
        var i = utf8.startIndex
        while i < target {
            if utf8[i] == UInt8(ascii: "\n") {
                lineIndex += 1
                lineStart = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        // Columns count characters, as editors do.
        let columns = text[lineStart..<target].count
        let origin = lineOrigins[min(lineIndex, lineOrigins.count - 1)]
        return origin.advanced(byColumns: columns)
    }
}
