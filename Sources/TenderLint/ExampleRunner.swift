import TenderDocument
import TenderRules

/// Runs a rule's examples through the whole engine: a triggering example must produce exactly
/// the marked ranges with the rule's message; a non-triggering one nothing for that rule.
public enum ExampleRunner {
    /// A prefix with diacritics, a non-breaking hyphen, an em dash and curly quotes: every
    /// example must give the same findings behind it, shifted by its UTF-8 length.
    public static let multibytePrefix = "Één coöperatie\u{2011}café — “ja”. "

    /// Nil when the example behaves as written; otherwise a one-line failure
    /// (`file:line: expected … got …`).
    public static func check(_ example: RuleExample, engine: Engine, prefix: String = "") -> String? {
        guard let rule = engine.catalogue.rule(example.ruleId) else { return "\(example.file):\(example.line): unknown rule \(example.ruleId)" }
        let engine = isolated(engine, rule: rule.id)
        let text = prefix + example.text
        let shift = prefix.utf8.count
        let document = Document(path: example.file, format: .text, contentHash: "",
                                blocks: [Block(kind: .paragraph, text: text, firstLine: example.line)],
                                date: date(of: example, rule: rule))
        let domains: Set<Domain>? = example.domain.map { [$0] } ?? (rule.domains.isEmpty ? nil : Set(rule.domains))
        let findings = engine.lint(document, domains: domains).findings.filter { $0.ruleId == rule.id }
        let expected = example.expectedRanges.map { ($0.lowerBound + shift)..<($0.upperBound + shift) }
        let got = findings.map(\.excerptRange)
        let place = "\(example.file):\(example.line):"
        let variant = prefix.isEmpty ? "" : " (with multi-byte prefix)"
        guard got == expected else {
            func show(_ r: [Range<Int>]) -> String {
                r.isEmpty ? "none" : r.map { "\($0.lowerBound - shift)..<\($0.upperBound - shift) \"\(slice(text, $0))\"" }.joined(separator: ", ")
            }
            return "\(place) \(rule.id) \(example.triggering ? "triggering" : "non-triggering") #\(example.index)\(variant): expected \(show(expected)), got \(show(got))"
        }
        // The message as a Dutch report renders it: the rule's template with the matched text.
        let renderer = FindingText(catalogue: engine.catalogue, language: .nl)
        for (finding, range) in zip(findings, expected) {
            let template = rule.message.text(.nl)
            let rendered = template.replacingAll("{match}", with: slice(text, range).foldingWhitespace())
            let message = renderer.message(finding)
            let matches = template.contains("{quantity}")
                ? message.hasPrefix(String(rendered.prefix { $0 != "{" }))
                : message == rendered
            if !matches {
                return "\(place) \(rule.id) #\(example.index)\(variant): message \"\(message)\" is not the rule's message \"\(rendered)\""
            }
        }
        return nil
    }

    /// The date an example's document is judged by: its own, else a day in its rule's period;
    /// nil (today's law) for a rule that always holds.
    static func date(of example: RuleExample, rule: Rule) -> DocumentDate? {
        guard let day = example.date ?? rule.valid?.someDay else { return nil }
        return DocumentDate(day: day, source: .option)
    }

    /// The marker the suppression mutation appends to a triggering example, in the same paragraph.
    public static func suppressionMarker(for ruleId: String) -> String {
        " [tenderlint: negeer \(ruleId) — voorbeeld van een aanvaarde afwijking]"
    }

    /// The engine with only `rule` of the catalogue enabled: an example tests its own rule, and
    /// another rule of the same topic on the same clause would otherwise take its place (the
    /// engine keeps one finding per clause and topic).
    static func isolated(_ engine: Engine, rule: String) -> Engine {
        var options = engine.options
        options.disabledRules.formUnion(engine.catalogue.rules.lazy.map(\.id).filter { $0 != rule })
        return engine.with(options: options)
    }

    /// The suppression mutation: nil when the triggering `example`, with a suppression marker
    /// for its rule appended in the same paragraph, gives no active finding of the rule and no
    /// finding about the marker, and silences exactly the findings the example gives without the
    /// marker; otherwise a one-line failure. Whether those are the marked ranges is `check`'s
    /// business, so a wrong range is reported once. A non-triggering example passes.
    public static func checkSuppressed(_ example: RuleExample, engine: Engine) -> String? {
        guard example.triggering else { return nil }
        guard let rule = engine.catalogue.rule(example.ruleId) else { return "\(example.file):\(example.line): unknown rule \(example.ruleId)" }
        let engine = isolated(engine, rule: rule.id)
        let domains: Set<Domain>? = example.domain.map { [$0] } ?? (rule.domains.isEmpty ? nil : Set(rule.domains))
        func findings(_ text: String) -> [Finding] {
            let document = Document(path: example.file, format: .text, contentHash: "",
                                    blocks: [Block(kind: .paragraph, text: text, firstLine: example.line)],
                                date: date(of: example, rule: rule))
            return engine.lint(document, domains: domains).findings
        }
        let plain = findings(example.text).filter { $0.ruleId == rule.id }.map(\.excerptRange)
        // Nothing to silence: `check` reports the missing finding.
        guard !plain.isEmpty else { return nil }
        let marked = findings(example.text + suppressionMarker(for: rule.id))
        let active = marked.filter { $0.suppression == nil && ($0.ruleId == rule.id || SuppressionRule.rule($0.ruleId) != nil) }
        let silenced = marked.filter { $0.ruleId == rule.id && $0.suppressionKind == .document }.map(\.excerptRange)
        guard active.isEmpty, silenced == plain else {
            let text = FindingText(catalogue: engine.catalogue, language: .nl)
            let got = active.map { "[\($0.ruleId)] \(text.message($0))" }.joined(separator: "; ")
            return "\(example.file):\(example.line): \(rule.id) triggering #\(example.index) (with a suppression marker): "
                + "expected \(plain.count) silenced and no active finding, got \(silenced.count) silenced"
                + (got.isEmpty ? "" : ", active: \(got)")
        }
        return nil
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        guard range.upperBound <= utf8.count else { return "" }
        return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}
