import TenderReport
import TenderDocument
import TenderXML

/// Collects comment marks and replacements per source paragraph of `word/document.xml`, then
/// rewrites only those paragraphs.
///
/// Coordinates inside a paragraph are UTF-8 offsets into the concatenated text of its `w:t`
/// elements (those whose nearest paragraph it is), the same `w:t` that `BlockAnchor.run` counts.
struct ParagraphWriter {
    let bytes: [UInt8]
    let prefix: String?
    let options: RedlineOptions
    private var paragraphs: [Paragraph] = []
    private var events: [Int: [Event]] = [:]

    /// One `w:p`: the element, where each of its `w:t` starts in its coordinates, and which direct
    /// child of the paragraph holds each `w:t`.
    struct Paragraph {
        var element: XMLTree.Element
        var tStart: [Int] = []
        var tChild: [Int] = []
        var length = 0
        var nestedInTextBox = false
    }

    enum EventKind: Comparable {
        case insert(text: String, runProperties: String, id: Int)
        case end(id: Int)
        case start(id: Int)

        var order: Int {
            switch self { case .insert: return 0; case .end: return 1; case .start: return 2 }
        }

        static func < (a: EventKind, b: EventKind) -> Bool { a.order < b.order }
    }

    struct Event {
        var at: Int
        var kind: EventKind
    }

    /// Deleted ranges per paragraph.
    private var deletions: [Int: [Range<Int>]] = [:]

    init(root: XMLTree.Element, bytes: [UInt8], prefix: String?, options: RedlineOptions) {
        self.bytes = bytes
        self.prefix = prefix
        self.options = options
        let w = DocxRedliner.w
        var list: [Paragraph] = []
        func visit(_ e: XMLTree.Element, paragraph: Int?, child: Int?, inBox: Bool) {
            for (index, node) in e.children.enumerated() {
                guard case let .element(c) = node else { continue }
                if c.is("p", namespace: w) {
                    list.append(Paragraph(element: c, nestedInTextBox: inBox))
                    visit(c, paragraph: list.count - 1, child: nil, inBox: inBox)
                } else if c.is("t", namespace: w) {
                    if let paragraph, let child {
                        list[paragraph].tStart.append(list[paragraph].length)
                        list[paragraph].tChild.append(child)
                        list[paragraph].length += c.text.utf8.count
                    }
                } else {
                    visit(c, paragraph: paragraph, child: child ?? (paragraph == nil ? nil : index),
                          inBox: inBox || c.is("txbxContent", namespace: w))
                }
            }
        }
        visit(root, paragraph: nil, child: nil, inBox: false)
        paragraphs = list
    }

    private func q(_ name: String) -> String { prefix.map { "\($0):\(name)" } ?? name }

    // MARK: Locating

    /// The paragraph and coordinate of a block offset; `end` takes the position after a byte.
    private func locate(_ block: Block, _ offset: Int, end: Bool) -> (paragraph: Int, at: Int)? {
        let anchors = block.anchors
        let hit = end ? anchors.first { $0.text.lowerBound < offset && offset <= $0.text.upperBound }
                      : anchors.first { $0.text.lowerBound <= offset && offset < $0.text.upperBound }
        // On a character without a w:t of its own (a tab, a label): the nearest anchored text.
        let anchor = hit ?? (end ? anchors.last { $0.text.upperBound <= offset } : anchors.first { $0.text.lowerBound >= offset })
        guard let anchor, paragraphs.indices.contains(anchor.paragraph) else { return nil }
        let p = paragraphs[anchor.paragraph]
        guard p.tStart.indices.contains(anchor.run) else { return nil }
        let inside = min(max(offset - anchor.text.lowerBound, 0), anchor.text.count)
        return (anchor.paragraph, p.tStart[anchor.run] + anchor.runOffset + inside)
    }

    // MARK: Comments

    /// Marks `range` of `block` for comment `id`; false when the block has no anchors.
    mutating func comment(block: Block, range: Range<Int>, id: Int) -> Bool {
        guard let start = locate(block, range.lowerBound, end: false),
              let end = locate(block, max(range.upperBound, range.lowerBound + 1), end: true) else { return false }
        if paragraphs[start.paragraph].nestedInTextBox || paragraphs[end.paragraph].nestedInTextBox { return false }
        // A replaced unit's comment goes around its insertion too: expand ranges that touch a deletion.
        var s = start.at, e = end.at
        if start.paragraph == end.paragraph {
            for d in deletions[start.paragraph] ?? [] where d.overlaps(s..<max(e, s + 1)) {
                s = min(s, d.lowerBound); e = max(e, d.upperBound)
            }
        }
        events[start.paragraph, default: []].append(Event(at: s, kind: .start(id: id)))
        events[end.paragraph, default: []].append(Event(at: e, kind: .end(id: id)))
        return true
    }

