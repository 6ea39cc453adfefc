import TenderReport
import Foundation
import TenderDocument
import TenderXML

/// What a redline wrote.
public struct RedlineResult: Sendable {
    public var bytes: [UInt8]
    /// Comments written (one per finding).
    public var comments: Int
    /// Tracked changes written (model articles proposed as replacements).
    public var changes: Int
}

/// Writes a Word document's redlined copy by patching `word/document.xml` in place: only the
/// paragraphs that get a comment or a change are rewritten, and in them only the runs that are
/// cut; every other byte of the part, and every other part of the package, stays as it was.
///
/// Per finding: `w:commentRangeStart`/`w:commentRangeEnd` around the match (around the whole
/// unit when it is replaced) and a `w:commentReference` run after it; the comment in
/// `word/comments.xml` (the existing part when there is one, else a new part with its
/// relationship and content type). A replacement is a `w:del` around the unit's runs (their
/// `w:t` turned into `w:delText`) followed by a `w:ins` with one run holding the model article,
/// formatted like the first deleted run. Revision and comment ids start above every `w:id` in
/// the document and its comments, so they are unique. The paragraph itself (its mark, its
/// number) stays: accepting every change leaves the model article in the numbered paragraph.
public enum DocxRedliner {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let commentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
    static let commentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"

