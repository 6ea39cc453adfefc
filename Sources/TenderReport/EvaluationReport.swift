import Foundation
import TenderLint
import TenderRules

/// Renders an `Evaluation`: overall precision and recall, then per rule and per topic.
public struct EvaluationReport {
    let evaluation: Evaluation
    let catalogue: Catalogue
    let language: Language

    public init(evaluation: Evaluation, catalogue: Catalogue, language: Language = .nl) {
        self.evaluation = evaluation
        self.catalogue = catalogue
        self.language = language
    }

    public func render(format: String, verbose: Bool) throws -> String {
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Out: Encodable {
                var clauses: Int; var overall: Evaluation.Score; var byRule: [String: Evaluation.Score]
                var byTopic: [String: Evaluation.Score]; var byStyle: [String: Evaluation.Score]; var mistakes: [Evaluation.Mistake]
            }
            let out = Out(clauses: evaluation.clauseCount, overall: evaluation.overall, byRule: evaluation.byRule,
                          byTopic: evaluation.byTopic, byStyle: evaluation.byStyle, mistakes: evaluation.mistakes)
            return String(decoding: try encoder.encode(out), as: UTF8.self) + "\n"
        }
        let md = format == "markdown"
        func pct(_ v: Double?) -> String { v.map { String(format: "%.2f", $0) } ?? "–" }
        func row(_ cells: [String]) -> String {
            md ? "| " + cells.joined(separator: " | ") + " |\n" : cells.enumerated().map { i, c in i == 0 ? c.padding(toLength: 40, withPad: " ", startingAt: 0) : c.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined() + "\n"
        }
        let en = language == .en
        func t(_ nl: String, _ english: String) -> String { en ? english : nl }
        let o = evaluation.overall
        var out = md ? "" : t("Evaluatie op \(evaluation.clauseCount) clausules\n", "Evaluation on \(evaluation.clauseCount) clauses\n")
        out += (md ? "**Overall:** " : t("Totaal: ", "Overall: ")) + t("precisie", "precision") + " \(pct(o.precision)), recall \(pct(o.recall)) (TP \(o.truePositives), FP \(o.falsePositives), FN \(o.falseNegatives))\n\n"
        if !evaluation.byStyle.isEmpty {
            out += md ? t("### Per stijl\n\n", "### By style\n\n") : t("Per stijl:\n", "By style:\n")
            out += row([t("stijl", "style"), "TP", "FP", "FN", t("precisie", "precision"), "recall"])
            if md { out += "|---|---|---|---|---|---|\n" }
            for (style, s) in evaluation.byStyle.sorted(by: { $0.key < $1.key }) {
                out += row([style, "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)", pct(s.precision), pct(s.recall)])
            }
            out += "\n"
        }
        out += md ? t("### Per regel\n\n", "### By rule\n\n") : t("Per regel:\n", "By rule:\n")
        out += row([t("regel", "rule"), "TP", "FP", t("precisie", "precision")])
        if md { out += "|---|---|---|---|\n" }
        for rule in catalogue.rules {
            let s = evaluation.byRule[rule.id] ?? Evaluation.Score()
            out += row([rule.id, "\(s.truePositives)", "\(s.falsePositives)", pct(s.precision)])
        }
        out += md ? t("\n### Per topic\n\n", "\n### By topic\n\n") : t("\nPer topic:\n", "\nBy topic:\n")
        out += row(["topic", "TP", "FP", "FN", t("precisie", "precision"), "recall"])
        if md { out += "|---|---|---|---|---|---|\n" }
        for topic in catalogue.taxonomy.topics {
            let s = evaluation.byTopic[topic.id] ?? Evaluation.Score()
            out += row([topic.id, "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)", pct(s.precision), pct(s.recall)])
        }
        if verbose {
            out += "\n"
            for m in evaluation.mistakes {
                out += "\(m.kind == "false-positive" ? t("onterecht", "false positive") : t("gemist", "missed")) \(m.clause) [\(m.topic)\(m.rule.map { " via \($0)" } ?? "")]: \(m.text)\n"
            }
        }
        return out
    }
}
