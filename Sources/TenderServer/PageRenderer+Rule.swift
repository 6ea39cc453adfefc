import TenderReport
import TenderRules

extension PageRenderer {
    /// The page that explains one rule (what `tenderlint explain` prints): the link target of a
    /// LanguageTool match's `rule.urls` and of an editor's diagnostic.
    func rule(_ rule: Rule, catalogue: Catalogue) -> String {
        let text = CatalogueDocumentation(catalogue: catalogue, language: language).explain(rule)
        var paragraphs = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let heading = paragraphs.isEmpty ? rule.id : paragraphs.removeFirst()
        var body = "<h1 id=\"title\">\(HTMLEscaping.escape(heading))</h1>\n<article class=\"rule\">\n"
        for paragraph in paragraphs {
            let lines = paragraph.components(separatedBy: "\n")
            let items = lines.filter { $0.hasPrefix("- ") }
            let lead = lines.filter { !$0.hasPrefix("- ") }
            if !lead.isEmpty {
                body += "<p>" + lead.map { HTMLEscaping.escape($0) }.joined(separator: "<br>\n") + "</p>\n"
            }
            if !items.isEmpty {
                body += "<ul>\n" + items.map { "<li>\(HTMLEscaping.escape(String($0.dropFirst(2))))</li>\n" }.joined() + "</ul>\n"
            }
        }
        body += "</article>\n"
        return page(title: "\(rule.id) — tenderlint", body: body, switchTo: "/regels/\(rule.id)")
    }
}
