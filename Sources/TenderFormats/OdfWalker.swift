import TenderDocument
import TenderXML

/// Walks the body of an OpenDocument text (ODT `content.xml` or a flat `.fodt`) in reading
/// order and hands paragraphs to a `ParagraphBlocks`.
///
/// Reads `text:h` (heading, `text:outline-level`), `text:p`, `text:list` (items numbered from
/// their list style, continuing lists as `text:continue-numbering` and `text:continue-list`
/// say), tables (one block per cell), sections, text boxes, notes (after the body) and
/// annotations (attached to the paragraphs they cover). Tracked changes are read as if accepted:
/// the body already holds inserted text, and deleted text lives in `text:tracked-changes`,
/// which is skipped. Indexes (table of contents and the like) repeat headings and are skipped.
/// A class because numbering counters and open annotation ranges carry across paragraphs.
final class OdfWalker {
    private let styles: OdfStyles
    var sink = ParagraphBlocks()

    private let text = OdfNamespace.text
    private let table = OdfNamespace.table
    private let office = OdfNamespace.office
    private let draw = OdfNamespace.draw

    /// A list's counters (index 0 = level 1) and its style.
    private struct ListState {
        var style: String?
        var counters: [Int] = []
    }
    /// Lists by `xml:id`, for `text:continue-list`.
    private var listsById: [String: ListState] = [:]
    /// The last top-level list, for `text:continue-numbering`.
    private var lastList: ListState?
    /// Counters of numbered headings by outline level (index 0 = level 1).
    private var outlineCounters: [Int] = []
    /// Annotation names whose range is open, with their text.
    private var openAnnotations: [(name: String, text: String)] = []
    /// Note bodies met in the body, read after it.
    private var notes: [XMLTree.Element] = []
    private var seenDistinct = Set<String>()
    /// Every `text:p`/`text:h` of the part by the byte offset of its start tag: its index among
    /// all of them in document order (see `BlockAnchor`). Anchors are given only while
    /// `anchoring` is on (the body; not notes, text boxes, headers or footers).
    var paragraphIndex: [Int: Int] = [:]
    private var anchoring = false

    init(styles: OdfStyles) {
        self.styles = styles
    }

    /// Reads `office:text` and then the notes found in it.
    func walk(body: XMLTree.Element) {
        anchoring = !paragraphIndex.isEmpty
        walk(container: body)
        anchoring = false
        var i = 0
        // Notes can hold notes (rare); read them in the order met.
        while i < notes.count {
            walk(container: notes[i])
            i += 1
        }
    }

    /// Headers and footers of the master pages, each distinct paragraph once.
    func walk(masterStyles: XMLTree.Element?) {
        guard let masterStyles else { return }
        for page in masterStyles.elements("master-page", namespace: OdfNamespace.style) {
            for part in page.elements where part.namespace == OdfNamespace.style {
                walk(container: part, distinctOnly: true)
            }
        }
    }

    // MARK: Block level

    private func walk(container: XMLTree.Element, distinctOnly: Bool = false) {
        for child in container.elements {
            switch (child.namespace, child.name) {
            case (text, "p"), (text, "h"):
                emit(paragraph: child, distinctOnly: distinctOnly)
            case (text, "list"):
                walk(list: child, inherited: nil, level: 1, distinctOnly: distinctOnly)
            case (table, "table"):
                walk(table: child)
            case (text, "section"), (text, "soft-page-break"), (office, "text"), (text, "numbered-paragraph"):
                walk(container: child, distinctOnly: distinctOnly)
            default:
                // text:tracked-changes (deleted text), declarations, forms, indexes: not read.
                continue
            }
        }
    }

