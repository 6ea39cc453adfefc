/// Where a piece of a block's text stands in the source file, for writers that patch the
/// original (`tenderlint redline`).
///
/// One anchor per text element of the source (`w:t` in DOCX, a text node in ODF) that reached
/// the block: `text` is its UTF-8 range in `Block.text`; `paragraph` is the index of the source
/// paragraph (`w:p`, `text:p`/`text:h`) among all paragraphs of the main part in document order
/// (start tags counted from 0); `run` is the index of the text element among those whose nearest
/// paragraph is that one; `runOffset` is the UTF-8 offset in that element's text (entities
/// resolved) at which `text` starts. Text that has no text element of its own (tabs, breaks,
/// symbols, a label the editor numbers) has no anchor. Filled by the DOCX and ODT readers for
/// the body of the main part; other readers and other parts leave `Block.anchors` empty.
public struct BlockAnchor: Hashable, Sendable, Codable {
    public var text: Range<Int>
    public var paragraph: Int
    public var run: Int
    public var runOffset: Int

    public init(text: Range<Int>, paragraph: Int, run: Int, runOffset: Int = 0) {
        self.text = text
        self.paragraph = paragraph
        self.run = run
        self.runOffset = runOffset
    }

    /// This anchor cut to `range` of the text it was built for and moved by `shift` (so that
    /// `range.lowerBound + shift` is its new start); nil when nothing of it is left.
    public func clipped(to range: Range<Int>, shift: Int) -> BlockAnchor? {
        let lower = max(text.lowerBound, range.lowerBound), upper = min(text.upperBound, range.upperBound)
        guard lower < upper else { return nil }
        return BlockAnchor(text: (lower + shift)..<(upper + shift), paragraph: paragraph, run: run,
                           runOffset: runOffset + (lower - text.lowerBound))
    }

    /// Every anchor moved by `shift` bytes.
    public static func shifted(_ anchors: [BlockAnchor], by shift: Int) -> [BlockAnchor] {
        anchors.map { BlockAnchor(text: ($0.text.lowerBound + shift)..<($0.text.upperBound + shift), paragraph: $0.paragraph, run: $0.run, runOffset: $0.runOffset) }
    }
}
