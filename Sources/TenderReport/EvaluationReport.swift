import Foundation
import TenderLint
import TenderRules

/// Renders an `Evaluation`: overall precision and recall, then per rule and per topic.
public struct EvaluationReport {
    let evaluation: Evaluation
    let catalogue: Catalogue

    public init(evaluation: Evaluation, catalogue: Catalogue) {
        self.evaluation = evaluation
        self.catalogue = catalogue
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
        let o = evaluation.overall
        var out = md ? "" : "Evaluatie op \(evaluation.clauseCount) clausules\n"
        out += (md ? "**Overall:** " : "Totaal: ") + "precisie \(pct(o.precision)), recall \(pct(o.recall)) (TP \(o.truePositives), FP \(o.falsePositives), FN \(o.falseNegatives))\n\n"
        if !evaluation.byStyle.isEmpty {
            out += md ? "### Per stijl\n\n" : "Per stijl:\n"
            out += row(["stijl", "TP", "FP", "FN", "precisie", "recall"])
            if md { out += "|---|---|---|---|---|---|\n" }
            for (style, s) in evaluation.byStyle.sorted(by: { $0.key < $1.key }) {
                out += row([style, "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)", pct(s.precision), pct(s.recall)])
            }
            out += "\n"
        }
        out += md ? "### Per regel\n\n" : "Per regel:\n"
        out += row(["regel", "TP", "FP", "precisie"])
        if md { out += "|---|---|---|---|\n" }
        for rule in catalogue.rules {
            let s = evaluation.byRule[rule.id] ?? Evaluation.Score()
            out += row([rule.id, "\(s.truePositives)", "\(s.falsePositives)", pct(s.precision)])
        }
        out += md ? "\n### Per topic\n\n" : "\nPer topic:\n"
        out += row(["topic", "TP", "FP", "FN", "precisie", "recall"])
        if md { out += "|---|---|---|---|---|---|\n" }
        for topic in catalogue.taxonomy.topics {
            let s = evaluation.byTopic[topic.id] ?? Evaluation.Score()
            out += row([topic.id, "\(s.truePositives)", "\(s.falsePositives)", "\(s.falseNegatives)", pct(s.precision), pct(s.recall)])
        }
        if verbose {
            out += "\n"
            for m in evaluation.mistakes {
                out += "\(m.kind == "false-positive" ? "onterecht" : "gemist") \(m.clause) [\(m.topic)\(m.rule.map { " via \($0)" } ?? "")]: \(m.text)\n"
            }
        }
        return out
    }
}
