import TenderDocument
import TenderLint
import TenderRules

/// One line per finding (`path:line:col: severity [rule] message (model: id)`), as linters print
/// for a terminal or an editor's problem matcher; each model article used is printed in full once,
/// after the findings, then the summary.
public struct CompactReporter: StreamingReporter {
    public static let identifier = "compact"
    public static let summary = "één regel per bevinding; elk modelartikel één keer voluit aan het eind"

    let options: ReportOptions
    let catalogue: Catalogue
    let text: FindingText
    /// The model articles named so far, in order of first use, with the finding that rendered them.
    private var models: [(id: String, finding: Finding)] = []
    private var seen: Set<String> = []

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    private var en: Bool { options.language == .en }
    private func paint(_ s: String, _ code: String) -> String { options.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public mutating func section(_ document: DocumentResult) -> String {
        var out = ""
        for f in document.findings where f.suppression == nil {
            let color = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
            out += "\(f.path):\(f.start.lineNumber):\(f.start.column): \(paint(f.severity.label(options.language), color)) [\(f.ruleId)] \(text.message(f))"
            if let model = f.model {
                out += en ? " (model: \(model.id))" : " (model: \(model.id))"
                if seen.insert(model.id).inserted { models.append((model.id, f)) }
            }
            out += "\n"
        }
        for w in document.warnings { out += "\(en ? "warning" : "let op"): \(w.message(english: en))\n" }
        return out
    }

    public mutating func closing(_ totals: LintTotals, staleBaseline entries: [BaselineEntry], errors: [InputError]) -> String {
        var out = ""
        if !models.isEmpty {
            out += "\n" + (en ? "Model articles" : "Modelartikelen") + ":\n"
            for (id, finding) in models {
                let rendered = text.model(ModelProposal(id: id, reason: .rule), of: finding)
                out += "\n[\(id)] \(rendered.title)\n"
                for paragraph in rendered.text.trimmingCharacters(in: .whitespacesAndNewlines).components(separatedBy: "\n") {
                    out += "  \(paragraph)\n"
                }
            }
            out += "\n"
        }
        let plain = TextReporter(options: options, catalogue: catalogue)
        return out + plain.summaryLine(totals) + "\n"
    }
}

import Foundation
