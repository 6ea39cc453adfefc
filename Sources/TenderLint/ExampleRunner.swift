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
        let text = prefix + example.text
        let shift = prefix.utf8.count
        let document = Document(path: example.file, format: .text, contentHash: "",
                                blocks: [Block(kind: .paragraph, text: text, firstLine: example.line)])
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
        for (finding, range) in zip(findings, expected) {
            let language = engine.options.language
            let template = rule.message.text(language)
            let rendered = template.replacingAll("{match}", with: slice(text, range))
            let matches = template.contains("{quantity}")
                ? finding.message.hasPrefix(String(rendered.prefix { $0 != "{" }))
                : finding.message == rendered
            if !matches {
                return "\(place) \(rule.id) #\(example.index)\(variant): message \"\(finding.message)\" is not the rule's message \"\(rendered)\""
            }
        }
        return nil
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let utf8 = text.utf8
        guard range.upperBound <= utf8.count else { return "" }
        return String(text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }
}
