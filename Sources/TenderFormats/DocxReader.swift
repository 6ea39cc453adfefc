import TenderDocument
import TenderXML

/// Reads a Word document (DOCX, DOCM, DOTX) into blocks.
///
/// What it reads: the main document part found through the package relationships (normally
/// `word/document.xml`), in reading order; then footnotes and endnotes in the order they are
/// referenced; then headers and footers (each distinct paragraph once). Paragraph text is the
/// text of all its runs joined, so a phrase split over runs (spelling marks, formatting, revision
/// ids) reads as one. Tracked changes are read as if accepted: insertions and moves-to are kept,
/// deletions and moves-from dropped, and a paragraph whose mark was deleted runs on into the
/// next one. Field codes are skipped and field results kept. Headings come from the paragraph
/// style or outline level; automatic numbers are rebuilt from `numbering.xml` into `Block.label`;
/// each table cell is one block; comments are attached to every paragraph their range covers;
/// a table of contents (content control or TOC paragraph styles) is skipped.
/// Positions are `.paragraph(n, column:)` (see `ParagraphBlocks`).
struct DocxReader {
    let archive: Archive
    let path: String

    static let relationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let markupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006"

    func read() throws(ReaderError) -> [Block] {
        let mainPart = try mainDocumentPart()
        guard let document = try archive.xml(mainPart) else {
            throw .malformed(path: path, reason: .init("\(mainPart) ontbreekt in het archief", en: "\(mainPart) is missing from the archive"))
        }
        // Transitional and Strict OOXML differ only in namespace: take it from the root.
        guard document.name == "document", let w = document.namespace else {
            throw .malformed(path: path, reason: .init("\(mainPart) is geen Word-document", en: "\(mainPart) is no Word document"))
        }
        let folder = DocxReader.folder(of: mainPart)
        let relationships = try self.relationships(of: mainPart)
        // Each part once, however many relationships point at it (20,000 relationships to one
        // header would otherwise parse that header 20,000 times).
        func part(_ type: String) -> [String] {
            var seen = Set<String>()
            return relationships.filter { $0.type == type }.map { DocxReader.resolve($0.target, in: folder) }
                .filter { seen.insert($0).inserted }
        }

        let styles = DocxStyles(try part("styles").first.flatMap { name throws(ReaderError) in try archive.xml(name) }, w: w)
        let numbering = DocxNumbering(try part("numbering").first.flatMap { name throws(ReaderError) in try archive.xml(name) }, w: w)
        var comments: [String: String] = [:]
        for name in part("comments") {
            guard let root = try archive.xml(name) else { continue }
            for comment in root.elements("comment", namespace: w) {
                guard let id = comment.attribute("id", namespace: w) else { continue }
                let text = comment.elements("p", namespace: w).map { DocxWalker.plainText(of: $0, w: w) }
                comments[id] = text.filter { !$0.isEmpty }.joined(separator: "\n")
            }
        }

        let walker = DocxWalker(w: w, styles: styles, numbering: numbering, comments: comments)
        walker.anchorIndex = DocxReader.textElements(of: document, w: w)
        if let body = document.element("body", namespace: w) {
            walker.walk(container: body)
        }
        // Anchors point into the main part only.
        walker.anchorIndex = [:]
        for (kind, element) in [("footnotes", "footnote"), ("endnotes", "endnote")] {
            for name in part(kind) {
                guard let root = try archive.xml(name) else { continue }
                walker.walkNotes(root.elements(element, namespace: w), referenced: element == "footnote"
                                 ? walker.footnoteOrder : walker.endnoteOrder)
            }
        }
        for name in part("header") + part("footer") {
            guard let root = try archive.xml(name) else { continue }
            walker.walk(container: root, distinctOnly: true)
        }
        return walker.sink.blocks
    }

