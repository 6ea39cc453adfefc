import TenderLint
import TenderRules

/// Renders a block's text with `<mark>` around the ranges of its findings. Overlapping ranges
/// are split into adjacent segments, so marks never nest; each finding gets an anchor where it
/// starts and a numbered link to its panel where it ends.
struct HTMLHighlighter {
    /// One finding placed in the block. `range` is a UTF-8 range into the block's text.
    struct Placed {
        var range: Range<Int>
        var number: Int
        var anchor: String
        var panel: String
        var severity: Severity
        var linkLabel: String
    }

    /// The escaped HTML of `text` with the placed findings marked.
    static func render(_ text: String, _ placed: [Placed]) -> String {
        let bytes = Array(text.utf8)
        // Clamp: a range from an older excerpt must never index outside the text.
        let findings = placed.map { p -> Placed in
            var q = p
            let lower = min(max(0, p.range.lowerBound), bytes.count)
            q.range = lower..<min(max(lower, p.range.upperBound), bytes.count)
            return q
        }
        var cuts = Set([0, bytes.count])
        for f in findings { cuts.insert(f.range.lowerBound); cuts.insert(f.range.upperBound) }
        let points = cuts.sorted()
        var out = ""
        var started = Set<Int>()
        for (a, b) in zip(points, points.dropFirst()) where a < b {
            let segment = HTMLEscaping.escape(String(decoding: bytes[a..<b], as: UTF8.self))
            let covering = findings.enumerated().filter { $0.element.range.lowerBound <= a && b <= $0.element.range.upperBound }
            guard !covering.isEmpty else { out += segment; continue }
            let severity = covering.map(\.element.severity).max() ?? .info
            // Anchors for every finding that starts here: the first on the mark, the rest before it.
            let starting = covering.filter { !started.contains($0.offset) }
            var markID = ""
            for (i, s) in starting.enumerated() {
                started.insert(s.offset)
                if i == 0 { markID = " id=\"\(s.element.anchor)\"" } else { out += "<span id=\"\(s.element.anchor)\"></span>" }
            }
            out += "<mark class=\"sev-\(severity.rawValue)\"\(markID)>\(segment)</mark>"
            for c in covering where c.element.range.upperBound == b {
                out += "<a class=\"ref\" href=\"#\(c.element.panel)\" aria-label=\"\(HTMLEscaping.escape(c.element.linkLabel))\">[\(c.element.number)]</a>"
            }
        }
        // Empty ranges (a finding on a zero-width spot) still get their anchor and link at the end.
        for (i, f) in findings.enumerated() where f.range.isEmpty && !started.contains(i) {
            out += "<span id=\"\(f.anchor)\"></span><a class=\"ref\" href=\"#\(f.panel)\" aria-label=\"\(HTMLEscaping.escape(f.linkLabel))\">[\(f.number)]</a>"
        }
        return out
    }
}
