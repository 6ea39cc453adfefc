import Foundation
import TenderDocument
import TenderReport
import TenderXML

/// Writes an OpenDocument text's redlined copy (`.odt`: `content.xml` in the package; `.fodt`:
/// the flat file) by patching the XML in place: only the paragraphs that get a comment or a
/// change are rewritten, and in them only the text that is cut; every other byte, and every other
/// part of the package, stays as it was.
///
/// Per finding: `office:annotation` (with `dc:creator`, `dc:date` and the comment's paragraphs)
/// where the match starts and `office:annotation-end` with the same `office:name` where it ends
/// (around the whole unit when it is replaced). A replacement (ODF 1.2 §5.5): a
/// `text:changed-region` with a `text:deletion` (its `office:change-info` and the deleted text in
/// a `text:p` of the paragraph's style, spans kept) and one with a `text:insertion`, in
/// `text:tracked-changes` at the start of `office:text` (the existing one when there is one); in
/// the body the deleted text is taken out, a `text:change` marks where it stood, and the model
/// article follows between `text:change-start` and `text:change-end`. The paragraph itself stays.
public enum OdfRedliner {
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let dc = "http://purl.org/dc/elements/1.1/"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

    /// `flat`: a `.fodt` (the input is the XML); else an `.odt` package.
    public static func redline(_ input: [UInt8], flat: Bool, document: Document, plan: RedlinePlan, options: RedlineOptions) throws(RedlineError) -> RedlineResult {
        if flat {
            let (bytes, comments, changes) = try patch(input, name: "document", document: document, plan: plan, options: options)
            return RedlineResult(bytes: bytes, comments: comments, changes: changes)
        }
        let zip = try ZipRewrite(input)
        guard let content = try zip.read("content.xml") else {
            throw .unreadable("content.xml ontbreekt", en: "content.xml is missing")
        }
        let (bytes, comments, changes) = try patch(content, name: "content.xml", document: document, plan: plan, options: options)
        return RedlineResult(bytes: try zip.write(replacing: ["content.xml": bytes], adding: [], date: options.date),
                             comments: comments, changes: changes)
    }