    /// Every `w:t` of the main part by the byte offset of its start tag: the index of its
    /// paragraph among all `w:p` in document order, and its index among the `w:t` of that
    /// paragraph (see `BlockAnchor`). Empty when the part's byte offsets are unknown.
    static func textElements(of root: XMLTree.Element, w: String) -> [Int: (paragraph: Int, run: Int)] {
        var index: [Int: (paragraph: Int, run: Int)] = [:]
        var paragraphs = 0
        var runs: [Int] = []
        func visit(_ e: XMLTree.Element, paragraph: Int?) {
            for case let .element(child) in e.children {
                if child.is("p", namespace: w) {
                    let n = paragraphs
                    paragraphs += 1
                    runs.append(0)
                    visit(child, paragraph: n)
                } else if child.is("t", namespace: w) {
                    if let paragraph, let start = child.sourceRange?.lowerBound {
                        index[start] = (paragraph, runs[paragraph])
                        runs[paragraph] += 1
                    }
                } else {
                    visit(child, paragraph: paragraph)
                }
            }
        }
        guard root.sourceRange != nil else { return [:] }
        visit(root, paragraph: nil)
        return index
    }

    // MARK: Package relationships

    struct Relationship {
        /// The last path component of the relationship type URI (`styles`, `footnotes`, `header`).
        var type: String
        var target: String
    }

    /// The main document part named by `_rels/.rels`, or `word/document.xml` by default.
    private func mainDocumentPart() throws(ReaderError) -> String {
        let fallback = "word/document.xml"
        guard let rels = try archive.xml("_rels/.rels") else { return fallback }
        for rel in rels.elements("Relationship", namespace: DocxReader.relationshipNamespace)
        where rel.attribute("Type")?.hasSuffix("/officeDocument") == true {
            guard let target = rel.attribute("Target"), rel.attribute("TargetMode") != "External" else { continue }
            let name = DocxReader.resolve(target, in: "")
            if archive.contains(name) { return name }
        }
        return fallback
    }

    /// The internal relationships of `part` (from `folder/_rels/name.rels`), in file order.
    private func relationships(of part: String) throws(ReaderError) -> [Relationship] {
        let folder = DocxReader.folder(of: part)
        let file = String(part.dropFirst(folder.count))
        guard let rels = try archive.xml(folder + "_rels/" + file + ".rels") else { return [] }
        let all = rels.elements("Relationship", namespace: DocxReader.relationshipNamespace)
        // More relationships than the archive may hold entries cannot all point somewhere.
        guard all.count <= archive.limits.maxArchiveEntries else {
            throw .limitExceeded(path: path, limit: .init("meer dan \(archive.limits.maxArchiveEntries) relaties in \(folder)_rels/\(file).rels", en: "more than \(archive.limits.maxArchiveEntries) relationships in \(folder)_rels/\(file).rels"))
        }
        return all.compactMap { rel in
            guard rel.attribute("TargetMode") != "External", let type = rel.attribute("Type"),
                  let target = rel.attribute("Target") else { return nil }
            return Relationship(type: String(type.split(separator: "/").last ?? ""), target: target)
        }
    }

    /// `"word/"` for `"word/document.xml"`.
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target as an archive entry name: absolute (`/word/x.xml`) or relative to
    /// the source part's folder, with `.` and `..` resolved.
    static func resolve(_ target: String, in folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for component in joined.split(separator: "/") {
            if component == "." { continue }
            if component == ".." { _ = parts.popLast(); continue }
            parts.append(component)
        }
        return parts.joined(separator: "/")
    }
}

/// Walks WordprocessingML in reading order and hands paragraphs to a `ParagraphBlocks`.
///
/// A class because the walk carries state across paragraphs: numbering counters, open comment
/// ranges, a paragraph waiting to be merged into the next one, the footnotes referenced so far.
private final class DocxWalker {
    let w: String
    let styles: DocxStyles
    var numbering: DocxNumbering
    let comments: [String: String]
    var sink = ParagraphBlocks()
    /// The main part's text elements by start offset (`DocxReader.textElements`); empty while
    /// walking parts or text boxes that get no anchors.
    var anchorIndex: [Int: (paragraph: Int, run: Int)] = [:]

    /// Comment ids whose range is open (started, not yet ended).
    private var openComments: [String] = []
    /// The accepted text of a paragraph whose mark was deleted, to be put before the next one.
    private var pendingMerge: (text: String, comments: [String], anchors: [BlockAnchor])?
    private(set) var footnoteOrder: [String] = []
    private(set) var endnoteOrder: [String] = []
    /// Header and footer paragraphs already emitted (they repeat across sections).
    private var seenDistinct = Set<String>()