    private func emit(paragraph element: XMLTree.Element, label: String? = nil, kind: BlockKind? = nil,
                      distinctOnly: Bool = false) {
        var paragraph = read(paragraph: element)
        if distinctOnly {
            // Headers and footers: each text once, and no bare page numbers.
            let text = ParagraphBlocks.trimmed(paragraph.text)
            guard !RunningLine.isPageNumber(text), seenDistinct.insert(text).inserted else { return }
        }
        let isHeading = element.name == "h"
        var blockKind = kind ?? .paragraph
        var blockLabel = label
        if isHeading {
            let level = min(max(element.attribute("outline-level", namespace: text).flatMap { Int($0) } ?? 1, 1), 10)
            blockKind = .heading(level: level)
            blockLabel = blockLabel ?? paragraph.number ?? headingLabel(level: level, element: element)
        } else if styles.isTitle(element.attribute("style-name", namespace: text)) {
            blockKind = .heading(level: 1)
        }
        if blockLabel == nil { blockLabel = paragraph.number }
        sink.add(paragraph.text, kind: blockKind, label: blockLabel, comments: paragraph.comments, anchors: paragraph.anchors)
        if paragraph.text.allSatisfy(\.isWhitespace) { sink.attachToLast(paragraph.comments) }
        // Text boxes get no anchors: a writer comments on them but does not change them.
        let wasAnchoring = anchoring
        anchoring = false
        for box in paragraph.boxed { walk(container: box, distinctOnly: distinctOnly) }
        anchoring = wasAnchoring
        paragraph.boxed = []
    }

    /// The label of a heading numbered by the outline style (when the file does not carry the
    /// number itself in `text:number`).
    private func headingLabel(level: Int, element: XMLTree.Element) -> String? {
        guard level >= 1, level <= 10, styles.outline[level].map({ $0.format != .none }) == true else { return nil }
        if element.attribute("is-list-header", namespace: text) == "true" { return nil }
        while outlineCounters.count < level { outlineCounters.append((styles.outline[outlineCounters.count + 1]?.start ?? 1) - 1) }
        outlineCounters = Array(outlineCounters.prefix(level))
        if let start = element.attribute("start-value", namespace: text).flatMap({ Int($0) }) {
            outlineCounters[level - 1] = ListNumberFormat.clamped(start)
        } else {
            outlineCounters[level - 1] = ListNumberFormat.counted(after: outlineCounters[level - 1])
        }
        return OdfStyles.label(levels: styles.outline, level: level, values: outlineCounters)
    }

    /// Walks a list at `level` (1 = outermost) and returns its counters as they end.
    @discardableResult
    private func walk(list: XMLTree.Element, inherited: ListState?, level: Int, distinctOnly: Bool) -> ListState {
        var state: ListState
        if let outer = inherited {
            state = outer
        } else if let id = list.attribute("continue-list", namespace: text), let previous = listsById[id] {
            state = previous
        } else if list.attribute("continue-numbering", namespace: text) == "true", let previous = lastList {
            state = previous
        } else {
            state = ListState(style: list.attribute("style-name", namespace: text))
        }
        if inherited == nil, let style = list.attribute("style-name", namespace: text) { state.style = style }
        let levels = state.style.flatMap { styles.lists[$0] } ?? [:]

        for item in list.elements {
            let isHeader = item.is("list-header", namespace: text)
            guard item.is("list-item", namespace: text) || isHeader else { continue }
            var label: String?
            if !isHeader {
                while state.counters.count < level { state.counters.append((levels[state.counters.count + 1]?.start ?? 1) - 1) }
                state.counters = Array(state.counters.prefix(level))
                if let start = item.attribute("start-value", namespace: text).flatMap({ Int($0) }) {
                    state.counters[level - 1] = ListNumberFormat.clamped(start)
                } else {
                    state.counters[level - 1] = ListNumberFormat.counted(after: state.counters[level - 1])
                }
                label = OdfStyles.label(levels: levels, level: level, values: state.counters)
            }
            var first = true
            for child in item.elements {
                switch (child.namespace, child.name) {
                case (text, "p"), (text, "h"):
                    // The label belongs to the item's first paragraph; later ones continue it.
                    emit(paragraph: child, label: first ? label : nil, kind: .listItem, distinctOnly: distinctOnly)
                    first = false
                case (text, "list"):
                    var nested = state
                    nested.style = child.attribute("style-name", namespace: text) ?? state.style
                    // Deeper counters live on in this list (a later sub-list of the same item
                    // continues); the next item at this level restarts them.
                    state.counters = walk(list: child, inherited: nested, level: level + 1, distinctOnly: distinctOnly).counters
                    first = false
                case (table, "table"):
                    walk(table: child)
                default:
                    continue
                }
            }
        }
        if inherited == nil {
            lastList = state
            if let id = list.attribute("id", namespace: OdfNamespace.xml) ?? list.attribute("id", namespace: text) {
                listsById[id] = state
            }
        }
        return state
    }