    static func patch(_ bytes: [UInt8], name: String, document: Document, plan: RedlinePlan, options: RedlineOptions) throws(RedlineError) -> ([UInt8], Int, Int) {
        let root = try DocxRedliner.parse(bytes, name)
        guard root.namespace == office, let rootRange = root.sourceRange, let rootContent = root.contentRange,
              rootContent.lowerBound > rootRange.lowerBound else {
            throw .unreadable("\(name) is geen OpenDocument-tekst in UTF-8", en: "\(name) is no OpenDocument text in UTF-8")
        }
        guard let body = root.element(path: ["body", "text"], namespace: office), let bodyContent = body.contentRange else {
            throw .unreadable("office:body/office:text ontbreekt", en: "office:body/office:text is missing")
        }
        // Prefixes as the file declares them on its root; missing declarations are added there.
        let startTag = String(decoding: bytes[rootRange.lowerBound..<rootContent.lowerBound], as: UTF8.self)
        var declared: [String: String] = [:]
        var prefixes = Set<String>()
        for m in startTag.matches(of: /xmlns:([A-Za-z_][A-Za-z0-9_.\-]*)\s*=\s*["']([^"']*)["']/) {
            prefixes.insert(String(m.1))
            if declared[String(m.2)] == nil { declared[String(m.2)] = String(m.1) }
        }
        var addedDeclarations = ""
        func prefix(_ uri: String, _ preferred: String) -> String {
            if let p = declared[uri] { return p }
            var p = preferred, n = 1
            while prefixes.contains(p) { p = preferred + "\(n)"; n += 1 }
            prefixes.insert(p)
            declared[uri] = p
            addedDeclarations += #" xmlns:\#(p)="\#(uri)""#
            return p
        }
        let names = OdfNames(office: prefix(office, "office"), text: prefix(text, "text"), dc: prefix(dc, "dc"))

        // Ids in use: change regions (text:id, xml:id), every xml:id, annotation names.
        var usedIds = Set<String>(), usedNames = Set<String>()
        func visit(_ e: XMLTree.Element) {
            for a in e.attributes where a.name == "id" && (a.namespace == OdfNamespaceXML.xml || a.namespace == text) { usedIds.insert(a.value) }
            if e.namespace == office, e.name == "annotation" || e.name == "annotation-end", let n = e.attribute("name", namespace: office) { usedNames.insert(n) }
            for case let .element(c) in e.children { visit(c) }
        }
        visit(root)
        var idNumber = 0
        func nextChangeId() -> String {
            repeat { idNumber += 1 } while usedIds.contains("tlct\(idNumber)")
            return "tlct\(idNumber)"
        }
        var nameNumber = 0
        func nextName() -> String {
            repeat { nameNumber += 1 } while usedNames.contains("__tenderlint_\(nameNumber)")
            return "__tenderlint_\(nameNumber)"
        }

        var writer = OdfParagraphWriter(root: root, body: body, bytes: bytes, names: names, options: options)
        var regions = ""
        var comments = 0, changes = 0
        for edit in plan.edits {
            let block = document.blocks[edit.block]
            var paragraphs = edit.comment
            var range = edit.match
            let commentName = nextName()
            if let replacement = edit.replacement {
                switch writer.canReplace(block: block, range: replacement.range) {
                case .success:
                    let deletion = nextChangeId(), insertion = nextChangeId()
                    writer.replace(block: block, range: replacement.range, with: replacement.text, deletion: deletion, insertion: insertion)
                    range = replacement.range
                    changes += 1
                    paragraphs.append(RedlineNote.replaced.text(options.language))
                case let .failure(reason):
                    paragraphs.append(reason.text(options.language))
                }
            }
            var annotation = writer.annotation(name: commentName, paragraphs: paragraphs)
            if !writer.comment(block: block, range: range, name: commentName, annotation: annotation) {
                paragraphs.append(RedlineNote.outsideBody(frames: true).text(options.language))
                annotation = writer.annotation(name: commentName, paragraphs: paragraphs)
                let previous = document.blocks[..<edit.block].last { !$0.anchors.isEmpty } ?? document.blocks.first { !$0.anchors.isEmpty }
                if previous.map({ writer.comment(block: $0, range: 0..<$0.text.utf8.count, name: commentName, annotation: annotation) }) != true {
                    writer.commentAtStart(name: commentName, annotation: annotation)
                }
            }
            comments += 1
        }
        let (patchedParagraphs, deleted) = writer.result()
        for (deletion, insertion, fragment, style) in deleted {
            regions += writer.region(id: deletion, kind: "deletion", content: "<\(names.t("p"))\(style)>\(fragment)</\(names.t("p"))>")
            regions += writer.region(id: insertion, kind: "insertion", content: "")
        }

        var edits = patchedParagraphs
        if !addedDeclarations.isEmpty {
            // Before the `>` that ends the root's start tag.
            edits.append(((rootContent.lowerBound - 1)..<(rootContent.lowerBound - 1), Array(addedDeclarations.utf8)))
        }
        if !regions.isEmpty {
            let tracked = body.elements.first { $0.is("tracked-changes", namespace: text) }
            if let tracked, let whole = tracked.sourceRange, let content = tracked.contentRange {
                if content.upperBound == whole.upperBound {
                    // `<text:tracked-changes …/>`: opened up.
                    var tagEnd = whole.upperBound - 2
                    while tagEnd > whole.lowerBound, bytes[tagEnd - 1] == 0x20 { tagEnd -= 1 }
                    edits.append((tagEnd..<whole.upperBound, Array((">" + regions + "</\(tracked.qualifiedName)>").utf8)))
                } else {
                    edits.append((content.upperBound..<content.upperBound, Array(regions.utf8)))
                }
            } else {
                // ODF's order: office:forms, then text:tracked-changes, then the declarations.
                var at = bodyContent.lowerBound
                if let first = body.elements.first, first.is("forms", namespace: office), let r = first.sourceRange { at = r.upperBound }
                let element = #"<\#(names.t("tracked-changes")) \#(names.t("track-changes"))="false">"# + regions + "</\(names.t("tracked-changes"))>"
                edits.append((at..<at, Array(element.utf8)))
            }
        }
        var out: [UInt8] = []
        var cursor = 0
        for (range, replacement) in edits.sorted(by: { ($0.0.lowerBound, $0.0.upperBound) < ($1.0.lowerBound, $1.0.upperBound) }) {
            guard range.lowerBound >= cursor else { continue }
            out += bytes[cursor..<range.lowerBound]
            out += replacement
            cursor = range.upperBound
        }
        out += bytes[cursor...]
        return (out, comments, changes)
    }
}

