/// `Block.location(atUTF8Offset:)` for many offsets in one block, each in time independent of
/// the block's length: the line starts are found once, and for lines longer than
/// `checkpointBytes` the character counts at checkpoints along the text, so a column is counted
/// from the nearest checkpoint instead of from the start of a line that may be megabytes long.
/// Gives the same locations as `Block.location(atUTF8Offset:)`.
public struct BlockLocator: Sendable {
    public let block: Block
    /// The UTF-8 offset at which each line of the text starts.
    private let lineStarts: [Int]
    /// (String index, characters before it), every `checkpointBytes` bytes or so, on character
    /// boundaries; empty when every line is short.
    private let checkpoints: [(index: String.Index, offset: Int, characters: Int)]

    static let checkpointBytes = 4_096

    public init(_ block: Block) {
        self.block = block
        var starts = [0]
        var longest = 0
        for (i, byte) in block.text.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            longest = max(longest, i - starts[starts.count - 1])
            starts.append(i + 1)
        }
        longest = max(longest, block.text.utf8.count - starts[starts.count - 1])
        lineStarts = starts
        var marks: [(index: String.Index, offset: Int, characters: Int)] = []
        if longest > Self.checkpointBytes {
            let text = block.text
            var characters = 0
            var lastOffset = 0
            marks.append((text.startIndex, 0, 0))
            var i = text.startIndex
            while i < text.endIndex {
                let offset = text.utf8.distance(from: text.startIndex, to: i)
                if offset - lastOffset >= Self.checkpointBytes {
                    marks.append((i, offset, characters))
                    lastOffset = offset
                }
                text.formIndex(after: &i)
                characters += 1
            }
        }
        checkpoints = marks
    }

    public func location(atUTF8Offset utf8Offset: Int) -> SourceLocation {
        let text = block.text
        let utf8 = text.utf8
        let offset = max(0, min(utf8Offset, utf8.count))
        // The line: the last start at or before the offset.
        var low = 0, high = lineStarts.count
        while low < high {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        let lineIndex = max(0, low - 1)
        let lineStart = lineStarts[lineIndex]
        let target = utf8.index(utf8.startIndex, offsetBy: offset)
        let columns: Int
        if offset - lineStart <= Self.checkpointBytes || checkpoints.isEmpty {
            columns = text[utf8.index(utf8.startIndex, offsetBy: lineStart)..<target].count
        } else {
            columns = characters(before: target, offset: offset) - characters(before: utf8.index(utf8.startIndex, offsetBy: lineStart), offset: lineStart)
        }
        let origin = block.lineOrigins[min(lineIndex, block.lineOrigins.count - 1)]
        return origin.advanced(byColumns: columns)
    }

    /// The characters of the text before `index` (at UTF-8 `offset`).
    private func characters(before index: String.Index, offset: Int) -> Int {
        var low = 0, high = checkpoints.count
        while low < high {
            let middle = (low + high) / 2
            if checkpoints[middle].offset <= offset { low = middle + 1 } else { high = middle }
        }
        let mark = checkpoints[max(0, low - 1)]
        return mark.characters + block.text[mark.index..<index].count
    }
}