    /// A comment on the first paragraph of the body (for a document whose only text has no anchors).
    mutating func commentAtStart(id: Int) {
        guard let first = paragraphs.indices.first(where: { !paragraphs[$0].nestedInTextBox }) else { return }
        events[first, default: []].append(Event(at: 0, kind: .start(id: id)))
        events[first, default: []].append(Event(at: paragraphs[first].length, kind: .end(id: id)))
    }

    // MARK: Replacements

    func canReplace(block: Block, range: Range<Int>) -> Result<Void, CommentOnly> {
        guard let start = locate(block, range.lowerBound, end: false), let end = locate(block, range.upperBound, end: true) else {
            return .failure(.notAnchored)
        }
        guard start.paragraph == end.paragraph else { return .failure(.spansParagraphs) }
        let p = paragraphs[start.paragraph]
        if p.nestedInTextBox { return .failure(.textBox) }
        let w = DocxRedliner.w
        let tracked: Set<String> = ["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange", "cellIns", "cellDel"]
        if !p.element.descendants(where: { $0.namespace == w && tracked.contains($0.name) }).isEmpty { return .failure(.trackedChanges) }
        if !p.element.descendants(where: { $0.is("fldChar", namespace: w) || $0.is("fldSimple", namespace: w) || $0.is("instrText", namespace: w) }).isEmpty {
            return .failure(.field)
        }
        if (deletions[start.paragraph] ?? []).contains(where: { $0.overlaps(start.at..<end.at) }) { return .failure(.notAnchored) }
        // Every w:t in the unit must be a direct child of a plain run directly in the paragraph.
        for (t, tStart) in p.tStart.enumerated() {
            let length = (t + 1 < p.tStart.count ? p.tStart[t + 1] : p.length) - tStart
            guard tStart < end.at, tStart + length > start.at else { continue }
            let child = p.element.children[p.tChild[t]]
            guard case let .element(run) = child, Self.isPlainRun(run) else { return .failure(.contentControl) }
        }
        return .success(())
    }

    /// Whether a direct child of a paragraph is a run that may be cut: only text, tabs, breaks
    /// and the like in it (no field characters, drawings, notes or nested content).
    static func isPlainRun(_ run: XMLTree.Element) -> Bool {
        let w = DocxRedliner.w
        guard run.is("r", namespace: w) else { return false }
        let allowed: Set<String> = ["rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen", "sym", "lastRenderedPageBreak"]
        return run.elements.allSatisfy { $0.namespace == w && allowed.contains($0.name) }
    }

    mutating func replace(block: Block, range: Range<Int>, with text: String, ids: inout IdCounter) {
        guard let start = locate(block, range.lowerBound, end: false), let end = locate(block, range.upperBound, end: true) else { return }
        let p = paragraphs[start.paragraph]
        // The inserted run is formatted like the first deleted one.
        var runProperties = ""
        if let t = p.tStart.lastIndex(where: { $0 <= start.at }), case let .element(run) = p.element.children[p.tChild[t]],
           let rPr = run.element("rPr", namespace: DocxRedliner.w), let r = rPr.sourceRange {
            runProperties = String(decoding: bytes[r], as: UTF8.self)
        }
        deletions[start.paragraph, default: []].append(start.at..<end.at)
        events[start.paragraph, default: []].append(Event(at: end.at, kind: .insert(text: text, runProperties: runProperties, id: ids.next())))
    }

    // MARK: Writing

    /// The part with every marked paragraph rewritten.
    /// `ids` continues the document's ids (the deletions get theirs here).
    func result(ids: inout IdCounter) -> [UInt8] {
        var out: [UInt8] = []
        var cursor = 0
        for index in events.keys.sorted() {
            let p = paragraphs[index]
            guard let content = p.element.contentRange, content.lowerBound >= cursor else { continue }
            out += bytes[cursor..<content.lowerBound]
            out += Array(rewrite(p, events: events[index] ?? [], deletions: deletions[index] ?? [], ids: &ids).utf8)
            cursor = content.upperBound
        }
        out += bytes[cursor...]
        return out
    }