    public static func redline(_ input: [UInt8], document: Document, plan: RedlinePlan, options: RedlineOptions) throws(RedlineError) -> RedlineResult {
        let zip = try ZipRewrite(input)
        let mainPart = try self.mainPart(zip)
        guard let documentBytes = try zip.read(mainPart) else {
            throw .unreadable("\(mainPart) ontbreekt", en: "\(mainPart) is missing")
        }
        let root = try parse(documentBytes, mainPart)
        guard root.namespace == w, root.sourceRange != nil else {
            throw .unreadable("\(mainPart) is geen Word-document in UTF-8", en: "\(mainPart) is no Word document in UTF-8")
        }
        let folder = mainPart.contains("/") ? String(mainPart[...mainPart.lastIndex(of: "/")!]) : ""
        let relsName = folder + "_rels/" + String(mainPart.dropFirst(folder.count)) + ".rels"
        let relsBytes = try zip.read(relsName)
        let rels = try relsBytes.map { bytes throws(RedlineError) in try parse(bytes, relsName) }
        var commentsPart: String?
        for rel in rels?.elements("Relationship", namespace: relationships) ?? []
        where rel.attribute("Type") == commentsType && rel.attribute("TargetMode") != "External" {
            if let target = rel.attribute("Target") {
                commentsPart = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
            }
        }
        let commentsBytes = try commentsPart.flatMap { name throws(RedlineError) in try zip.read(name) }
        let commentsRoot = try commentsBytes.map { bytes throws(RedlineError) in try parse(bytes, commentsPart ?? "comments.xml") }

        var ids = IdCounter(start: max(maxId(root), commentsRoot.map(maxId) ?? 0) + 1)
        var writer = ParagraphWriter(root: root, bytes: documentBytes, prefix: root.prefix, options: options)
        var comments: [(id: Int, paragraphs: [String])] = []
        var changes = 0
        for edit in plan.edits {
            let block = document.blocks[edit.block]
            let commentId = ids.next()
            var paragraphs = edit.comment
            var range = edit.match
            if let replacement = edit.replacement {
                switch writer.canReplace(block: block, range: replacement.range) {
                case .success:
                    writer.replace(block: block, range: replacement.range, with: replacement.text, ids: &ids)
                    range = replacement.range
                    changes += 1
                    paragraphs.append(RedlineNote.replaced.text(options.language))
                case let .failure(reason):
                    paragraphs.append(reason.text(options.language))
                }
            }
            if !writer.comment(block: block, range: range, id: commentId) {
                // No anchor in the body (a text box, note, header or footer): the comment goes
                // on the nearest body paragraph before it.
                let previous = document.blocks[..<edit.block].last { !$0.anchors.isEmpty } ?? document.blocks.first { !$0.anchors.isEmpty }
                paragraphs.append(RedlineNote.outsideBody(frames: false).text(options.language))
                if let previous {
                    _ = writer.comment(block: previous, range: 0..<previous.text.utf8.count, id: commentId)
                } else {
                    writer.commentAtStart(id: commentId)
                }
            }
            comments.append((commentId, paragraphs))
        }

        var replaced: [String: [UInt8]] = [mainPart: writer.result(ids: &ids)]
        var added: [(String, [UInt8])] = []
        let commentElements = comments.map { commentXML(id: $0.id, paragraphs: $0.paragraphs, prefix: commentsRoot?.prefix ?? "w", options: options) }.joined()
        if let commentsPart, let commentsBytes, let commentsRoot, let patched = appending(commentElements, to: commentsRoot, in: commentsBytes) {
            replaced[commentsPart] = patched
        } else if !comments.isEmpty {
            let name = folder + "comments.xml"
            added.append((name, Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\#n<w:comments xmlns:w="\#(w)">\#(commentElements)</w:comments>"#.utf8)))
            // The relationship from the main part, with an id no other relationship has.
            let used = Set((rels?.elements("Relationship", namespace: relationships) ?? []).compactMap { $0.attribute("Id") })
            var n = 1
            while used.contains("rIdTenderlint\(n)") { n += 1 }
            let relationship = #"<Relationship Id="rIdTenderlint\#(n)" Type="\#(commentsType)" Target="comments.xml"/>"#
            if let relsBytes, let rels, let patched = appending(relationship, to: rels, in: relsBytes) {
                replaced[relsName] = patched
            } else {
                added.append((relsName, Array(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\#n<Relationships xmlns="\#(relationships)">\#(relationship)</Relationships>"#.utf8)))
            }
            guard let types = try zip.read("[Content_Types].xml") else {
                throw .unreadable("[Content_Types].xml ontbreekt", en: "[Content_Types].xml is missing")
            }
            let typesRoot = try parse(types, "[Content_Types].xml")
            let override = #"<Override PartName="/\#(name)" ContentType="\#(commentsContentType)"/>"#
            guard let patched = appending(override, to: typesRoot, in: types) else {
                throw .unreadable("[Content_Types].xml is onleesbaar", en: "[Content_Types].xml is unreadable")
            }
            replaced["[Content_Types].xml"] = patched
        }
        return RedlineResult(bytes: try zip.write(replacing: replaced, adding: added, date: options.date),
                             comments: comments.count, changes: changes)
    }

    /// `bytes` with `xml` added as the last children of `root` (an empty `<root/>` opened up).
    static func appending(_ xml: String, to root: XMLTree.Element, in bytes: [UInt8]) -> [UInt8]? {
        guard let content = root.contentRange, let whole = root.sourceRange else { return nil }
        if content.upperBound == whole.upperBound {
            // `<root …/>`: the start tag without its `/>`, the children, an end tag.
            var tagEnd = whole.upperBound - 2
            while tagEnd > whole.lowerBound, bytes[tagEnd - 1] == 0x20 { tagEnd -= 1 }
            return Array(bytes[..<tagEnd]) + Array((">" + xml + "</\(root.qualifiedName)>").utf8) + Array(bytes[whole.upperBound...])
        }
        return Array(bytes[..<content.upperBound]) + Array(xml.utf8) + Array(bytes[content.upperBound...])
    }

    static func parse(_ bytes: [UInt8], _ name: String) throws(RedlineError) -> XMLTree.Element {
        do { return try XMLTree.parse(bytes, limits: .default).root } catch {
            throw .unreadable("\(name): \(error)", en: "\(name): \(error)")
        }
    }

    private static func mainPart(_ zip: ZipRewrite) throws(RedlineError) -> String {
        if let rels = try zip.read("_rels/.rels"), let root = try? parse(rels, "_rels/.rels") {
            for rel in root.elements("Relationship", namespace: relationships) where rel.attribute("Type")?.hasSuffix("/officeDocument") == true {
                if let target = rel.attribute("Target") {
                    let name = target.hasPrefix("/") ? String(target.dropFirst()) : target
                    if zip.contains(name) { return name }
                }
            }
        }
        return "word/document.xml"
    }

    /// The largest `w:id` (revisions, comments, bookmarks) below `root`.
    static func maxId(_ root: XMLTree.Element) -> Int {
        var best = 0
        func visit(_ e: XMLTree.Element) {
            if let id = e.attribute("id", namespace: w).flatMap({ Int($0) }) { best = max(best, id) }
            for case let .element(c) in e.children { visit(c) }
        }
        visit(root)
        return best
    }

    static func commentXML(id: Int, paragraphs: [String], prefix: String?, options: RedlineOptions) -> String {
        let p = prefix.map { $0 + ":" } ?? ""
        var out = #"<\#(p)comment \#(p)id="\#(id)" \#(p)author="\#(XMLText.attribute(options.author))" \#(p)date="\#(options.isoDate)" \#(p)initials="TL">"#
        for paragraph in paragraphs {
            out += "<\(p)p><\(p)r><\(p)t xml:space=\"preserve\">\(XMLText.content(paragraph))</\(p)t></\(p)r></\(p)p>"
        }
        return out + "</\(p)comment>"
    }

}

/// Revision and comment ids, unique across the document.
struct IdCounter {
    private var value: Int
    init(start: Int) { value = start }
    mutating func next() -> Int { defer { value += 1 }; return value }
}

/// Why a unit is commented on but not replaced.
enum CommentOnly: Error {
    case trackedChanges, field, textBox, contentControl, spansParagraphs, notAnchored, embedded

    func text(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case .trackedChanges: return en ? "Not replaced: the paragraph already holds tracked changes; accept or reject them first." : "Niet vervangen: de alinea bevat al bijgehouden wijzigingen; aanvaard of verwerp die eerst."
        case .field: return en ? "Not replaced: the sentence holds a field (a cross-reference, date or the like)." : "Niet vervangen: de zin bevat een veld (een verwijzing, datum of iets dergelijks)."
        case .textBox: return en ? "Not replaced: the text stands in a text box or frame." : "Niet vervangen: de tekst staat in een tekstvak of kader."
        case .contentControl: return en ? "Not replaced: the sentence stands (partly) in a content control, hyperlink or other container." : "Niet vervangen: de zin staat (deels) in een inhoudsbesturingselement, hyperlink of andere omlijsting."
        case .spansParagraphs: return en ? "Not replaced: the sentence runs over more than one paragraph." : "Niet vervangen: de zin loopt over meer dan één alinea."
        case .embedded: return en ? "Not replaced: the sentence holds a note, bookmark, comment, frame or image." : "Niet vervangen: de zin bevat een voetnoot, bladwijzer, opmerking, kader of afbeelding."
        case .notAnchored: return en ? "Not replaced: the text could not be located in the document's paragraphs." : "Niet vervangen: de tekst is niet terug te vinden in de alinea's van het document."
        }
    }
}

import TenderRules