    init(w: String, styles: DocxStyles, numbering: DocxNumbering, comments: [String: String]) {
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.comments = comments
    }

    private func isTableOfContents(_ p: XMLTree.Element) -> Bool {
        styles.isTableOfContents(styleId: p.element(path: ["pPr", "pStyle"], namespace: w)?.attribute("val", namespace: w))
    }

    /// One paragraph as read: accepted text, label, kind, comments, and text boxes inside it.
    struct Paragraph {
        var text = ""
        var label: String?
        var kind = BlockKind.paragraph
        var comments: [String] = []
        /// Paragraphs of text boxes anchored in this paragraph, read after it.
        var boxed: [XMLTree.Element] = []
        /// Whether the paragraph mark itself was deleted (the paragraph joins the next one).
        var markDeleted = false
        /// Where `text` stands in the main part (see `BlockAnchor`).
        var anchors: [BlockAnchor] = []
    }

    // MARK: Containers

    /// Body, cell, header, footer, note or text box content: paragraphs, tables, content controls.
    func walk(container: XMLTree.Element, distinctOnly: Bool = false) {
        for child in container.elements {
            guard child.namespace == w else {
                if child.is("AlternateContent", namespace: DocxReader.markupCompatibility), let chosen = choice(child) {
                    walk(container: chosen, distinctOnly: distinctOnly)
                }
                continue
            }
            switch child.name {
            case "p":
                if isTableOfContents(child) { continue }
                var paragraph = read(paragraph: child)
                guard let merged = merge(&paragraph) else { continue }
                if distinctOnly {
                    // Headers and footers: each text once, and no bare page numbers.
                    let text = ParagraphBlocks.trimmed(merged.text)
                    guard !RunningLine.isPageNumber(text), seenDistinct.insert(text).inserted else { continue }
                }
                sink.add(merged.text, kind: merged.kind, label: merged.label, comments: merged.comments, anchors: merged.anchors)
                if merged.text.allSatisfy(\.isWhitespace) { sink.attachToLast(merged.comments) }
                // Text boxes get no anchors: a writer comments on them but does not change them.
                let index = anchorIndex
                anchorIndex = [:]
                for box in merged.boxed { walk(container: box, distinctOnly: distinctOnly) }
                anchorIndex = index
            case "tbl":
                walk(table: child)
            case "sdt":
                // A table of contents repeats the headings (with page numbers): not read.
                let gallery = child.element(path: ["sdtPr", "docPartObj", "docPartGallery"], namespace: w)?.attribute("val", namespace: w)
                if gallery?.hasPrefix("Table of Contents") == true { continue }
                if let content = child.element("sdtContent", namespace: w) { walk(container: content, distinctOnly: distinctOnly) }
            case "customXml", "ins", "moveTo":
                walk(container: child, distinctOnly: distinctOnly)
            default:
                // w:del and w:moveFrom at block level are deleted content; w:sectPr, bookmarks
                // and proofing marks hold no text.
                continue
            }
        }
    }

    private func walk(table: XMLTree.Element) {
        sink.beginTable()
        for row in rows(of: table) {
            if let trPr = row.element("trPr", namespace: w), trPr.element("del", namespace: w) != nil { continue }
            // One block per row, as Markdown rows are, read with the header row (`LeadIn`).
            sink.beginRow()
            defer { sink.endRow() }
            for cell in cells(of: row) {
                var lines: [(text: String, label: String?)] = []
                var lineAnchors: [[BlockAnchor]] = []
                var cellComments: [String] = []
                func flush() {
                    sink.addCell(lines, comments: cellComments, anchors: lineAnchors)
                    lines = []
                    lineAnchors = []
                    cellComments = []
                }
                for child in contentElements(of: cell) {
                    if child.is("p", namespace: w) {
                        var paragraph = read(paragraph: child)
                        guard let merged = merge(&paragraph) else { continue }
                        lines.append((merged.text, merged.label))
                        lineAnchors.append(merged.anchors)
                        cellComments += merged.comments
                    } else if child.is("tbl", namespace: w) {
                        flush()
                        walk(table: child)
                        // The rest of this row continues after the nested table.
                        sink.beginRow()
                    }
                }
                flush()
            }
        }
    }