enum OdfNamespaceXML {
    static let xml = "http://www.w3.org/XML/1998/namespace"
}

/// The prefixes the file uses for the namespaces the writer writes.
struct OdfNames {
    var office: String
    var text: String
    var dc: String
    func o(_ name: String) -> String { "\(office):\(name)" }
    func t(_ name: String) -> String { "\(text):\(name)" }
    func d(_ name: String) -> String { "\(dc):\(name)" }
}

/// Collects comment marks and replacements per `text:p`/`text:h` of the part, then rewrites only
/// those paragraphs.
///
/// Coordinates inside a paragraph are UTF-8 offsets into the concatenated text of the text nodes
/// whose paragraph it is (not inside a note, annotation, text box, number or nested paragraph),
/// the same text nodes that `BlockAnchor.run` counts in the ODT reader.
struct OdfParagraphWriter {
    let bytes: [UInt8]
    let names: OdfNames
    let options: RedlineOptions
    /// Every text:p and text:h in document order, and whether it stands in office:text and not
    /// inside another paragraph.
    private var paragraphs: [(element: XMLTree.Element, top: Bool)] = []
    private var layouts: [Int: Layout] = [:]
    private var events: [Int: [Event]] = [:]
    private var deletions: [Int: [(range: Range<Int>, deletion: String, insertion: String)]] = [:]

    static let text = OdfRedliner.text, office = OdfRedliner.office

    /// Elements whose text is not the paragraph's (the reader does not walk into them); they are
    /// zero-width in the paragraph's coordinates.
    static func isOpaque(_ e: XMLTree.Element) -> Bool {
        if e.namespace == text {
            return ["s", "tab", "line-break", "number", "note", "tracked-changes", "change", "change-start", "change-end",
                    "bookmark", "bookmark-start", "bookmark-end", "soft-page-break", "reference-mark",
                    "reference-mark-start", "reference-mark-end", "p", "h"].contains(e.name)
        }
        if e.namespace == office { return e.name == "annotation" || e.name == "annotation-end" }
        return e.namespace == OdfRedliner.draw && e.name == "text-box"
    }

    /// Zero-width elements that may stand inside deleted text (they move into the deletion).
    static func mayBeDeleted(_ e: XMLTree.Element) -> Bool {
        e.namespace == text && ["s", "tab", "line-break", "soft-page-break"].contains(e.name)
    }

    /// One paragraph's coordinates.
    struct Layout {
        /// Counted text nodes: start, length, and whether an element other than text:span stands
        /// between it and the paragraph (a field, link, frame: "container").
        var texts: [(start: Int, length: Int, container: XMLTree.Element?)] = []
        /// Coordinates of every element in the paragraph, by the offset of its start tag.
        var spans: [Int: Range<Int>] = [:]
        /// Zero-width elements: where, the element, and the nearest non-span container around it.
        var leaves: [(at: Int, element: XMLTree.Element, container: XMLTree.Element?)] = []
        var length = 0
        var hasChangeMarks = false
    }

    enum EventKind {
        case end(name: String)
        case start(name: String, annotation: String)
        case change(deletion: String, insertion: String, text: String)

        var order: Int {
            switch self { case .end: return 0; case .start: return 1; case .change: return 2 }
        }
    }

    struct Event {
        var at: Int
        var kind: EventKind
    }

