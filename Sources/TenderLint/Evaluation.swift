import Foundation
import TenderDocument
import TenderFormats
import TenderRules
import Yams

/// A labelled evaluation set (`samples/evaluation/clauses.yml`) and the scores the engine gets on it.
///
/// Each clause is linted on its own as a document of its domain: a one-line clause as one
/// paragraph, a clause of several lines (a table, a list under its lead-in, a question and its
/// answer) as the Markdown reader reads such a document. Scoring counts
/// clause–topic pairs: a topic the engine reports and the label names is a true positive, one it
/// reports that the label does not name a false positive, one the label names that the engine
/// misses a false negative.
public struct Evaluation: Sendable {
    public struct Clause: Sendable, Codable {
        public var id: String
        public var domain: Domain?
        public var text: String
        public var topics: [String]
        /// How the clause is written (`table`, `list`, `passive`, `qa`, …), in sets that say.
        public var style: String?
        /// The date of the clause's document (`yyyy-mm-dd`), in sets that say: the clause is
        /// judged by the law of that day (else by today's).
        public var date: String?
    }

    public struct Score: Sendable, Codable {
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0
        public init() {}
        public var precision: Double? { truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double? { truePositives + falseNegatives == 0 ? nil : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    /// One miss or false alarm, for the report.
    public struct Mistake: Sendable, Codable {
        public var clause: String
        public var topic: String
        public var rule: String?
        public var kind: String
        public var text: String
    }

    public var overall = Score()
    public var byTopic: [String: Score] = [:]
    public var byRule: [String: Score] = [:]
    /// Per writing style, for sets whose clauses name one.
    public var byStyle: [String: Score] = [:]
    public var mistakes: [Mistake] = []
    public var clauseCount = 0

    /// Loads the clauses of an evaluation file.
    public static func load(_ path: String) throws -> [Clause] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw EvaluationError(path: path, nl: "bestand niet gevonden", en: "file not found")
        }
        let clauses: [Clause]
        do {
            clauses = try YAMLDecoder().decode([Clause].self, from: String(decoding: data, as: UTF8.self))
        } catch {
            throw EvaluationError(path: path, nl: "geen geldige evaluatieset (\(error))", en: "not a valid evaluation set (\(error))")
        }
        if let bad = clauses.first(where: { c in c.date.map { DocumentDate.validDay($0) == nil } ?? false }) {
            throw EvaluationError(path: path, nl: "\(bad.id): '\(bad.date ?? "")' is geen datum in de vorm jjjj-mm-dd",
                                  en: "\(bad.id): '\(bad.date ?? "")' is not a date written yyyy-mm-dd")
        }
        return clauses
    }

    /// Scores `engine` on `clauses`.
    public init(clauses: [Clause], engine: Engine) {
        clauseCount = clauses.count
        for c in clauses {
            let trimmed = c.text.trimmingCharacters(in: .whitespacesAndNewlines)
            var document = trimmed.contains("\n")
                ? ((try? DocumentReader().read(bytes: Array(trimmed.utf8), path: c.id + ".md"))
                    ?? Document(path: c.id, format: .markdown, contentHash: "", blocks: []))
                : Document(path: c.id, format: .text, contentHash: "", blocks: [Block(kind: .paragraph, text: c.text, firstLine: 1)])
            document.date = c.date.flatMap { DocumentDate(day: $0, source: .option) }
            let findings = engine.lint(document, domains: c.domain.map { [$0] }).findings
            let labelled = Set(c.topics)
            let predicted = Set(findings.map(\.topic))
            for topic in predicted.union(labelled) {
                let hit = predicted.contains(topic), wanted = labelled.contains(topic)
                var s = byTopic[topic, default: Score()]
                var st = byStyle[c.style ?? "", default: Score()]
                defer { if c.style != nil { byStyle[c.style!] = st } }
                if hit && wanted { s.truePositives += 1; overall.truePositives += 1; st.truePositives += 1 }
                if hit && !wanted {
                    s.falsePositives += 1; overall.falsePositives += 1; st.falsePositives += 1
                    mistakes.append(Mistake(clause: c.id, topic: topic, rule: findings.first { $0.topic == topic }?.ruleId, kind: "false-positive", text: c.text))
                }
                if !hit && wanted {
                    s.falseNegatives += 1; overall.falseNegatives += 1; st.falseNegatives += 1
                    mistakes.append(Mistake(clause: c.id, topic: topic, rule: nil, kind: "false-negative", text: c.text))
                }
                byTopic[topic] = s
            }
            for rule in Set(findings.map(\.ruleId)) {
                let topic = findings.first { $0.ruleId == rule }!.topic
                if labelled.contains(topic) { byRule[rule, default: Score()].truePositives += 1 } else { byRule[rule, default: Score()].falsePositives += 1 }
            }
        }
    }
}

/// A problem reading an evaluation set.
public struct EvaluationError: Error, CustomStringConvertible {
    public var path: String
    public var nl: String
    public var en: String
    /// The one-line message, naming the file.
    public func message(_ language: Language) -> String { "\(path): " + (language == .en ? en : nl) }
    public var description: String { message(.nl) }
}
