import Foundation
import TenderDocument

/// Reads a PDF's text layer, through poppler's `pdftotext` (see `PdfText`), into blocks.
///
/// Layout work done here, in order:
/// 1. List markers that poppler puts in a block of their own (`•`, `1.`, `a)` in a column to
///    the left of the text) are put back in front of the line they stand beside.
/// 2. Running headers and footers are dropped: lines among the top or bottom two of a page that
///    recur (digits ignored) on at least half the pages, and bare page numbers (`3`, `- 3 -`,
///    `pagina 3 van 12`) there.
/// 3. Paragraphs: poppler's blocks, split where the gap between lines is large and where a line
///    starts a clause or a bullet (unless the line before runs on to the margin mid-sentence, as
///    in `… artikel` / `4.1.1 Jeugdwet`). A paragraph that runs on over a page break (see
///    `continuesOverPageBreak`) stays one block. Hyphenation at line ends is joined later by `NormalizedText`.
/// Positions are `.page(p, line: l, column: c)`: `l` counts the visual lines of page `p` from the
/// top, headers and footers included, as a person counts them.
public enum PdfReader {
    static func read(bytes: [UInt8], path: String, limits: InputLimits) throws(ReaderError) -> [Block] {
        try readWithWarnings(bytes: bytes, path: path, limits: limits).blocks
    }

    /// The blocks of a PDF from `pdftotext -bbox-layout` output (what `read` does after running
    /// pdftotext): the layout steps without the child process. Public for tests and fuzzing.
    public static func blocks(fromBBoxOutput output: [UInt8], path: String,
                              limits: InputLimits = .default) throws(ReaderError) -> [Block] {
        try layout(PdfPage.pages(from: output, path: path, limits: limits), path: path).blocks
    }

    /// The warnings of `pdftotext -bbox-layout` output (tests: pages built by hand).
    static func warnings(fromBBoxOutput output: [UInt8], path: String, limits: InputLimits = .default) throws(ReaderError) -> [ReadWarning.Kind] {
        try layout(PdfPage.pages(from: output, path: path, limits: limits), path: path).warnings
    }

    /// Fewer characters per page than this, on average, over a PDF of `scanMinimumPages` pages or
    /// more, is a scan with a stray text layer (page numbers, a stamp), not a text document.
    static let scanCharactersPerPage = 40
    static let scanMinimumPages = 3

    /// The blocks, and a warning (without the path) when some pages have no text: a partly
    /// scanned PDF, whose scanned pages are not checked.
    static func readWithWarnings(bytes: [UInt8], path: String, limits: InputLimits) throws(ReaderError)
        -> (blocks: [Block], warnings: [ReadWarning.Kind]) {
        let output = try PdfText.run(bytes: bytes, path: path, limits: limits)
        return try layout(PdfPage.pages(from: output, path: path, limits: limits), path: path)
    }

    private static func layout(_ parsed: [PdfPage], path: String) throws(ReaderError) -> (blocks: [Block], warnings: [ReadWarning.Kind]) {
        var pages = parsed
        guard pages.contains(where: { !$0.lines.isEmpty }) else { throw .noText(path: path) }
        let characters = pages.reduce(0) { sum, page in sum + page.lines.reduce(0) { $0 + $1.text.count } }
        if pages.count >= scanMinimumPages, characters < scanCharactersPerPage * pages.count { throw .noText(path: path) }
        for i in pages.indices {
            pages[i].lines = attachMarkers(pages[i].lines)
            numberRows(&pages[i].lines)
        }
        removeRunningLines(&pages)
        // Any page without a text layer was not checked (a scanned page among typed ones): the
        // report says so, however few they are, instead of looking clean. Counted after the
        // running lines are gone, so a scanned page with a stamped page number counts too.
        let empty = pages.filter(\.lines.isEmpty).count
        var warnings: [ReadWarning.Kind] = []
        if empty > 0 {
            warnings.append(.pagesWithoutText(empty: empty, pages: pages.count))
        }
        let blocks = paragraphs(pages)
        guard !blocks.isEmpty else { throw .noText(path: path) }
        return (blocks, warnings)
    }

    // MARK: 1. List markers

