import TenderXML

/// The styles of an OpenDocument text that matter for reading: list styles (how list items are
/// numbered), the outline style (how headings are numbered) and the paragraph style chain (to
/// recognise the document title).
struct OdfStyles {
    struct ListLevel {
        var format = ListNumberFormat.none
        var prefix = ""
        var suffix = ""
        /// How many levels the label shows, this one included (`text:display-levels`).
        var displayLevels = 1
        var start = 1
    }

    /// List styles by name; levels are 1-based.
    private(set) var lists: [String: [Int: ListLevel]] = [:]
    /// `text:outline-style`: heading numbering by outline level.
    private(set) var outline: [Int: ListLevel] = [:]
    /// Paragraph style name → parent style name.
    private var parents: [String: String] = [:]
    /// Paragraph style name → its list style (`style:list-style-name`).
    private var paragraphListStyles: [String: String] = [:]

    /// Adds the styles found under `container` (`office:styles`, `office:automatic-styles`).
    mutating func add(_ container: XMLTree.Element?) {
        guard let container else { return }
        let text = OdfNamespace.text, style = OdfNamespace.style
        for element in container.elements {
            if element.is("list-style", namespace: text), let name = element.attribute("name", namespace: style) {
                lists[name] = OdfStyles.levels(of: element)
            } else if element.is("outline-style", namespace: text) {
                outline = OdfStyles.levels(of: element)
            } else if element.is("style", namespace: style), let name = element.attribute("name", namespace: style) {
                if let parent = element.attribute("parent-style-name", namespace: style) { parents[name] = parent }
                if let list = element.attribute("list-style-name", namespace: style) { paragraphListStyles[name] = list }
            }
        }
    }

    private static func levels(of listStyle: XMLTree.Element) -> [Int: ListLevel] {
        let text = OdfNamespace.text, style = OdfNamespace.style
        var levels: [Int: ListLevel] = [:]
        for element in listStyle.elements {
            guard let n = element.attribute("level", namespace: text).flatMap({ Int($0) }) else { continue }
            var level = ListLevel()
            if element.name == "list-level-style-number" || element.name == "outline-level-style" {
                level.format = ListNumberFormat(odf: element.attribute("num-format", namespace: style))
                level.prefix = element.attribute("num-prefix", namespace: style) ?? ""
                level.suffix = element.attribute("num-suffix", namespace: style) ?? ""
                level.displayLevels = min(max(element.attribute("display-levels", namespace: text).flatMap { Int($0) } ?? 1, 1), 10)
                level.start = ListNumberFormat.clamped(element.attribute("start-value", namespace: text).flatMap { Int($0) } ?? 1)
            }
            // Bullet and image levels keep format .none: no label.
            levels[n] = level
        }
        return levels
    }

    /// The style chain of a paragraph style, itself first, without cycles.
    func chain(_ name: String?) -> [String] {
        var out: [String] = []
        var next = name
        while let current = next, !out.contains(current) {
            out.append(current)
            next = parents[current]
        }
        return out
    }

    /// Whether a paragraph style is (based on) the document title style.
    func isTitle(_ name: String?) -> Bool {
        chain(name).contains { $0 == "Title" || $0 == "Titel" }
    }

    /// The list style a paragraph style names, looking up the chain.
    func listStyle(ofParagraphStyle name: String?) -> String? {
        for s in chain(name) { if let list = paragraphListStyles[s] { return list } }
        return nil
    }

    /// The label for counters `values` (index 0 = level 1) at `level` in `levels`.
    static func label(levels: [Int: ListLevel], level: Int, values: [Int]) -> String? {
        guard let definition = levels[level], definition.format != .none else { return nil }
        let shown = max(1, min(definition.displayLevels, level))
        var parts: [String] = []
        for l in (level - shown + 1)...level {
            let format = levels[l]?.format ?? .decimal
            let value = l - 1 < values.count ? values[l - 1] : (levels[l]?.start ?? 1)
            parts.append((format == .none ? ListNumberFormat.decimal : format).render(value))
        }
        let label = definition.prefix + parts.joined(separator: ".") + definition.suffix
        let trimmed = ParagraphBlocks.trimmed(label)
        return trimmed.isEmpty ? nil : trimmed
    }
}