    /// Rows, looking through content controls and custom XML around them.
    private func rows(of table: XMLTree.Element) -> [XMLTree.Element] {
        unwrap(table, wanted: "tr")
    }

    private func cells(of row: XMLTree.Element) -> [XMLTree.Element] {
        unwrap(row, wanted: "tc")
    }

    private func unwrap(_ element: XMLTree.Element, wanted: String) -> [XMLTree.Element] {
        var out: [XMLTree.Element] = []
        for child in element.elements where child.namespace == w {
            if child.name == wanted {
                out.append(child)
            } else if child.name == "sdt", let content = child.element("sdtContent", namespace: w) {
                out += unwrap(content, wanted: wanted)
            } else if child.name == "customXml" || child.name == "ins" || child.name == "moveTo" {
                out += unwrap(child, wanted: wanted)
            }
        }
        return out
    }

    /// The paragraphs and tables of a cell, looking through content controls.
    private func contentElements(of cell: XMLTree.Element) -> [XMLTree.Element] {
        var out: [XMLTree.Element] = []
        for child in cell.elements where child.namespace == w {
            switch child.name {
            case "p", "tbl": out.append(child)
            case "sdt": if let content = child.element("sdtContent", namespace: w) { out += contentElements(of: content) }
            case "customXml", "ins", "moveTo": out += contentElements(of: child)
            default: continue
            }
        }
        return out
    }

    /// Notes in the order their references appeared in the body; the rest in file order.
    /// Separator notes (`w:type="separator"` and the like) hold no text of the author's.
    func walkNotes(_ notes: [XMLTree.Element], referenced: [String]) {
        let real = notes.filter { ($0.attribute("type", namespace: w) ?? "normal") == "normal" }
        var byId: [String: XMLTree.Element] = [:]
        for note in real { if let id = note.attribute("id", namespace: w) { byId[id] = note } }
        var done = Set<String>()
        for id in referenced where done.insert(id).inserted {
            if let note = byId[id] { walk(container: note) }
        }
        for note in real {
            let id = note.attribute("id", namespace: w) ?? ""
            if done.insert(id).inserted { walk(container: note) }
        }
    }

    /// Joins a paragraph whose mark was deleted with the next one. Returns the paragraph to
    /// emit, or nil while it waits for its successor.
    private func merge(_ paragraph: inout Paragraph) -> Paragraph? {
        if let pending = pendingMerge {
            paragraph.anchors = pending.anchors + BlockAnchor.shifted(paragraph.anchors, by: pending.text.utf8.count)
            paragraph.text = pending.text + paragraph.text
            paragraph.comments = pending.comments + paragraph.comments
            pendingMerge = nil
        }
        if paragraph.markDeleted {
            pendingMerge = (paragraph.text, paragraph.comments, paragraph.anchors)
            return nil
        }
        return paragraph
    }

    // MARK: Paragraphs

