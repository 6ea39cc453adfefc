/// Maps the `.line(_, column:)` locations of a plain-text document back to the text the user
/// gave: UTF-16 offsets (what the LanguageTool API, Java and LibreOffice count) and LSP
/// positions (line and UTF-16 character).
///
/// Lines end where the text reader ends them: at `"\r\n"`, `"\r"` or `"\n"`. A location's column
/// counts characters (grapheme clusters) from the start of its line, as the reader does.
public struct TextLineIndex: Sendable {
    /// The text the locations refer to.
    public let text: String
    /// Where each line starts (index into `text`).
    private let starts: [String.Index]
    /// The UTF-16 offset of each line start.
    private let utf16Starts: [Int]

    public init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        var utf16Starts = [0]
        var offset = 0
        var previousCR = false
        var i = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        while i < scalars.endIndex {
            let s = scalars[i]
            let next = scalars.index(after: i)
            offset += s.utf16.count
            if s == "\n" {
                if previousCR {
                    // "\r\n": the line started after "\r" moves past the "\n".
                    starts[starts.count - 1] = next
                    utf16Starts[utf16Starts.count - 1] = offset
                } else {
                    starts.append(next)
                    utf16Starts.append(offset)
                }
                previousCR = false
            } else if s == "\r" {
                starts.append(next)
                utf16Starts.append(offset)
                previousCR = true
            } else {
                previousCR = false
            }
            i = next
        }
        self.starts = starts
        self.utf16Starts = utf16Starts
    }

    /// The number of lines.
    public var lineCount: Int { starts.count }

    /// The UTF-16 offset of 1-based `line` and 1-based character `column`; clamped to the text.
    public func utf16Offset(line: Int, column: Int) -> Int {
        let (l, character) = position(line: line, column: column)
        return utf16Starts[l] + character
    }

    /// The 0-based line and UTF-16 character (an LSP `Position`) of 1-based `line` and `column`.
    public func position(line: Int, column: Int) -> (line: Int, character: Int) {
        let l = max(0, min(line - 1, starts.count - 1))
        let end = l + 1 < starts.count ? starts[l + 1] : text.endIndex
        var index = starts[l]
        var remaining = max(0, column - 1)
        while remaining > 0, index < end {
            index = text.index(after: index)
            remaining -= 1
        }
        if index > end { index = end }
        return (l, text.utf16.distance(from: starts[l], to: index))
    }

    /// The UTF-16 offset of an LSP position (0-based line, UTF-16 character), clamped to the text.
    public func utf16Offset(lspLine line: Int, character: Int) -> Int {
        let l = max(0, min(line, utf16Starts.count - 1))
        let lineEnd = l + 1 < utf16Starts.count ? utf16Starts[l + 1] : text.utf16.count
        return min(utf16Starts[l] + max(0, character), lineEnd)
    }

    /// The UTF-16 offset of `location` when it is a text line location, else nil.
    public func utf16Offset(_ location: SourceLocation) -> Int? {
        guard case let .line(line, column) = location else { return nil }
        return utf16Offset(line: line, column: column)
    }
}
