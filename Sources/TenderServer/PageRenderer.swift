import TenderLint
import TenderReport
import TenderRules

/// The web page's HTML: the start page with the upload form, the result page and the error page.
/// The stylesheet and script come from `/assets/`, so the Content-Security-Policy allows no
/// inline code; everything works without the script.
struct PageRenderer {
    let language: Language
    let maxUploadBytes: Int
    private let text: PageText

    init(language: Language, maxUploadBytes: Int) {
        self.language = language
        self.maxUploadBytes = maxUploadBytes
        self.text = PageText(language)
    }

    private var maxMB: Int { max(1, maxUploadBytes / 1_048_576) }
    /// `?lang=en` for English pages, nothing for Dutch (the default).
    private var langQuery: String { language == .en ? "?lang=en" : "" }

    /// The start page with the upload form; `notice` is an error message shown above the form.
    func home(notice: String? = nil) -> String {
        var body = "<h1 id=\"title\">\(text.heading)</h1>\n<p>\(text.tagline)</p>\n"
        if let notice { body += alert(notice) }
        body += uploadForm()
        body += "<p class=\"hint\">\(text.privacy)</p>\n"
        return page(title: text.title, body: body, switchTo: "/")
    }

    /// The result page, short even for a long tender: the findings as a compact list (each folds
    /// open to its explanation, legal basis, model article and burden), the summary, the
    /// downloads, then the filters and the document with the findings marked, both folded. The
    /// language link leads to the same result, filters kept, in the other language.
    func result(id: String, entry: ResultStore.Entry, catalogue: Catalogue, filter: FindingFilter, downloads: [Download]) -> String {
        let options = ReportOptions(language: language)
        let report = HTMLReportBody(result: entry.result, catalogue: catalogue, options: options, filter: filter,
                                    outlines: [entry.displayName: entry.outline], panels: .folded)
        var body = "<h1 id=\"title\">\(text.resultTitle): \(HTMLEscaping.escape(entry.displayName))</h1>\n"
        body += "<p><a href=\"/\(langQuery)\">\(text.checkAnother)</a></p>\n"
        body += report.findingList()
        body += report.summary()
        body += "<section aria-labelledby=\"downloads-title\">\n<h2 id=\"downloads-title\">\(text.download)</h2>\n<p class=\"downloads\">"
        for d in downloads {
            body += "<a class=\"button\" href=\"/r/\(id)/\(d.fileName)\(langQuery)\" download>\(HTMLEscaping.escape(d.label))</a>"
        }
        body += "</p>\n" + redlineDownloads(id: id, entry: entry) + "</section>\n"
        body += filterForm(id: id, filter: filter)
        body += "<details class=\"fold document-view\"><summary><h2 id=\"document-title\">\(text.documentView)</h2>"
        body += "</summary>\n<div class=\"fold-body\">\n"
        body += report.documents()
        body += "</div>\n</details>\n"
        return page(title: "\(text.resultTitle): \(entry.displayName) — tenderlint", body: body,
                    switchTo: "/r/\(id)", query: PageRenderer.filterQuery(filter))
    }

    /// The filter as query parameters, in a fixed order.
    static func filterQuery(_ filter: FindingFilter) -> [(String, String)] {
        Category.allCases.filter(filter.categories.contains).map { ("categorie", $0.rawValue) }
            + Severity.allCases.reversed().filter(filter.severities.contains).map { ("ernst", $0.rawValue) }
    }

    /// An error page: what went wrong, what to do, and the form to try again.
    func error(_ message: String, detail: String? = nil, advice: String? = nil) -> String {
        var body = "<h1 id=\"title\">\(text.errorTitle)</h1>\n"
        var inner = "<p>\(HTMLEscaping.escape(message))</p>"
        if let detail { inner += "<p><strong>\(HTMLEscaping.escape(detail))</strong></p>" }
        if let advice { inner += "<p>\(HTMLEscaping.escape(advice))</p>" }
        body += "<div class=\"alert\" role=\"alert\">\(inner)</div>\n"
        body += uploadForm()
        body += "<p><a href=\"/\(langQuery)\">\(text.backHome)</a></p>\n"
        return page(title: "\(text.errorTitle) — tenderlint", body: body, switchTo: "/")
    }

    /// A downloadable report format.
    struct Download {
        var label: String
        var fileName: String
    }