    init(root: XMLTree.Element, body: XMLTree.Element, bytes: [UInt8], names: OdfNames, options: RedlineOptions) {
        self.bytes = bytes
        self.names = names
        self.options = options
        var list: [(XMLTree.Element, Bool)] = []
        let bodyRange = body.sourceRange ?? 0..<0
        func visit(_ e: XMLTree.Element, inParagraph: Bool) {
            for case let .element(c) in e.children {
                let isParagraph = c.namespace == Self.text && (c.name == "p" || c.name == "h")
                if isParagraph, let r = c.sourceRange {
                    list.append((c, !inParagraph && bodyRange.contains(r.lowerBound)))
                }
                visit(c, inParagraph: inParagraph || isParagraph)
            }
        }
        visit(root, inParagraph: false)
        paragraphs = list
    }

    // MARK: Layout

    private mutating func layout(_ index: Int) -> Layout {
        if let cached = layouts[index] { return cached }
        var layout = Layout()
        let p = paragraphs[index].element
        layout.hasChangeMarks = !p.descendants(where: {
            $0.namespace == Self.text && ["change", "change-start", "change-end"].contains($0.name)
        }).isEmpty
        func walk(_ e: XMLTree.Element, container: XMLTree.Element?) {
            for node in e.children {
                switch node {
                case let .text(t):
                    let n = t.utf8.count
                    layout.texts.append((layout.length, n, container))
                    layout.length += n
                case let .element(c):
                    let start = layout.length
                    if Self.isOpaque(c) {
                        layout.leaves.append((start, c, container))
                    } else {
                        let isSpan = c.is("span", namespace: Self.text)
                        walk(c, container: container ?? (isSpan ? nil : c))
                    }
                    if let r = c.sourceRange { layout.spans[r.lowerBound] = start..<layout.length }
                }
            }
        }
        walk(p, container: nil)
        layouts[index] = layout
        return layout
    }

    /// The paragraph and coordinate of a block offset; `end` takes the position after a byte.
    private mutating func locate(_ block: Block, _ offset: Int, end: Bool) -> (paragraph: Int, at: Int)? {
        let anchors = block.anchors
        let hit = end ? anchors.first { $0.text.lowerBound < offset && offset <= $0.text.upperBound }
                      : anchors.first { $0.text.lowerBound <= offset && offset < $0.text.upperBound }
        let anchor = hit ?? (end ? anchors.last { $0.text.upperBound <= offset } : anchors.first { $0.text.lowerBound >= offset })
        guard let anchor, paragraphs.indices.contains(anchor.paragraph), paragraphs[anchor.paragraph].top else { return nil }
        let l = layout(anchor.paragraph)
        guard l.texts.indices.contains(anchor.run) else { return nil }
        let inside = min(max(offset - anchor.text.lowerBound, 0), anchor.text.count)
        return (anchor.paragraph, l.texts[anchor.run].start + min(anchor.runOffset + inside, l.texts[anchor.run].length))
    }

    /// The text of a block offset range as the writer's coordinates see it (for tests: the
    /// anchors and the writer must agree).
    mutating func sourceText(block: Block, range: Range<Int>) -> String? {
        guard let s = locate(block, range.lowerBound, end: false), let e = locate(block, range.upperBound, end: true),
              s.paragraph == e.paragraph else { return nil }
        var all: [UInt8] = []
        func collect(_ el: XMLTree.Element) {
            for node in el.children {
                switch node {
                case let .text(t): all += Array(t.utf8)
                case let .element(c): if !Self.isOpaque(c) { collect(c) }
                }
            }
        }
        collect(paragraphs[s.paragraph].element)
        guard s.at <= e.at, e.at <= all.count else { return nil }
        return String(decoding: all[s.at..<e.at], as: UTF8.self)
    }

    // MARK: Comments

    func annotation(name: String, paragraphs: [String]) -> String {
        var out = #"<\#(names.o("annotation")) \#(names.o("name"))="\#(XMLText.attribute(name))">"#
        out += "<\(names.d("creator"))>\(XMLText.content(options.author))</\(names.d("creator"))>"
        out += "<\(names.d("date"))>\(options.isoDate)</\(names.d("date"))>"
        for p in paragraphs { out += "<\(names.t("p"))>\(odfText(p))</\(names.t("p"))>" }
        return out + "</\(names.o("annotation"))>"
    }

