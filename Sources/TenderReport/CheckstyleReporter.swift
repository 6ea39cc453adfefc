import TenderDocument
import TenderLint
import TenderRules

/// Checkstyle XML (version 4.3), read by Jenkins' Warnings plugin, reviewdog, SonarQube and
/// many CI tools: one `<file>` per document with one `<error>` per active finding.
///
/// `line` is the line for text, the paragraph for DOCX/ODT, the element's line for XML and the
/// line on the page for PDF (`SourceLocation.lineNumber`); for all but text the message names
/// the paragraph, element or page. `column` counts code points in the line or paragraph and is
/// left out for XML and PDF, whose columns are no columns of the file. `source` is
/// `tenderlint.<rule-id>`. Written document by document as the run goes (bounded memory).
public struct CheckstyleReporter: StreamingReporter {
    public static let identifier = "checkstyle"
    public static let summary = "Checkstyle-XML (Jenkins, reviewdog, SonarQube)"

    let options: ReportOptions
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    public func opening() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n" }

    public func section(_ document: DocumentResult) -> String {
        let en = options.language == .en
        var out = "  <file name=\"\(XMLText.attribute(ReportPosition.path(document.path)))\">\n"
        for f in document.findings where f.suppression == nil {
            var message = text.message(f)
            if case .line = f.start {} else { message += " (\(f.start.describe(english: en)))" }
            var column = ""
            switch f.start {
            case .line, .paragraph: column = " column=\"\(ReportPosition.codePointColumns(f).start)\""
            case .xml, .page: break
            }
            out += "    <error line=\"\(f.start.lineNumber)\"\(column) severity=\"\(f.severity.rawValue)\""
                + " message=\"\(XMLText.attribute(message))\" source=\"tenderlint.\(XMLText.attribute(f.ruleId))\"/>\n"
        }
        return out + "  </file>\n"
    }

    public func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        let en = options.language == .en
        var out = ""
        // An unreadable file is an error on that file.
        for error in errors {
            let path = error.path, e = error.message(english: en)
            out += "  <file name=\"\(XMLText.attribute(ReportPosition.path(path)))\">\n"
            out += "    <error line=\"1\" column=\"1\" severity=\"error\" message=\"\(XMLText.attribute(e))\" source=\"tenderlint.input\"/>\n"
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
