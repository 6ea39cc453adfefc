import TenderXML

/// The paragraph styles of a DOCX (`word/styles.xml`): what makes a paragraph a heading and which
/// numbering a style carries.
struct DocxStyles {
    struct Style {
        var name: String?
        var basedOn: String?
        /// `w:outlineLvl`, 0-based; 9 means body text.
        var outlineLevel: Int?
        var numId: String?
        var numLevel: Int?
    }

    private var styles: [String: Style] = [:]
    /// The style used when a paragraph names none (`w:default="1"`).
    private var defaultStyle: String?

    init(_ root: XMLTree.Element?, w: String) {
        guard let root else { return }
        for element in root.elements("style", namespace: w) where element.attribute("type", namespace: w) == "paragraph" {
            guard let id = element.attribute("styleId", namespace: w) else { continue }
            var style = Style()
            style.name = element.element("name", namespace: w)?.attribute("val", namespace: w)
            style.basedOn = element.element("basedOn", namespace: w)?.attribute("val", namespace: w)
            if let pPr = element.element("pPr", namespace: w) {
                style.outlineLevel = pPr.element("outlineLvl", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) }
                if let numPr = pPr.element("numPr", namespace: w) {
                    style.numId = numPr.element("numId", namespace: w)?.attribute("val", namespace: w)
                    style.numLevel = numPr.element("ilvl", namespace: w)?.attribute("val", namespace: w).flatMap { Int($0) }
                }
            }
            if element.attribute("default", namespace: w) == "1" || element.attribute("default", namespace: w) == "true" {
                defaultStyle = id
            }
            styles[id] = style
        }
        // Resolved once per style: the answers are asked for every paragraph.
        for id in styles.keys {
            headingLevels[id] = computeHeadingLevel(styleId: id)
            tableOfContents[id] = computeIsTableOfContents(styleId: id)
        }
        headingLevels[""] = computeHeadingLevel(styleId: nil)
    }

    /// Heading levels by style id (`""`: the default style); nil values are body text.
    private var headingLevels: [String: Int?] = [:]
    private var tableOfContents: [String: Bool] = [:]

    /// The chain `id`, its base, its base's base…, without cycles.
    private func chain(_ id: String?) -> [Style] {
        var out: [Style] = []
        var seen = Set<String>()
        var next = id ?? defaultStyle
        while let current = next, seen.insert(current).inserted, let style = styles[current] {
            out.append(style)
            next = style.basedOn
        }
        return out
    }

    /// The heading level (1 = top) the style gives a paragraph, or nil for body text.
    ///
    /// An outline level wins; otherwise the built-in heading styles by name (`heading 1`, which
    /// Word writes in English whatever the interface language, or `Kop 1`) or by id (`Heading1`,
    /// `Kop1`), and the document title (`Title`, `Titel`) as level 1.
    func headingLevel(styleId: String?) -> Int? {
        if let known = headingLevels[styleId ?? ""] { return known }
        return computeHeadingLevel(styleId: styleId)
    }

    private func computeHeadingLevel(styleId: String?) -> Int? {
        for style in chain(styleId) {
            if let level = style.outlineLevel { return (0..<9).contains(level) ? level + 1 : nil }
        }
        var candidates: [String] = []
        if let styleId { candidates.append(styleId) }
        candidates += chain(styleId).compactMap(\.name)
        for candidate in candidates {
            if let level = DocxStyles.builtInHeadingLevel(candidate) { return level }
        }
        return nil
    }

    /// The numbering the style chain carries, if any.
    func numbering(styleId: String?) -> (numId: String?, level: Int?) {
        var numId: String?
        var level: Int?
        for style in chain(styleId) {
            if numId == nil { numId = style.numId }
            if level == nil { level = style.numLevel }
        }
        return (numId, level)
    }

    /// Whether the style is one of Word's table-of-contents styles (`TOC 1`, `Inhopg1`): such
    /// paragraphs repeat the headings and are not read.
    func isTableOfContents(styleId: String?) -> Bool {
        guard let styleId else { return false }
        return tableOfContents[styleId] ?? computeIsTableOfContents(styleId: styleId)
    }

    private func computeIsTableOfContents(styleId: String) -> Bool {
        let names = [styleId] + chain(styleId).compactMap(\.name)
        return names.contains { name in
            let folded = DocxStyles.folded(name)
            for prefix in ["toc", "inhopg"] where folded.hasPrefix(prefix) {
                if let n = Int(folded.dropFirst(prefix.count)), (1...9).contains(n) { return true }
            }
            return false
        }
    }

    /// Lower case without spaces: `Heading 1` and `heading1` alike.
    private static func folded(_ name: String) -> String {
        String(name.lowercased().filter { $0 != " " })
    }

    static func builtInHeadingLevel(_ name: String) -> Int? {
        let folded = folded(name)
        if folded == "title" || folded == "titel" { return 1 }
        for prefix in ["heading", "kop"] where folded.hasPrefix(prefix) {
            if let n = Int(folded.dropFirst(prefix.count)), (1...9).contains(n) { return n }
        }
        return nil
    }
}
