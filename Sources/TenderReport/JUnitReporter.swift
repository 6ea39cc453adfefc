import TenderDocument
import TenderLint
import TenderRules

/// JUnit XML, for CI systems that show test results (GitLab `artifacts:reports:junit`, Jenkins,
/// Azure Pipelines): one `<testsuite>` per document and one `<testcase>` per rule that ran on it.
/// A rule with active findings fails, with every finding in the failure's text; silenced
/// findings do not fail and are listed in `<system-out>` with their reason. An unreadable file
/// is a test case with an `<error>` in a suite named `tenderlint`. No timings: the same input
/// gives the same bytes.
public struct JUnitReporter: Reporter {
    public static let identifier = "junit"
    public static let summary = "JUnit-XML (GitLab, Jenkins, Azure Pipelines)"

    let options: ReportOptions
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    private var en: Bool { options.language == .en }

    public func report(_ result: LintResult) throws -> String {
        var suites = ""
        var totalTests = 0
        var totalFailures = 0
        for document in result.documents {
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
            totalTests += rules.count
            totalFailures += failures
            suites += "  <testsuite name=\"\(XMLText.attribute(path))\" tests=\"\(rules.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            suites += cases + "  </testsuite>\n"
        }
        if !result.errors.isEmpty {
            suites += "  <testsuite name=\"tenderlint\" tests=\"\(result.errors.count)\" failures=\"0\" errors=\"\(result.errors.count)\" skipped=\"0\">\n"
            for error in result.errors {
                let path = error.path, e = error.message(english: en)
                suites += "    <testcase name=\"\(en ? "read" : "lezen")\" classname=\"\(XMLText.attribute(ReportPosition.path(path)))\">\n"
                suites += "      <error type=\"input\" message=\"\(XMLText.attribute(e))\"/>\n    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        totalTests += result.errors.count
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites name=\"tenderlint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"\(result.errors.count)\">\n"
            + suites + "</testsuites>\n"
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
