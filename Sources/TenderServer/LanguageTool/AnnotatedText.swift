import Foundation

/// The text of a LanguageTool check request: the `text` field, or the `data` field's annotated
/// text (`{"annotation": [{"text": …}, {"markup": …, "interpretAs": …}]}`).
///
/// The engine reads the plain text: the text items, with each markup item replaced by its
/// `interpretAs` (nothing when absent). Offsets in the answer are those of the original, text
/// and markup together, as LanguageTool maps them (`AnnotatedText.getOriginalTextPositionFor`):
/// a client that sent markup finds the match in what it sent. All offsets are UTF-16 code units.
struct AnnotatedText: Sendable, Equatable {
    /// The text the engine reads.
    let plain: String
    /// Pieces of `plain` in order: where each starts in the plain text and in the original, its
    /// length in the plain text, and whether it is text (offsets inside map one to one) or the
    /// `interpretAs` of markup (every offset inside maps to the markup).
    private let pieces: [Piece]

    private struct Piece: Equatable {
        var plainStart: Int
        var plainLength: Int
        var originalStart: Int
        var originalLength: Int
        var isText: Bool
    }

    /// Plain text: offsets are the same in both.
    init(text: String) {
        plain = text
        let n = text.utf16.count
        pieces = [Piece(plainStart: 0, plainLength: n, originalStart: 0, originalLength: n, isText: true)]
    }

    /// Why a `data` field was refused.
    enum Failure: Error, Equatable {
        case notJSON
        case noAnnotation
        case badItem(Int)
    }

    /// The annotated text in the `data` field.
    init(data: String) throws(Failure) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] else { throw .notJSON }
        guard let items = object["annotation"] as? [[String: Any]] else { throw .noAnnotation }
        var plain = ""
        var pieces: [Piece] = []
        var plainOffset = 0
        var originalOffset = 0
        for (n, item) in items.enumerated() {
            if let text = item["text"] as? String, item["markup"] == nil {
                let length = text.utf16.count
                pieces.append(Piece(plainStart: plainOffset, plainLength: length, originalStart: originalOffset, originalLength: length, isText: true))
                plain += text
                plainOffset += length
                originalOffset += length
            } else if let markup = item["markup"] as? String, item["text"] == nil {
                let interpreted = item["interpretAs"] as? String ?? ""
                let length = interpreted.utf16.count
                pieces.append(Piece(plainStart: plainOffset, plainLength: length, originalStart: originalOffset,
                                    originalLength: markup.utf16.count, isText: false))
                plain += interpreted
                plainOffset += length
                originalOffset += markup.utf16.count
            } else {
                throw .badItem(n)
            }
        }
        self.plain = plain
        self.pieces = pieces
    }

    /// The original offset of plain offset `position`. `isEnd`: the position is the last unit of
    /// a match (LanguageTool maps `to - 1` that way and adds one), so a match ending at the end of
    /// a text piece does not swallow the markup after it.
    func originalOffset(_ position: Int, isEnd: Bool = false) -> Int {
        // The piece holding `position`; a position between pieces belongs to the later one unless
        // it is an end, and then to the earlier.
        var chosen: Piece?
        for piece in pieces where piece.plainLength > 0 {
            if position >= piece.plainStart, position < piece.plainStart + piece.plainLength {
                chosen = piece
                break
            }
        }
        guard let piece = chosen else {
            // Past the end (or only empty pieces): the end of the original.
            return pieces.last.map { $0.originalStart + $0.originalLength } ?? position
        }
        if piece.isText { return piece.originalStart + (position - piece.plainStart) }
        return isEnd ? piece.originalStart + piece.originalLength - 1 : piece.originalStart
    }

    /// The original range of the plain range `start..<end` (UTF-16).
    func originalRange(start: Int, end: Int) -> (offset: Int, length: Int) {
        let from = originalOffset(start)
        guard end > start else { return (from, 0) }
        let to = originalOffset(end - 1, isEnd: true) + 1
        return (from, max(0, to - from))
    }
}