    private func walk(table element: XMLTree.Element) {
        sink.beginTable()
        for row in rows(of: element) {
            // One block per row, as Markdown rows are, read with the header row (`LeadIn`).
            sink.beginRow()
            defer { sink.endRow() }
            for cell in row.elements where cell.is("table-cell", namespace: table) {
                var lines: [(text: String, label: String?)] = []
                var lineAnchors: [[BlockAnchor]] = []
                var comments: [String] = []
                func flush() {
                    sink.addCell(lines, comments: comments, anchors: lineAnchors)
                    lines = []
                    lineAnchors = []
                    comments = []
                }
                for child in cell.elements {
                    switch (child.namespace, child.name) {
                    case (text, "p"), (text, "h"):
                        let paragraph = read(paragraph: child)
                        lines.append((paragraph.text, paragraph.number))
                        lineAnchors.append(paragraph.anchors)
                        comments += paragraph.comments
                    case (text, "list"):
                        // A list inside a cell: its items are lines of the cell.
                        for p in child.descendants(where: { $0.is("p", namespace: self.text) }) {
                            let paragraph = read(paragraph: p)
                            lines.append((paragraph.text, nil))
                            lineAnchors.append(paragraph.anchors)
                            comments += paragraph.comments
                        }
                    case (table, "table"):
                        flush()
                        walk(table: child)
                        // The rest of this row continues after the nested table.
                        sink.beginRow()
                    default:
                        continue
                    }
                }
                flush()
            }
        }
    }

    private func rows(of element: XMLTree.Element) -> [XMLTree.Element] {
        var out: [XMLTree.Element] = []
        for child in element.elements where child.namespace == table {
            switch child.name {
            case "table-row": out.append(child)
            case "table-header-rows", "table-rows", "table-row-group": out += rows(of: child)
            default: continue
            }
        }
        return out
    }

    // MARK: Inline

    private struct Paragraph {
        var text = ""
        /// The number the file itself records for a numbered heading or item (`text:number`).
        var number: String?
        var comments: [String] = []
        var boxed: [XMLTree.Element] = []
        /// Where `text` stands in the part (see `BlockAnchor`).
        var anchors: [BlockAnchor] = []
        /// The paragraph's index in the part and the number of its text nodes met so far;
        /// nil when it gets no anchors.
        var source: (paragraph: Int, runs: Int)?
        /// Inside a paragraph nested in this one (in a frame): its text nodes are not this one's.
        var nested = 0
    }

    private func read(paragraph element: XMLTree.Element) -> Paragraph {
        var paragraph = Paragraph()
        paragraph.comments = openAnnotations.map(\.text)
        if anchoring, let start = element.sourceRange?.lowerBound, let index = paragraphIndex[start] {
            paragraph.source = (index, 0)
        }
        var ended: [String] = []
        collect(element, into: &paragraph, ended: &ended)
        openAnnotations.removeAll { ended.contains($0.name) }
        return paragraph
    }

