import TenderXML

/// One page of `pdftotext -bbox-layout` output: its size and its text lines in poppler's
/// reading order, with coordinates in points from the top left corner.
struct PdfPage {
    struct Line {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var yMax: Double
        /// The index of poppler's block (a paragraph, roughly) on this page.
        var block: Int
        /// The 1-based visual line on the page, counted from the top; lines side by side share it.
        var row = 0

        var height: Double { max(yMax - yMin, 1) }
    }

    var width: Double
    var height: Double
    var lines: [Line]

    /// Parses pdftotext's bbox output. The DOCTYPE pdftotext writes in front (an XHTML DTD by
    /// URL) is cut off, since TenderXML rightly refuses external DTDs; control characters a
    /// broken font can produce, which XML forbids, become spaces.
    static func pages(from output: [UInt8], path: String, limits: InputLimits) throws(ReaderError) -> [PdfPage] {
        var bytes = output
        if let start = firstIndex(of: Array("<html".utf8), in: bytes) ?? firstIndex(of: Array("<doc".utf8), in: bytes) {
            bytes.removeFirst(start)
        }
        for i in bytes.indices where bytes[i] < 0x20 && bytes[i] != 0x09 && bytes[i] != 0x0A && bytes[i] != 0x0D {
            bytes[i] = 0x20
        }
        // Each node of this output takes 20 bytes or more, so this bound never cuts a real document.
        let xmlLimits = XMLLimits(maxBytes: max(limits.maxPDFTextBytes, 1), maxDepth: 16,
                                  maxNodes: max(limits.xml.maxNodes, limits.maxPDFTextBytes / 20))
        let root: XMLTree.Element
        do {
            root = try XMLTree.parse(bytes, limits: xmlLimits).root
        } catch {
            throw .invalidXML(path: path, part: "pdftotext -bbox-layout", error: error)
        }
        return root.descendants { $0.name == "page" }.map(page(from:))
    }

    private static func page(from element: XMLTree.Element) -> PdfPage {
        var lines: [Line] = []
        var blockIndex = 0
        for block in element.descendants(where: { $0.name == "block" }) {
            for line in block.elements where line.name == "line" {
                let words = line.elements.filter { $0.name == "word" }.map(\.text)
                let text = words.joined(separator: " ")
                guard !text.allSatisfy(\.isWhitespace) else { continue }
                lines.append(Line(text: text, xMin: number(line, "xMin"), yMin: number(line, "yMin"),
                                  xMax: number(line, "xMax"), yMax: number(line, "yMax"), block: blockIndex))
            }
            blockIndex += 1
        }
        return PdfPage(width: number(element, "width"), height: number(element, "height"), lines: lines)
    }

    private static func number(_ element: XMLTree.Element, _ name: String) -> Double {
        element.attribute(name).flatMap(Double.init) ?? 0
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        // The root element starts within the first few hundred bytes.
        let end = min(haystack.count - needle.count, 4_096)
        guard end >= 0 else { return nil }
        for i in 0...end where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle { return i }
        return nil
    }
}
