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

    /// A table cell: its non-empty paragraphs joined by `"\n"` into one block of kind
    /// `.tableCell`, each line starting at its own paragraph number. The first paragraph's
    /// number label becomes the block's label; later labels stay in front of their line.
    mutating func addCell(_ paragraphs: [(text: String, label: String?)], comments: [String] = [], anchors: [[BlockAnchor]] = []) {
        var lines: [String] = []
        var origins: [SourceLocation] = []
        var label: String?
        var cellAnchors: [BlockAnchor] = []
        var lineStart = 0
        for (index, (text, paragraphLabel)) in paragraphs.enumerated() {
            let trimmed = ParagraphBlocks.trimmed(text)
            guard !trimmed.isEmpty else { continue }
            paragraphCount += 1
            var line = trimmed
            if lines.isEmpty {
                label = paragraphLabel.flatMap { $0.isEmpty ? nil : $0 }
            } else if let paragraphLabel, !paragraphLabel.isEmpty {
                line = paragraphLabel + " " + trimmed
            }
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
        var block = Block(kind: .tableCell, text: lines.joined(separator: "\n"), lineOrigins: origins, label: label)
        block.comments = ParagraphBlocks.unique(comments)
        block.anchors = cellAnchors
        blocks.append(block)
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
