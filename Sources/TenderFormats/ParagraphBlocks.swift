import TenderDocument

/// Collects the blocks of a word-processing document (DOCX, ODT, FODT) and numbers its
/// paragraphs.
///
/// Paragraph numbers count the non-empty paragraphs in reading order, 1-based, as Word's and
/// LibreOffice's statistics do: body paragraphs and table cell paragraphs first, then notes,
/// then headers and footers. Empty paragraphs are neither numbered nor kept.
struct ParagraphBlocks {
    private(set) var blocks: [Block] = []
    private(set) var paragraphCount = 0

    /// One paragraph as a block. `text` may hold line breaks (`"\n"`); leading and trailing white
    /// space is dropped.
    mutating func add(_ text: String, kind: BlockKind, label: String? = nil, comments: [String] = [], anchors: [BlockAnchor] = []) {
        let trimmed = ParagraphBlocks.trimmed(text)
        guard !trimmed.isEmpty else { return }
        let lead = ParagraphBlocks.leadingTrim(text)
        paragraphCount += 1
        var block = Block(kind: kind, text: trimmed, lineOrigins: ParagraphBlocks.origins(of: trimmed, paragraph: paragraphCount),
                          label: label.flatMap { $0.isEmpty ? nil : $0 })
        block.comments = ParagraphBlocks.unique(comments)
        block.anchors = anchors.compactMap { $0.clipped(to: lead..<(lead + trimmed.utf8.count), shift: -lead) }
        blocks.append(block)
    }

    /// The UTF-8 length of the white space `trimmed` drops from the front of `text`.
    static func leadingTrim(_ text: String) -> Int {
        var n = 0
        for c in text { guard c.isWhitespace else { break }; n += c.utf8.count }
        return n
    }

    /// The cells of the table row being read (`beginRow()` … `endRow()`), not yet a block.
    private var row: PendingRow?
    /// Set by `beginTable()`: the next row with text is marked as its table's first.
    private var tableBegins = false

    /// Starts a table: its first row with text is marked `startsTable`, so two tables with only
    /// empty paragraphs between them keep their own header rows.
    mutating func beginTable() {
        endRow()
        tableBegins = true
    }

    private struct PendingRow {
        var lines: [String] = []
        var origins: [SourceLocation] = []
        var anchors: [BlockAnchor] = []
        var comments: [String] = []
        var length = 0
    }

    /// Starts a table row: the cells added until `endRow()` become one block of kind
    /// `.tableCell`, each cell closed by ` |` as in a Markdown row (`Rapportage |` ⏎ `maandelijks |`
    /// ⏎ `per gemeente |`), so a row is read with the table's header row as Markdown rows are
    /// (`LeadIn`). Every paragraph keeps a line of its own, so a finding still points at its cell's
    /// paragraph and column. A row that is still open (a table nested in a cell) is ended first.
    mutating func beginRow() {
        endRow()
        row = PendingRow()
    }

    /// Ends the row begun by `beginRow()` and adds it as a block (nothing when its cells are empty).
    mutating func endRow() {
        guard let pending = row else { return }
        row = nil
        guard !pending.lines.isEmpty else { return }
        var block = Block(kind: .tableCell, text: pending.lines.joined(separator: "\n"), lineOrigins: pending.origins)
        block.comments = ParagraphBlocks.unique(pending.comments)
        block.anchors = pending.anchors
        block.startsTable = tableBegins
        tableBegins = false
        blocks.append(block)
    }

    /// A table cell: its non-empty paragraphs, each on a line of its own that starts at its own
    /// paragraph number, its number label in front of it, the last one followed by ` |`. Joins the
    /// row begun by `beginRow()` (a cell outside a row is a row of its own).
    mutating func addCell(_ paragraphs: [(text: String, label: String?)], comments: [String] = [], anchors: [[BlockAnchor]] = []) {
        let standalone = row == nil
        if standalone { beginRow() }
        defer { if standalone { endRow() } }
        var lines: [String] = []
        var origins: [SourceLocation] = []
        var cellAnchors: [BlockAnchor] = []
        var lineStart = row!.length
        for (index, (text, paragraphLabel)) in paragraphs.enumerated() {
            let trimmed = ParagraphBlocks.trimmed(text)
            guard !trimmed.isEmpty else { continue }
            paragraphCount += 1
            var line = trimmed
            if let paragraphLabel, !paragraphLabel.isEmpty { line = paragraphLabel + " " + trimmed }
            if index < anchors.count {
                let lead = ParagraphBlocks.leadingTrim(text)
                let start = lineStart + line.utf8.count - trimmed.utf8.count
                cellAnchors += anchors[index].compactMap { $0.clipped(to: lead..<(lead + trimmed.utf8.count), shift: start - lead) }
            }
            lines.append(line)
            lineStart += line.utf8.count + 1
            origins += ParagraphBlocks.origins(of: line, paragraph: paragraphCount)
        }
        guard !lines.isEmpty else { return }
        lines[lines.count - 1] += " |"
        row!.lines += lines
        row!.origins += origins
        row!.anchors += cellAnchors
        row!.comments += comments
        row!.length = lineStart + 2
    }

    /// Adds `comments` to the last block (a comment anchored in a paragraph that turned out empty
    /// belongs to the paragraph before it).
    mutating func attachToLast(_ comments: [String]) {
        guard !comments.isEmpty, !blocks.isEmpty else { return }
        blocks[blocks.count - 1].comments = ParagraphBlocks.unique(blocks[blocks.count - 1].comments + comments)
    }

    /// The origin of each line of one paragraph: the paragraph number, and the column (in
    /// characters, the `"\n"` before it counted) at which the line starts.
    static func origins(of text: String, paragraph: Int) -> [SourceLocation] {
        var origins: [SourceLocation] = [.paragraph(paragraph, column: 1)]
        var column = 1
        for c in text {
            column += 1
            if c == "\n" { origins.append(.paragraph(paragraph, column: column)) }
        }
        return origins
    }

    static func trimmed(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    private static func unique(_ comments: [String]) -> [String] {
        var seen = Set<String>()
        return comments.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