    /// Marks `range` of `block` for a comment; false when the block has no anchors.
    mutating func comment(block: Block, range: Range<Int>, name: String, annotation: String) -> Bool {
        guard let start = locate(block, range.lowerBound, end: false),
              let end = locate(block, max(range.upperBound, range.lowerBound + 1), end: true) else { return false }
        var s = start.at, e = end.at
        // A replaced unit's comment covers its insertion too: ranges that touch a deletion grow to it.
        if start.paragraph == end.paragraph {
            for d in deletions[start.paragraph] ?? [] where d.range.overlaps(s..<max(e, s + 1)) {
                s = min(s, d.range.lowerBound); e = max(e, d.range.upperBound)
            }
        } else if start.paragraph > end.paragraph {
            return false
        }
        events[start.paragraph, default: []].append(Event(at: s, kind: .start(name: name, annotation: annotation)))
        events[end.paragraph, default: []].append(Event(at: e, kind: .end(name: name)))
        return true
    }

    /// A comment on the first paragraph of the body (a document whose text has no anchors).
    mutating func commentAtStart(name: String, annotation: String) {
        guard let first = paragraphs.indices.first(where: { i in
            paragraphs[i].top && paragraphs[i].element.contentRange.map { $0.upperBound < (paragraphs[i].element.sourceRange?.upperBound ?? 0) } == true
        }) else { return }
        let length = layout(first).length
        events[first, default: []].append(Event(at: 0, kind: .start(name: name, annotation: annotation)))
        events[first, default: []].append(Event(at: length, kind: .end(name: name)))
    }

    // MARK: Replacements

    mutating func canReplace(block: Block, range: Range<Int>) -> Result<Void, CommentOnly> {
        guard let start = locate(block, range.lowerBound, end: false), let end = locate(block, range.upperBound, end: true),
              start.at < end.at || start.paragraph != end.paragraph else {
            return .failure(.notAnchored)
        }
        guard start.paragraph == end.paragraph else { return .failure(.spansParagraphs) }
        let l = layout(start.paragraph)
        if l.hasChangeMarks { return .failure(.trackedChanges) }
        let unit = start.at..<end.at
        func reason(_ container: XMLTree.Element) -> CommentOnly {
            if container.namespace == OdfRedliner.draw { return .textBox }
            if container.namespace == Self.text, ["a", "meta", "ruby", "ruby-base", "ruby-text"].contains(container.name) { return .contentControl }
            return .field
        }
        for t in l.texts where t.length > 0 && (t.start..<(t.start + t.length)).overlaps(unit) {
            if let c = t.container { return .failure(reason(c)) }
        }
        for leaf in l.leaves where unit.lowerBound < leaf.at && leaf.at < unit.upperBound {
            if let c = leaf.container { return .failure(reason(c)) }
            if !Self.mayBeDeleted(leaf.element) { return .failure(.embedded) }
        }
        if (deletions[start.paragraph] ?? []).contains(where: { $0.range.overlaps(unit) }) { return .failure(.notAnchored) }
        return .success(())
    }

    mutating func replace(block: Block, range: Range<Int>, with text: String, deletion: String, insertion: String) {
        guard let start = locate(block, range.lowerBound, end: false), let end = locate(block, range.upperBound, end: true) else { return }
        deletions[start.paragraph, default: []].append((start.at..<end.at, deletion, insertion))
        events[start.paragraph, default: []].append(Event(at: start.at, kind: .change(deletion: deletion, insertion: insertion, text: text)))
    }

    func region(id: String, kind: String, content: String) -> String {
        #"<\#(names.t("changed-region")) xml:id="\#(id)" \#(names.t("id"))="\#(id)"><\#(names.t(kind))><\#(names.o("change-info"))>"#
            + "<\(names.d("creator"))>\(XMLText.content(options.author))</\(names.d("creator"))><\(names.d("date"))>\(options.isoDate)</\(names.d("date"))>"
            + "</\(names.o("change-info"))>\(content)</\(names.t(kind))></\(names.t("changed-region"))>"
    }

    func odfText(_ s: String) -> String { Self.odfText(s, names: names) }