    private func collect(_ element: XMLTree.Element, into paragraph: inout Paragraph, ended: inout [String]) {
        for child in element.children {
            let e: XMLTree.Element
            switch child {
            case let .text(t):
                // ODF collapses runs of white space in paragraph text (text:s encodes real ones).
                let offset = paragraph.text.utf8.count
                let (collapsed, pieces) = OdfWalker.collapsingSpaceMapped(t, after: paragraph.text.last)
                if paragraph.nested == 0, let source = paragraph.source {
                    for piece in pieces {
                        paragraph.anchors.append(BlockAnchor(text: (offset + piece.out.lowerBound)..<(offset + piece.out.upperBound),
                                                             paragraph: source.paragraph, run: source.runs, runOffset: piece.source))
                    }
                    paragraph.source?.runs += 1
                }
                paragraph.text += collapsed
                continue
            case let .element(el):
                e = el
            }
            switch (e.namespace, e.name) {
            case (text, "s"):
                let count = e.attribute("c", namespace: text).flatMap { Int($0) } ?? 1
                paragraph.text += String(repeating: " ", count: max(0, min(count, 1_000)))
            case (text, "tab"):
                paragraph.text += "\t"
            case (text, "line-break"):
                paragraph.text += "\n"
            case (text, "number"):
                paragraph.number = ParagraphBlocks.trimmed(e.text)
            case (text, "note"):
                if let body = e.element("note-body", namespace: text) { notes.append(body) }
            case (office, "annotation"):
                let body = e.elements.filter { $0.namespace == text }.map { ParagraphBlocks.trimmed($0.text) }
                let comment = body.filter { !$0.isEmpty }.joined(separator: "\n")
                paragraph.comments.append(comment)
                if let name = e.attribute("name", namespace: office) { openAnnotations.append((name, comment)) }
            case (office, "annotation-end"):
                if let name = e.attribute("name", namespace: office) { ended.append(name) }
            case (text, "tracked-changes"), (text, "change"), (text, "change-start"), (text, "change-end"),
                 (text, "bookmark"), (text, "bookmark-start"), (text, "bookmark-end"), (text, "soft-page-break"),
                 (text, "reference-mark"), (text, "reference-mark-start"), (text, "reference-mark-end"):
                // Change marks: inserted text is already in the body, deleted text is elsewhere.
                continue
            case (draw, "text-box"):
                paragraph.boxed.append(e)
            case (draw, _):
                // Frames and shapes: only text boxes in them carry text.
                collect(e, into: &paragraph, ended: &ended)
            case (text, "p"), (text, "h"):
                // A paragraph inside a frame or shape: read as this one's text, but its text
                // nodes are its own (no anchors).
                paragraph.nested += 1
                collect(e, into: &paragraph, ended: &ended)
                paragraph.nested -= 1
            default:
                // Spans, links, fields, ruby, meta: their text is the paragraph's.
                collect(e, into: &paragraph, ended: &ended)
            }
        }
    }

    /// Every `text:p` and `text:h` below `root` by the byte offset of its start tag, numbered in
    /// document order from 0 (see `BlockAnchor`). Empty when the byte offsets are unknown.
    static func paragraphs(of root: XMLTree.Element) -> [Int: Int] {
        guard root.sourceRange != nil else { return [:] }
        var index: [Int: Int] = [:]
        func visit(_ e: XMLTree.Element) {
            for case let .element(child) in e.children {
                if child.namespace == OdfNamespace.text, child.name == "p" || child.name == "h", let start = child.sourceRange?.lowerBound {
                    index[start] = index.count
                }
                visit(child)
            }
        }
        visit(root)
        return index
    }

    /// `collapsingSpace(t, after:)` and, for each stretch of the result that stands unchanged
    /// in `t`, its UTF-8 range in the result and its UTF-8 offset in `t` (a folded run of white
    /// space maps to its first character).
    static func collapsingSpaceMapped(_ t: String, after previous: Character?) -> (String, [(out: Range<Int>, source: Int)]) {
        var out = ""
        var pieces: [(out: Range<Int>, source: Int)] = []
        var lastWasSpace = previous == " "
        var source = 0
        func append(_ c: Character, length: Int) {
            let start = out.utf8.count
            out.append(c)
            let end = out.utf8.count
            if let last = pieces.last, last.out.upperBound == start, last.source + last.out.count == source, length == end - start {
                pieces[pieces.count - 1].out = last.out.lowerBound..<end
            } else {
                pieces.append((start..<(start + min(length, end - start)), source))
            }
        }
        for c in t {
            let length = c.utf8.count
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\r\n" {
                if !lastWasSpace { append(" ", length: length) }
                lastWasSpace = true
            } else {
                append(c, length: length)
                lastWasSpace = false
            }
            source += length
        }
        return (out, pieces)
    }

    /// `t` with runs of spaces, tabs and line ends folded to one space, and a leading one
    /// dropped when the text so far already ends in a space (ODF §6.1.2 white space handling).
    static func collapsingSpace(_ t: String, after previous: Character?) -> String {
        var out = ""
        var lastWasSpace = previous == " "
        for c in t {
            if c == " " || c == "\t" || c == "\n" || c == "\r" {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(c)
                lastWasSpace = false
            }
        }
        return out
    }
}
