import TenderDocument
import TenderLint
import TenderRules

/// GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per active finding,
/// which GitHub shows as an annotation on the file and line of the pull request.
///
/// `file` is the path as given (run tenderlint from the repository root). Text and Markdown get
/// `line`, `endLine`, `col` and `endColumn`; XML the element's line only; DOCX, ODT and PDF have
/// no lines GitHub could show, so their annotation names the file and says the paragraph or page
/// in the message. Values are escaped as the runner expects: `%`, CR and LF everywhere, and also
/// `:` and `,` inside properties.
public struct GitHubReporter: StreamingReporter {
    public static let identifier = "github"
    public static let summary = "annotaties voor GitHub Actions (::warning file=…,line=…::…)"

    let options: ReportOptions
    let catalogue: Catalogue
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    private var en: Bool { options.language == .en }

    public func section(_ document: DocumentResult) -> String {
        var out = ""
        for f in document.findings where f.suppression == nil { out += line(for: f) + "\n" }
        return out
    }

    public func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        var out = ""
        for entry in staleBaseline {
            let title = en ? "Stale baseline entry" : "Verouderd baseline-item"
            let message = en
                ? "The baseline accepts a finding of \(entry.rule) (\"\(entry.match)\") that no longer occurs; remove it from the baseline."
                : "De baseline aanvaardt een bevinding van \(entry.rule) (\"\(entry.match)\") die niet meer voorkomt; haal haar uit de baseline."
            out += "::notice file=\(Self.property(ReportPosition.path(entry.path))),title=\(Self.property(title))::\(Self.data(message))\n"
        }
        for e in errors { out += "::error::\(Self.data(e.message(english: en)))\n" }
        out += TextReporter(options: ReportOptions(language: options.language, color: false, toolVersion: options.toolVersion),
                            catalogue: catalogue).summaryLine(totals) + "\n"
        return out
    }

    /// The workflow command for one finding.
    func line(for f: Finding) -> String {
        let command: String
        switch f.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .info: command = "notice"
        }
        var properties = ["file=" + Self.property(ReportPosition.path(f.path))]
        var message = text.message(f)
        let columns = ReportPosition.codePointColumns(f)
        switch f.start {
        case let .line(l, _):
            let endLine = max(l, f.end.lineNumber)
            properties += ["line=\(l)", "endLine=\(endLine)", "col=\(columns.start)"]
            if endLine == l { properties.append("endColumn=\(max(columns.start, columns.end))") }
        case let .xml(_, l, _):
            properties.append("line=\(l)")
            message += " (\(f.start.describe(english: en)))"
        case .paragraph, .page:
            message += " (\(f.start.describe(english: en)))"
        }
        properties.append("title=" + Self.property("\(text.title(f)) [\(f.ruleId)]"))
        if !f.basis.isEmpty {
            message += "\n" + (en ? "Basis: " : "Grondslag: ") + f.basis.map(\.citation).joined(separator: "; ")
        }
        if let model = text.model(of: f) {
            message += "\n" + (en ? "Model article: " : "Modelartikel: ") + "\(model.title) (\(model.id))"
        }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.data(message))"
    }

    /// A command's message: `%`, CR and LF escaped.
    static func data(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A command's property value: as `data`, and `:` and `,` escaped too.
    static func property(_ s: String) -> String {
        var out = ""
        for c in data(s).unicodeScalars {
            switch c {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
