/// Example text with `⟦` and `⟧` around each range that must be reported.
enum MarkedText {
    static let open: Character = "\u{27E6}"
    static let close: Character = "\u{27E7}"

    /// The text without markers and the marked UTF-8 ranges; nil when the markers do not pair up.
    static func parse(_ marked: String) -> (text: String, ranges: [Range<Int>])? {
        var text = ""
        var ranges: [Range<Int>] = []
        var start: Int?
        for c in marked {
            if c == open {
                guard start == nil else { return nil }
                start = text.utf8.count
            } else if c == close {
                guard let s = start else { return nil }
                ranges.append(s..<text.utf8.count)
                start = nil
            } else {
                text.append(c)
            }
        }
        return start == nil ? (text, ranges) : nil
    }
}