    /// A bullet or an enumerator such as `1.`, `12.3`, `a)`, `(iv)`.
    static func isMarker(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 7 else { return false }
        if t.count == 1, "•·▪◦‣∙●○■□–—-*".contains(t) { return true }
        var core = Substring(t)
        if core.first == "(" { core = core.dropFirst() }
        guard let last = core.last, last == "." || last == ")" else { return false }
        core = core.dropLast()
        guard !core.isEmpty else { return false }
        if core.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) { return core.first!.isNumber }
        if core.count == 1, core.first!.isASCII, core.first!.isLetter { return true }
        return core.allSatisfy { "ivxlcIVXLC".contains($0) }
    }

    static func attachMarkers(_ lines: [PdfPage.Line]) -> [PdfPage.Line] {
        var lines = lines
        let blocks = Dictionary(grouping: lines.indices, by: { lines[$0].block })
        let markerBlocks = Set(blocks.filter { _, members in members.allSatisfy { isMarker(lines[$0].text) } }.keys)
        guard !markerBlocks.isEmpty else { return lines }
        var removed = Set<Int>()
        for i in lines.indices where markerBlocks.contains(lines[i].block) {
            let marker = lines[i]
            // The text line beside the marker: same height on the page, to its right, nearest.
            let target = lines.indices
                .filter { !markerBlocks.contains(lines[$0].block) && lines[$0].xMin >= marker.xMax - 1
                    && abs(lines[$0].yMin - marker.yMin) < 0.6 * marker.height }
                .min { lines[$0].xMin < lines[$1].xMin }
            guard let target else { continue }
            lines[target].text = marker.text + " " + lines[target].text
            lines[target].xMin = marker.xMin
            removed.insert(i)
        }
        return lines.indices.filter { !removed.contains($0) }.map { lines[$0] }
    }

    /// Numbers the visual lines of a page from the top: a line more than half its height below
    /// the previous row starts a new row.
    static func numberRows(_ lines: inout [PdfPage.Line]) {
        let order = lines.indices.sorted { (lines[$0].yMin, lines[$0].xMin) < (lines[$1].yMin, lines[$1].xMin) }
        var row = 0
        var rowTop = -Double.infinity
        for i in order {
            if lines[i].yMin > rowTop + 0.5 * lines[i].height {
                row += 1
                rowTop = lines[i].yMin
            }
            lines[i].row = row
        }
    }

    // MARK: 2. Running headers and footers

    /// Indices of the lines of `page` that can be running lines: among the top two or bottom
    /// two rows, and in the outer 15% of the page height.
    private static func edgeLines(_ page: PdfPage) -> [Int] {
        guard let lastRow = page.lines.map(\.row).max() else { return [] }
        let height = page.height > 0 ? page.height : (page.lines.map(\.yMax).max() ?? 0)
        return page.lines.indices.filter { i in
            let line = page.lines[i]
            let top = line.row <= 2 && line.yMin < 0.15 * height
            let bottom = line.row >= lastRow - 1 && line.yMax > 0.85 * height
            return top || bottom
        }
    }

    static func removeRunningLines(_ pages: inout [PdfPage]) {
        let edges = pages.map(edgeLines)
        var pagesWithKey: [String: Int] = [:]
        for (p, indices) in edges.enumerated() {
            for key in Set(indices.map { RunningLine.key(pages[p].lines[$0].text) }) { pagesWithKey[key, default: 0] += 1 }
        }
        let needed = max(2, (pages.count + 1) / 2)
        for p in pages.indices {
            let drop = Set(edges[p].filter { i in
                let text = pages[p].lines[i].text
                return RunningLine.isPageNumber(text) || (pages.count >= 2 && pagesWithKey[RunningLine.key(text), default: 0] >= needed)
            })
            pages[p].lines = pages[p].lines.indices.filter { !drop.contains($0) }.map { pages[p].lines[$0] }
        }
    }

    // MARK: 3. Paragraphs

    static func paragraphs(_ pages: [PdfPage]) -> [Block] {
        var blocks: [Block] = []
        var lines: [String] = []
        var origins: [SourceLocation] = []
        func flush() {
            guard !lines.isEmpty else { return }
            let first = lines[0]
            let isBullet = first.count > 1 && "•·▪◦‣∙●○■□–—-*".contains(first.first!) && first.dropFirst().first == " "
            blocks.append(Block(kind: isBullet ? .listItem : .paragraph, text: lines.joined(separator: "\n"), lineOrigins: origins))
            lines = []
            origins = []
        }
        var previous: PdfPage.Line?
        var previousRight = 0.0
        for (p, page) in pages.enumerated() {
            let right = page.lines.map(\.xMax).max() ?? 0
            for (i, line) in page.lines.enumerated() {
                if let before = previous {
                    let newParagraph: Bool
                    if i == 0 {
                        newParagraph = !continuesOverPageBreak(before, paragraphLines: lines.count, pageRight: previousRight, next: line)
                    } else if line.block != before.block || line.yMin < before.yMin || line.yMin - before.yMax > 0.5 * line.height {
                        // Another poppler block, a jump back up (another column), or a gap.
                        newParagraph = true
                    } else {
                        // A clause number or bullet at the start of a line opens a paragraph,
                        // unless the line before runs on to the margin mid-sentence ("… artikel"
                        // then "4.1.1 Jeugdwet.").
                        newParagraph = startsItem(line.text) && !isRunOn(before, pageRight: right)
                    }
                    if newParagraph { flush() }
                }
                lines.append(line.text)
                origins.append(.page(p + 1, line: line.row, column: 1))
                previous = line
            }
            if !page.lines.isEmpty { previousRight = right }
        }
        flush()
        return blocks
    }

    /// Whether a line starts with a clause number (`3.2`, `Artikel 4`, `a.`) or a bullet.
    static func startsItem(_ text: String) -> Bool {
        isMarker(String(text.prefix { !$0.isWhitespace })) || Segmenter.startsClause(text[...])
    }

    /// A line that reaches (nearly) the right edge of the text on its page and does not end a
    /// sentence: the paragraph goes on in the next line.
    static func isRunOn(_ line: PdfPage.Line, pageRight: Double) -> Bool {
        guard let end = line.text.last, !".:;!?".contains(end) else { return false }
        return line.xMax >= pageRight - 0.1 * max(pageRight - line.xMin, 1)
    }

    /// Whether the paragraph ending a page goes on at the top of the next one.
    ///
    /// Not if the next page starts a clause or item; yes if it goes on in lower case; not if
    /// the page ends a sentence; otherwise yes for a paragraph of several lines, and for a single
    /// line only if it runs on to the margin (a one-line paragraph without a full stop is a title).
    static func continuesOverPageBreak(_ last: PdfPage.Line, paragraphLines: Int, pageRight: Double,
                                       next: PdfPage.Line) -> Bool {
        if startsItem(next.text) { return false }
        if let first = next.text.first, first.isLowercase { return true }
        guard let end = last.text.last, !".:;!?".contains(end) else { return false }
        return paragraphLines > 1 || isRunOn(last, pageRight: pageRight)
    }
}