    private func read(paragraph p: XMLTree.Element) -> Paragraph {
        var result = Paragraph()
        let pPr = p.element("pPr", namespace: w)
        let styleId = pPr?.element("pStyle", namespace: w)?.attribute("val", namespace: w)
        if let rPr = pPr?.element("rPr", namespace: w) {
            result.markDeleted = rPr.element("del", namespace: w) != nil || rPr.element("moveFrom", namespace: w) != nil
        }

        // Comments whose range was open before this paragraph cover it.
        result.comments = openComments.compactMap { comments[$0] }
        var ended: [String] = []
        collect(p, into: &result, ended: &ended)
        openComments.removeAll { ended.contains($0) }

        // Heading level: direct outline level, else the style's.
        var heading: Int?
        if let direct = pPr?.element("outlineLvl", namespace: w)?.attribute("val", namespace: w).flatMap({ Int($0) }) {
            heading = (0..<9).contains(direct) ? direct + 1 : nil
        } else {
            heading = styles.headingLevel(styleId: styleId)
        }

        // Numbering: direct numPr, else the style's; numId 0 switches numbering off.
        let styleNumbering = styles.numbering(styleId: styleId)
        let numPr = pPr?.element("numPr", namespace: w)
        let numId = numPr?.element("numId", namespace: w)?.attribute("val", namespace: w) ?? styleNumbering.numId
        var isNumbered = false
        if !result.markDeleted, let numId, numId != "0" {
            let ilvl = numPr?.element("ilvl", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) }
                ?? styleNumbering.level ?? numbering.level(linkedTo: styleId, numId: numId) ?? 0
            result.label = numbering.next(numId: numId, ilvl: ilvl)
            isNumbered = true
        }
        if let heading {
            result.kind = .heading(level: heading)
        } else if isNumbered {
            result.kind = .listItem
        }
        return result
    }

    /// Gathers the accepted text of a paragraph (or of any inline container in it).
    private func collect(_ element: XMLTree.Element, into paragraph: inout Paragraph, ended: inout [String]) {
        for child in element.elements {
            if child.is("AlternateContent", namespace: DocxReader.markupCompatibility) {
                if let chosen = choice(child) { collect(chosen, into: &paragraph, ended: &ended) }
                continue
            }
            guard child.namespace == w else {
                // Drawing and VML wrappers (wp:, wps:, v:) can hold text boxes.
                collect(child, into: &paragraph, ended: &ended)
                continue
            }
            switch child.name {
            case "pPr", "rPr", "del", "moveFrom", "instrText", "delText", "delInstrText":
                // Properties, deleted text and field codes are not part of the accepted text.
                continue
            case "t":
                let text = child.text
                if let start = child.sourceRange?.lowerBound, let at = anchorIndex[start], !text.isEmpty {
                    let offset = paragraph.text.utf8.count
                    paragraph.anchors.append(BlockAnchor(text: offset..<(offset + text.utf8.count), paragraph: at.paragraph, run: at.run))
                }
                paragraph.text += text
            case "tab", "ptab":
                paragraph.text += "\t"
            case "br", "cr":
                paragraph.text += "\n"
            case "noBreakHyphen":
                paragraph.text += "\u{2011}"
            case "softHyphen":
                paragraph.text += "\u{00AD}"
            case "sym":
                if let code = child.attribute("char", namespace: w).flatMap({ UInt32($0, radix: 16) }),
                   let scalar = Unicode.Scalar(code), !(0xF000...0xF0FF).contains(code) {
                    paragraph.text.unicodeScalars.append(scalar)
                }
            case "footnoteReference":
                if let id = child.attribute("id", namespace: w) { footnoteOrder.append(id) }
            case "endnoteReference":
                if let id = child.attribute("id", namespace: w) { endnoteOrder.append(id) }
            case "commentRangeStart":
                if let id = child.attribute("id", namespace: w) {
                    openComments.append(id)
                    if let text = comments[id] { paragraph.comments.append(text) }
                }
            case "commentRangeEnd":
                if let id = child.attribute("id", namespace: w) { ended.append(id) }
            case "commentReference":
                if let id = child.attribute("id", namespace: w), let text = comments[id] { paragraph.comments.append(text) }
            case "txbxContent":
                paragraph.boxed.append(child)
            default:
                // Runs, hyperlinks, insertions, moves-to, smart tags, content controls, simple
                // fields, drawings: their text is the paragraph's.
                collect(child, into: &paragraph, ended: &ended)
            }
        }
    }

    /// The branch of `mc:AlternateContent` to read: the first `mc:Choice` (current Word
    /// content), else `mc:Fallback`. Reading both would duplicate text boxes.
    private func choice(_ alternate: XMLTree.Element) -> XMLTree.Element? {
        alternate.element("Choice", namespace: DocxReader.markupCompatibility)
            ?? alternate.element("Fallback", namespace: DocxReader.markupCompatibility)
    }

    /// The accepted text of a paragraph with no numbering or comment bookkeeping (comment bodies).
    static func plainText(of p: XMLTree.Element, w: String) -> String {
        var out = ""
        func visit(_ e: XMLTree.Element) {
            for child in e.elements {
                if child.namespace == w {
                    switch child.name {
                    case "pPr", "rPr", "del", "moveFrom", "instrText", "delText": continue
                    case "t": out += child.text; continue
                    case "tab": out += "\t"; continue
                    case "br", "cr": out += "\n"; continue
                    default: break
                    }
                }
                visit(child)
            }
        }
        visit(p)
        return ParagraphBlocks.trimmed(out)
    }
}