    private func raw(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

    private func rewrite(_ p: Paragraph, events unsorted: [Event], deletions: [Range<Int>], ids: inout IdCounter) -> String {
        let w = DocxRedliner.w
        let events = unsorted.enumerated().sorted { ($0.element.at, $0.element.kind.order, $0.offset) < ($1.element.at, $1.element.kind.order, $1.offset) }.map(\.element)
        var next = 0
        var out = ""
        var delOpen = false
        let date = options.isoDate, author = XMLText.attribute(options.author)
        func closeDel() { if delOpen { out += "</\(q("del"))>"; delOpen = false } }
        func emit(_ e: Event) {
            closeDel()
            switch e.kind {
            case let .start(id): out += #"<\#(q("commentRangeStart")) \#(q("id"))="\#(id)"/>"#
            case let .end(id):
                out += #"<\#(q("commentRangeEnd")) \#(q("id"))="\#(id)"/><\#(q("r"))><\#(q("commentReference")) \#(q("id"))="\#(id)"/></\#(q("r"))>"#
            case let .insert(text, rPr, id):
                out += #"<\#(q("ins")) \#(q("id"))="\#(id)" \#(q("author"))="\#(author)" \#(q("date"))="\#(date)"><\#(q("r"))>\#(rPr)<\#(q("t")) xml:space="preserve">\#(XMLText.content(text))</\#(q("t"))></\#(q("r"))></\#(q("ins"))>"#
            }
        }
        func flush(upTo x: Int, startsBefore limit: Int? = nil) {
            while next < events.count {
                let e = events[next]
                let due = e.at <= x || (limit.map { l -> Bool in if case .start = e.kind { return e.at < l }; return false } ?? false)
                guard due else { break }
                emit(e); next += 1
            }
        }
        func deleted(_ s: Int, _ e: Int) -> Bool {
            deletions.contains { s == e ? ($0.lowerBound < s && s < $0.upperBound) : ($0.lowerBound <= s && e <= $0.upperBound) }
        }
        guard let content = p.element.contentRange else { return "" }
        // Coordinates of each direct child: from the first to past the last w:t it holds.
        var childRange: [Int: Range<Int>] = [:]
        for (t, child) in p.tChild.enumerated() {
            let end = t + 1 < p.tStart.count ? p.tStart[t + 1] : p.length
            childRange[child] = (childRange[child]?.lowerBound ?? p.tStart[t])..<end
        }
        var coordinate = 0
        var cursor = content.lowerBound
        for (index, node) in p.element.children.enumerated() {
            guard case let .element(child) = node, let range = child.sourceRange else { continue }
            out += raw(cursor..<range.lowerBound)
            cursor = range.upperBound
            if child.is("pPr", namespace: w) { out += raw(range); continue }
            let span = childRange[index] ?? coordinate..<coordinate
            let cuts = events.map(\.at).filter { span.lowerBound < $0 && $0 < span.upperBound }
            let touched = !cuts.isEmpty || deletions.contains { $0.overlaps(span) } || (span.isEmpty && deleted(span.lowerBound, span.lowerBound))
            guard touched, ParagraphWriter.isPlainRun(child) else {
                // Kept as it is: marks inside it move to its edges.
                flush(upTo: span.lowerBound, startsBefore: span.upperBound)
                if !span.isEmpty || child.is("r", namespace: w) { closeDel() }
                out += raw(range)
                coordinate = span.upperBound
                continue
            }
            let rPr = child.element("rPr", namespace: w).flatMap(\.sourceRange).map(raw) ?? ""
            var inner = coordinate
            for runChild in child.elements where !runChild.is("rPr", namespace: w) {
                guard let childBytes = runChild.sourceRange else { continue }
                if runChild.is("t", namespace: w) {
                    let text = Array(runChild.text.utf8)
                    let start = inner
                    var points = [start] + cuts.filter { start < $0 && $0 < start + text.count } + [start + text.count]
                    points = Array(Set(points)).sorted()
                    for (a, b) in zip(points, points.dropFirst()) where a < b || text.isEmpty {
                        flush(upTo: a)
                        let piece = XMLText.content(String(decoding: text[(a - start)..<(b - start)], as: UTF8.self))
                        if deleted(a, b) {
                            if !delOpen {
                                out += #"<\#(q("del")) \#(q("id"))="\#(ids.next())" \#(q("author"))="\#(author)" \#(q("date"))="\#(date)">"#
                                delOpen = true
                            }
                            out += "<\(q("r"))>\(rPr)<\(q("delText")) xml:space=\"preserve\">\(piece)</\(q("delText"))></\(q("r"))>"
                        } else {
                            closeDel()
                            out += "<\(q("r"))>\(rPr)<\(q("t")) xml:space=\"preserve\">\(piece)</\(q("t"))></\(q("r"))>"
                        }
                    }
                    inner += text.count
                } else {
                    flush(upTo: inner)
                    if deleted(inner, inner) {
                        if !delOpen {
                            out += #"<\#(q("del")) \#(q("id"))="\#(ids.next())" \#(q("author"))="\#(author)" \#(q("date"))="\#(date)">"#
                            delOpen = true
                        }
                    } else {
                        closeDel()
                    }
                    out += "<\(q("r"))>\(rPr)\(raw(childBytes))</\(q("r"))>"
                }
            }
            coordinate = span.upperBound
        }
        out += raw(cursor..<content.upperBound)
        // Marks at the very end go before the paragraph's closing tag; trailing white space
        // between the last child and the end tag was already written, which is harmless.
        let tail = out
        out = ""
        flush(upTo: Int.max)
        closeDel()
        return tail.isEmpty ? out : insertBeforeTrailingSpace(tail, out)
    }

    private func insertBeforeTrailingSpace(_ body: String, _ marks: String) -> String {
        var s = Substring(body)
        var trailing = ""
        while let last = s.last, last.isWhitespace { trailing = String(last) + trailing; s = s.dropLast() }
        return String(s) + marks + trailing
    }
}
