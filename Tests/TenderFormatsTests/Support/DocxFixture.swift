import Foundation

/// A minimal DOCX: `[Content_Types].xml`, the package and document relationships, and the
/// parts given. Body XML is wrapped in `<w:document><w:body>`.
struct DocxFixture {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#

    var body: String
    var styles: String?
    var numbering: String?
    var comments: String?
    var footnotes: String?
    var header: String?
    var footer: String?
    /// Replaces the whole document part (for hostile-XML tests).
    var rawDocument: String?
    /// `<Relationship …/>` elements added to the document's relationships as they are.
    var extraRelationships = ""

    init(body: String, styles: String? = nil, numbering: String? = nil, comments: String? = nil,
         footnotes: String? = nil, header: String? = nil, footer: String? = nil, rawDocument: String? = nil) {
        self.body = body
        self.styles = styles
        self.numbering = numbering
        self.comments = comments
        self.footnotes = footnotes
        self.header = header
        self.footer = footer
        self.rawDocument = rawDocument
    }

    func bytes() throws -> [UInt8] {
        var entries: [ZipBuilder.Entry] = []
        entries.append(.init("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
            <Default Extension="xml" ContentType="application/xml"/>
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """))
        entries.append(.init("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
            </Relationships>
            """))
        var rels: [String] = []
        func part(_ type: String, _ file: String, _ root: String, _ content: String?) {
            guard let content else { return }
            rels.append(#"<Relationship Id="r\#(type)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\#(type)" Target="\#(file)"/>"#)
            entries.append(.init("word/" + file, #"<?xml version="1.0" encoding="UTF-8"?><w:\#(root) \#(DocxFixture.namespaces)>\#(content)</w:\#(root)>"#))
        }
        part("styles", "styles.xml", "styles", styles)
        part("numbering", "numbering.xml", "numbering", numbering)
        part("comments", "comments.xml", "comments", comments)
        part("footnotes", "footnotes.xml", "footnotes", footnotes)
        part("header", "header1.xml", "hdr", header)
        part("footer", "footer1.xml", "ftr", footer)
        entries.append(.init("word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(rels.joined())\(extraRelationships)</Relationships>
            """))
        entries.append(.init("word/document.xml", rawDocument
            ?? #"<?xml version="1.0" encoding="UTF-8"?><w:document \#(DocxFixture.namespaces)><w:body>\#(body)</w:body></w:document>"#))
        return try ZipBuilder.zip(entries)
    }

    /// A paragraph with one run per string (so text is split across runs).
    static func p(_ runs: String..., style: String? = nil, num: (id: Int, level: Int)? = nil) -> String {
        var pPr = ""
        if let style { pPr += #"<w:pStyle w:val="\#(style)"/>"# }
        if let num { pPr += #"<w:numPr><w:ilvl w:val="\#(num.level)"/><w:numId w:val="\#(num.id)"/></w:numPr>"# }
        let props = pPr.isEmpty ? "" : "<w:pPr>\(pPr)</w:pPr>"
        return "<w:p>\(props)" + runs.map { #"<w:r><w:t xml:space="preserve">\#($0)</w:t></w:r>"# }.joined() + "</w:p>"
    }
}
