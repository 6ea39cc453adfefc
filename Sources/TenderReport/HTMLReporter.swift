import TenderLint
import TenderRules

/// One self-contained HTML page (inline CSS and script, no network): a summary with counts and
/// burden, then the clauses with findings marked in place and a panel per finding with its
/// legal basis, model article and burden. Dutch by default, English with `--lang en`.
public struct HTMLReporter: Reporter {
    public static let identifier = "html"
    public static let summary = "één zelfstandige HTML-pagina met de bevindingen in de tekst gemarkeerd"

    let options: ReportOptions
    let catalogue: Catalogue

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
    }

    public func report(_ result: LintResult) throws -> String {
        HTMLReporter.page(body: HTMLReportBody(result: result, catalogue: catalogue, options: options).render(), options: options)
    }

    /// A complete page around `body` (already HTML), with the shared stylesheet and script inline.
    public static func page(body: String, options: ReportOptions) -> String {
        let labels = HTMLLabels(options.language)
        let lang = options.language.rawValue
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"tenderlint \(HTMLEscaping.escape(options.toolVersion))\">\n"
        out += "<title>\(labels.pageTitle)</title>\n<style>\n\(HTMLStyle.css)\n</style>\n</head>\n<body>\n"
        out += "<header class=\"page\"><h1>\(labels.pageTitle)</h1></header>\n"
        out += "<main>\n\(body)</main>\n"
        out += "<footer class=\"page\"><p>\(labels.generatedBy) \(HTMLEscaping.escape(options.toolVersion)).</p></footer>\n"
        out += "<script>\n\(HTMLStyle.script)\n</script>\n</body>\n</html>\n"
        return out
    }
}