    private func alert(_ message: String) -> String {
        "<div class=\"alert\" role=\"alert\"><p>\(HTMLEscaping.escape(message))</p></div>\n"
    }

    private func uploadForm() -> String {
        var out = "<form class=\"upload\" method=\"post\" action=\"/lint\(langQuery)\" enctype=\"multipart/form-data\">\n"
        out += "<fieldset class=\"dropzone\"><legend>\(text.fileLegend)</legend>\n"
        out += "<label for=\"bestand\">\(HTMLEscaping.escape(text.fileLabel(maxMB: maxMB)))</label><br>\n"
        out += "<input type=\"file\" id=\"bestand\" name=\"bestand\" accept=\".docx,.odt,.fodt,.pdf,.txt,.md,.markdown,.xml\">\n"
        out += "<p class=\"hint\">\(text.dropHint)</p></fieldset>\n"
        out += "<fieldset><legend>\(text.pasteLegend)</legend>\n"
        out += "<label for=\"tekst\">\(text.pasteLabel)</label>\n<textarea id=\"tekst\" name=\"tekst\" rows=\"8\"></textarea></fieldset>\n"
        out += "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">\n"
        out += "<p><button type=\"submit\" class=\"primary\">\(text.submit)</button></p>\n</form>\n"
        return out
    }

    /// The filters, folded unless one is active.
    private func filterForm(id: String, filter: FindingFilter) -> String {
        var out = "<details class=\"fold\"\(filter.isEmpty ? "" : " open")><summary><h2 id=\"filters-title\">\(text.filters)</h2></summary>\n"
        out += "<form class=\"filters\" method=\"get\" action=\"/r/\(id)\" aria-labelledby=\"filters-title\">\n"
        out += "<fieldset><legend>\(text.category)</legend>\n"
        for category in Category.allCases {
            let checked = filter.categories.contains(category) ? " checked" : ""
            out += "<label><input type=\"checkbox\" name=\"categorie\" value=\"\(category.rawValue)\"\(checked)> \(HTMLEscaping.escape(category.label(language)))</label>\n"
        }
        out += "</fieldset>\n<fieldset><legend>\(text.severity)</legend>\n"
        for severity in Severity.allCases.reversed() {
            let checked = filter.severities.contains(severity) ? " checked" : ""
            out += "<label><input type=\"checkbox\" name=\"ernst\" value=\"\(severity.rawValue)\"\(checked)> \(HTMLEscaping.escape(severity.label(language)))</label>\n"
        }
        out += "</fieldset>\n"
        if language == .en { out += "<input type=\"hidden\" name=\"lang\" value=\"en\">\n" }
        out += "<p><button type=\"submit\">\(text.applyFilter)</button> <a href=\"/r/\(id)\(langQuery)\">\(text.showAll)</a></p>\n</form>\n</details>\n"
        return out
    }

    /// The page around `body`. The language link points at `switchTo` with `query` (and
    /// `lang=en` for English): the same page in the other language.
    func page(title: String, body: String, switchTo: String, query: [(String, String)] = []) -> String {
        let other = text.otherLanguageCode
        let items = query + (other == "en" ? [("lang", "en")] : [])
        let switchHref = switchTo + (items.isEmpty ? "" : "?" + items.map { "\($0.0)=\($0.1)" }.joined(separator: "&amp;"))
        var out = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(HTMLEscaping.escape(title))</title>\n"
        out += "<link rel=\"stylesheet\" href=\"/assets/tenderlint.css\">\n"
        out += "<script src=\"/assets/tenderlint.js\" defer></script>\n</head>\n<body>\n"
        out += "<a class=\"skip\" href=\"#main\">\(text.skipToContent)</a>\n"
        out += "<header class=\"page\"><p><strong>tenderlint</strong> · <a href=\"\(switchHref)\" lang=\"\(other)\" hreflang=\"\(other)\">\(text.otherLanguage)</a></p></header>\n"
        out += "<main id=\"main\" aria-labelledby=\"title\">\n\(body)</main>\n"
        out += "<footer class=\"page\"><p>tenderlint \(HTMLEscaping.escape(TenderlintVersion.current)) · \(text.footer)</p></footer>\n"
        out += "</body>\n</html>\n"
        return out
    }
}
