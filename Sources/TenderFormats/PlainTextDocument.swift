import TenderDocument

extension DocumentReader {
    /// A document of text that arrived as text (an editor's buffer, a LanguageTool request), read
    /// as the text reader reads a `.txt` or `.md` file, without sniffing: the text is what it is.
    /// Locations are `.line(_, column:)` in `text` (see `TextLineIndex`).
    public static func document(text: String, path: String, markdown: Bool = false) -> Document {
        let blocks = TextBlocks(markdown: markdown).blocks(of: text)
        return Document(path: path, format: markdown ? .markdown : .text,
                        contentHash: ContentHash.sha256(text.utf8), blocks: blocks)
    }
}
