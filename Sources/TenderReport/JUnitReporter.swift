import TenderDocument
import TenderLint
import TenderRules

/// JUnit XML, for CI systems that show test results (GitLab `artifacts:reports:junit`, Jenkins,
/// Azure Pipelines): one `<testsuite>` per document and one `<testcase>` per rule that ran on it.
/// A rule with active findings fails, with every finding in the failure's text; silenced
/// findings do not fail and are listed in `<system-out>` with their reason. An unreadable file
/// is a test case with an `<error>` in a suite named `tenderlint`. No timings: the same input
/// gives the same bytes. Written document by document as the run goes (bounded memory), so the
/// root `<testsuites>` carries no totals: each suite has its own, and CI systems add them up.
public struct JUnitReporter: StreamingReporter {
    public static let identifier = "junit"
    public static let summary = "JUnit-XML (GitLab, Jenkins, Azure Pipelines)"

    let options: ReportOptions
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    private var en: Bool { options.language == .en }

    public func opening() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"tenderlint\">\n"
    }

    /// One `<testsuite>` per document, with its own totals.
    public func section(_ document: DocumentResult) -> String {
        let path = ReportPosition.path(document.path)
        var rules = document.checkedRules
        for f in document.findings where !rules.contains(f.ruleId) { rules.append(f.ruleId) }
        rules.sort()
        var cases = ""
        var failures = 0
        for rule in rules {
            let findings = document.findings.filter { $0.ruleId == rule }
            let active = findings.filter { $0.suppression == nil }
            let silenced = findings.filter { $0.suppression != nil }
            let name = "name=\"\(XMLText.attribute(rule))\" classname=\"\(XMLText.attribute(path))\""
            guard !active.isEmpty || !silenced.isEmpty else {
                cases += "    <testcase \(name)/>\n"
                continue
            }
            cases += "    <testcase \(name)>\n"
            if !active.isEmpty {
                failures += 1
                let worst = active.map(\.severity).max() ?? .warning
                let count = en ? "\(active.count) finding\(active.count == 1 ? "" : "s")"
                               : "\(active.count) bevinding\(active.count == 1 ? "" : "en")"
                let body = active.map(describe).joined(separator: "\n\n")
                cases += "      <failure type=\"\(worst.rawValue)\" message=\"\(XMLText.attribute(count + ": " + text.title(active[0])))\">"
                    + XMLText.content(body) + "</failure>\n"
            }
            if !silenced.isEmpty {
                let lines = silenced.map { f in
                    "\(path):\(f.start.lineNumber):\(f.start.column): "
                        + (en ? "silenced" : "onderdrukt") + " (\(f.suppressionKind?.label(english: en) ?? "?")): \(f.suppression ?? "")"
                }
                cases += "      <system-out>" + XMLText.content(lines.joined(separator: "\n")) + "</system-out>\n"
            }
            cases += "    </testcase>\n"
        }
        return "  <testsuite name=\"\(XMLText.attribute(path))\" tests=\"\(rules.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            + cases + "  </testsuite>\n"
    }

    /// Unreadable files as one more suite of errors.
    public func closing(_ totals: LintTotals, staleBaseline: [BaselineEntry], errors: [InputError]) -> String {
        var out = ""
        if !errors.isEmpty {
            out += "  <testsuite name=\"tenderlint\" tests=\"\(errors.count)\" failures=\"0\" errors=\"\(errors.count)\" skipped=\"0\">\n"
            for error in errors {
                let path = error.path, e = error.message(english: en)
                out += "    <testcase name=\"\(en ? "read" : "lezen")\" classname=\"\(XMLText.attribute(ReportPosition.path(path)))\">\n"
                out += "      <error type=\"input\" message=\"\(XMLText.attribute(e))\"/>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }

    /// One finding as a few lines: position, message, clause, basis, model.
    private func describe(_ f: Finding) -> String {
        var s = "\(ReportPosition.path(f.path)):\(f.start.lineNumber):\(f.start.column): \(f.severity.label(options.language)) [\(f.ruleId)] \(text.message(f))"
        if case .line = f.start {} else { s += "\n  " + f.start.describe(english: en) }
        if !f.headingPath.isEmpty { s += "\n  " + (en ? "Clause: " : "Clausule: ") + f.headingPath.joined(separator: " › ") }
        if !f.basis.isEmpty { s += "\n  " + (en ? "Basis: " : "Grondslag: ") + f.basis.map(\.citation).joined(separator: "; ") }
        if let m = text.model(of: f) { s += "\n  " + (en ? "Model article: " : "Modelartikel: ") + "\(m.title) (\(m.id))" }
        return s
    }
}