    /// Text as ODF paragraph content: runs of spaces as `text:s`, tabs and line ends as elements.
    static func odfText(_ s: String, names: OdfNames) -> String {
        var out = ""
        var spaces = 0
        func flushSpaces() {
            if spaces > 0 {
                out += " "
                if spaces > 1 { out += #"<\#(names.t("s")) \#(names.t("c"))="\#(spaces - 1)"/>"# }
            }
            spaces = 0
        }
        for c in s {
            switch c {
            case " ": spaces += 1
            case "\t": flushSpaces(); out += "<\(names.t("tab"))/>"
            case "\n", "\r", "\r\n": flushSpaces(); out += "<\(names.t("line-break"))/>"
            default: flushSpaces(); out += XMLText.content(String(c))
            }
        }
        flushSpaces()
        return out
    }

    // MARK: Writing

    /// The rewritten paragraphs (byte range of their content in the part, new content) and, per
    /// replacement, its change ids, the deleted content and the paragraph's style attribute.
    mutating func result() -> ([(Range<Int>, [UInt8])], [(String, String, String, String)]) {
        var out: [(Range<Int>, [UInt8])] = []
        var deleted: [(String, String, String, String)] = []
        var last = -1
        for index in events.keys.sorted() {
            let p = paragraphs[index].element
            // Not one nested in a paragraph already rewritten, nor an empty `<text:p/>`.
            guard let content = p.contentRange, let whole = p.sourceRange, content.lowerBound > last,
                  content.upperBound < whole.upperBound else { continue }
            let l = layout(index)
            var rewriter = Rewriter(bytes: bytes, names: names, layout: l, events: events[index] ?? [],
                                    deletions: (deletions[index] ?? []).map { ($0.range, $0.deletion) })
            let body = rewriter.run(p)
            out.append((content, Array(body.utf8)))
            last = content.upperBound
            var style = ""
            if let s = p.attribute("style-name", namespace: Self.text) { style = #" \#(names.t("style-name"))="\#(XMLText.attribute(s))""# }
            for d in deletions[index] ?? [] {
                deleted.append((d.deletion, d.insertion, rewriter.deleted[d.deletion] ?? "", style))
            }
        }
        return (out, deleted)
    }

    /// Rewrites one paragraph's content.
    struct Rewriter {
        let bytes: [UInt8]
        let names: OdfNames
        let layout: Layout
        let events: [Event]
        let deletions: [(range: Range<Int>, id: String)]
        var next = 0
        var body = ""
        var deleted: [String: String] = [:]
        var textIndex = 0

        init(bytes: [UInt8], names: OdfNames, layout: Layout, events: [Event], deletions: [(Range<Int>, String)]) {
            self.bytes = bytes
            self.names = names
            self.layout = layout
            self.events = events.enumerated().sorted { ($0.element.at, $0.element.kind.order, $0.offset) < ($1.element.at, $1.element.kind.order, $1.offset) }.map(\.element)
            self.deletions = deletions.map { (range: $0.0, id: $0.1) }
        }

        private func raw(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self) }

        private mutating func emit(_ e: Event) {
            switch e.kind {
            case let .start(_, annotation): body += annotation
            case let .end(name): body += #"<\#(names.o("annotation-end")) \#(names.o("name"))="\#(XMLText.attribute(name))"/>"#
            case let .change(deletion, insertion, text):
                body += #"<\#(names.t("change")) \#(names.t("change-id"))="\#(deletion)"/>"#
                body += #"<\#(names.t("change-start")) \#(names.t("change-id"))="\#(insertion)"/>"#
                body += OdfParagraphWriter.odfText(text, names: names)
                body += #"<\#(names.t("change-end")) \#(names.t("change-id"))="\#(insertion)"/>"#
            }
        }

        private mutating func flush(upTo x: Int, startsBefore limit: Int? = nil) {
            while next < events.count {
                let e = events[next]
                var due = e.at <= x
                if !due, let limit, case .start = e.kind { due = e.at < limit }
                guard due else { break }
                emit(e); next += 1
            }
        }

        private func deletion(_ a: Int, _ b: Int) -> String? {
            deletions.first { a == b ? ($0.range.lowerBound < a && a < $0.range.upperBound) : ($0.range.lowerBound <= a && b <= $0.range.upperBound) }?.id
        }

        private func touches(_ span: Range<Int>) -> Bool {
            if events.contains(where: { span.lowerBound < $0.at && $0.at < span.upperBound }) { return true }
            return deletions.contains { span.isEmpty ? ($0.range.lowerBound < span.lowerBound && span.lowerBound < $0.range.upperBound) : $0.range.overlaps(span) }
        }

        mutating func run(_ p: XMLTree.Element) -> String {
            walk(p, wrappers: [])
            flush(upTo: Int.max)
            return body
        }

        private mutating func walk(_ e: XMLTree.Element, wrappers: [(open: String, close: String)]) {
            guard let content = e.contentRange else { return }
            func wrap(_ s: String) -> String {
                wrappers.map(\.open).joined() + s + wrappers.reversed().map(\.close).joined()
            }
            var cursor = content.lowerBound
            for (i, node) in e.children.enumerated() {
                switch node {
                case let .text(t):
                    var rawEnd = content.upperBound
                    for later in e.children[(i + 1)...] {
                        if case let .element(c) = later, let r = c.sourceRange { rawEnd = r.lowerBound; break }
                    }
                    let info = layout.texts[textIndex]
                    textIndex += 1
                    let start = info.start, utf8 = Array(t.utf8)
                    let span = start..<(start + utf8.count)
                    if !touches(span) {
                        flush(upTo: start)
                        body += raw(cursor..<max(cursor, rawEnd))
                    } else {
                        var points = Set([start, start + utf8.count])
                        for ev in events where span.contains(ev.at) { points.insert(ev.at) }
                        for d in deletions {
                            if span.contains(d.range.lowerBound) { points.insert(d.range.lowerBound) }
                            if span.contains(d.range.upperBound) { points.insert(d.range.upperBound) }
                        }
                        let sorted = points.sorted()
                        for (a, b) in zip(sorted, sorted.dropFirst()) where a < b {
                            flush(upTo: a)
                            let piece = XMLText.content(String(decoding: utf8[(a - start)..<(b - start)], as: UTF8.self))
                            if let id = deletion(a, b) {
                                deleted[id, default: ""] += wrap(piece)
                            } else {
                                body += piece
                            }
                        }
                    }
                    cursor = max(cursor, rawEnd)
                case let .element(c):
                    guard let r = c.sourceRange else { continue }
                    body += raw(cursor..<max(cursor, r.lowerBound))
                    cursor = r.upperBound
                    let span = layout.spans[r.lowerBound] ?? 0..<0
                    if OdfParagraphWriter.isOpaque(c) {
                        flush(upTo: span.lowerBound)
                        if let id = deletion(span.lowerBound, span.lowerBound), OdfParagraphWriter.mayBeDeleted(c) {
                            deleted[id, default: ""] += wrap(raw(r))
                        } else {
                            body += raw(r)
                        }
                        continue
                    }
                    if !touches(span) {
                        flush(upTo: span.lowerBound)
                        body += raw(r)
                        // Its text nodes are counted even when it is copied whole.
                        textIndex += countTexts(c)
                        continue
                    }
                    if c.is("span", namespace: OdfParagraphWriter.text), let inner = c.contentRange {
                        let open = raw(r.lowerBound..<inner.lowerBound), close = raw(inner.upperBound..<r.upperBound)
                        body += open
                        walk(c, wrappers: wrappers + [(open, close)])
                        body += close
                    } else {
                        // A field, link or frame (never cut): marks inside it move to its edges.
                        flush(upTo: span.lowerBound, startsBefore: span.upperBound)
                        body += raw(r)
                        textIndex += countTexts(c)
                    }
                }
            }
            body += raw(cursor..<max(cursor, content.upperBound))
        }

        /// The counted text nodes below `e` (as `layout` counts them).
        private func countTexts(_ e: XMLTree.Element) -> Int {
            var n = 0
            for node in e.children {
                switch node {
                case .text: n += 1
                case let .element(c): if !OdfParagraphWriter.isOpaque(c) { n += countTexts(c) }
                }
            }
            return n
        }
    }
}
