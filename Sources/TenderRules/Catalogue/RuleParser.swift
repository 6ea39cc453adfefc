import Foundation
import Yams
import TenderDocument
import TenderLanguage

/// Turns one rule file into a `Rule`, collecting every problem with its position.
struct RuleParser {
    let taxonomy: Taxonomy
    let lexicon: Lexicon
    let modelIds: Set<String>

    static let ruleKeys: Set<String> = [
        "id", "aliases", "topic", "category", "severity", "domains", "title", "message", "rationale", "basis",
        "match", "exceptions", "burden", "model", "model-parameters", "examples", "valid",
    ]

    func parse(_ text: String, file: String) -> (Rule?, [CatalogueError]) {
        var reader = YAMLNodeReader<CatalogueError>(file: file)
        guard let root = reader.compose(text, empty: .emptyFile) else { return (nil, reader.problems) }
        let m = reader.mapping(root, allowed: Self.ruleKeys.sorted(), what: "regel")
        let id = reader.string(m["id"], "id", in: root) ?? "?"
        let topicId = reader.string(m["topic"], "topic", in: root) ?? ""
        let topic = taxonomy.topic(topicId)
        if m["topic"] != nil, topic == nil { reader.fail(m["topic"], .unknownTopic(topicId)) }
        var category = topic?.category ?? .wettelijkGeregeld
        if let c = reader.optionalString(m["category"], "category") {
            if let parsed = Category(rawValue: c) {
                category = parsed
                if let topic, topic.category != parsed {
                    reader.fail(m["category"], .categoryDiffersFromTopic(c, topic: topicId, topicCategory: topic.category.rawValue))
                }
            } else {
                reader.fail(m["category"], .unknownCategory(c))
            }
        }
        var severity = Severity.warning
        if let s = reader.optionalString(m["severity"], "severity") {
            if let parsed = Severity(rawValue: s) { severity = parsed } else { reader.fail(m["severity"], .unknownSeverity(s)) }
        }
        var domains: [Domain] = []
        for d in reader.strings(m["domains"], "domains") {
            if let parsed = Domain(rawValue: d) { domains.append(parsed) } else { reader.fail(m["domains"], .unknownDomain(d)) }
        }
        let title = reader.localized(m["title"], "title", in: root)
        let message = reader.localized(m["message"], "message", in: root)
        let rationale = reader.localized(m["rationale"], "rationale", in: root)
        let basis = parseBasis(m["basis"], in: root, reader: &reader)
        var match: MatchSpec?
        if let node = m["match"] { match = parseMatch(node, reader: &reader, isException: false) } else { reader.fail(root, .missingKey("match")) }
        var exceptions: [MatchSpec] = []
        if let node = m["exceptions"] {
            if let seq = node.sequence {
                for item in seq { if let e = parseMatch(item, reader: &reader, isException: true) { exceptions.append(e) } }
            } else { reader.fail(node, .notAList("exceptions")) }
        }
        let burden = parseBurden(m["burden"], in: root, reader: &reader)
        let model = reader.string(m["model"], "model", in: root) ?? ""
        if m["model"] != nil, !modelIds.contains(model) { reader.fail(m["model"], .unknownModel(model)) }
        var modelParameters: [String: String] = [:]
        for (k, v) in m["model-parameters"]?.mapping ?? [:] { if let key = k.string { modelParameters[key] = v.string ?? "" } }
        let valid = m["valid"].flatMap { parsePeriod($0, reader: &reader) }
        let examples = parseExamples(m["examples"], ruleId: id, in: root, reader: &reader, valid: valid)

        guard reader.problems.isEmpty, let title, let message, let rationale, let match, let burden else {
            return (nil, reader.problems)
        }
        let rule = Rule(id: id, aliases: reader.strings(m["aliases"], "aliases"), topic: topicId, category: category,
                        severity: severity, domains: domains, title: title, message: message, rationale: rationale,
                        basis: basis, match: match, exceptions: exceptions, burden: burden, model: model,
                        modelParameters: modelParameters, examples: examples, valid: valid, file: file)
        return (rule, [])
    }

    /// `valid: {from: yyyy-mm-dd, until: yyyy-mm-dd}`: at least one end, real days, from ≤ until.
    private func parsePeriod(_ node: Node, reader: inout YAMLNodeReader<CatalogueError>) -> RulePeriod? {
        let problemsBefore = reader.problems.count
        let m = reader.mapping(node, allowed: ["from", "until"], what: "valid")
        func day(_ key: String) -> String? {
            guard let value = m[key] else { return nil }
            guard let text = reader.optionalString(value, key) else { return nil }
            guard let valid = DocumentDate.validDay(text) else { reader.fail(value, .invalidDate(text)); return nil }
            return valid
        }
        let from = day("from"), until = day("until")
        if m["from"] == nil, m["until"] == nil { reader.fail(node, .periodNeedsBound); return nil }
        if let from, let until, from > until { reader.fail(node, .emptyPeriod(from: from, until: until)); return nil }
        // A problem of the period itself (not one found earlier in the file) leaves no period.
        guard reader.problems.count == problemsBefore else { return nil }
        return RulePeriod(from: from, until: until)
    }

    private func parseBasis(_ node: Node?, in parent: Node, reader: inout YAMLNodeReader<CatalogueError>) -> [LegalBasis] {
        guard let node else { reader.fail(parent, .missingKey("basis")); return [] }
        let items = node.sequence.map(Array.init) ?? [node]
        var out: [LegalBasis] = []
        for item in items {
            let m = reader.mapping(item, allowed: ["law", "article", "bwb", "url", "status", "source", "domain"], what: "basis")
            guard let law = reader.string(m["law"], "law", in: item) else { continue }
            let statusText = reader.string(m["status"], "status", in: item) ?? "U"
            guard let status = Verification(rawValue: statusText) else { reader.fail(m["status"], .badVerification); continue }
            var domain: Domain?
            if let d = reader.optionalString(m["domain"], "domain") {
                domain = Domain(rawValue: d)
                if domain == nil { reader.fail(m["domain"], .unknownDomain(d)) }
            }
            if status != .unverified, m["source"] == nil {
                reader.fail(item, .basisWithoutSource(status: statusText))
            }
            out.append(LegalBasis(law: law, article: reader.optionalString(m["article"], "article"), bwb: reader.optionalString(m["bwb"], "bwb"),
                                  url: reader.optionalString(m["url"], "url"), status: status,
                                  source: reader.optionalString(m["source"], "source"), domain: domain))
        }
        if out.isEmpty { reader.fail(node, .noBasis) }
        return out
    }

    private func parseMatch(_ node: Node, reader: inout YAMLNodeReader<CatalogueError>, isException: Bool) -> MatchSpec? {
        let what = isException ? "exception" : "match"
        // `why` is read for both so a `why` on the match gets its own message, not "unknown key".
        let m = reader.mapping(node, allowed: ["all", "any", "near", "scope", "why"], what: what)
        var groups: [MatchGroup] = []
        if let any = m["any"] {
            if let g = parseGroup(any, reader: &reader) { groups.append(g) }
        }
        if let all = m["all"] {
            guard let seq = all.sequence else { reader.fail(all, .allNotAList); return nil }
            for item in seq {
                if let g = parseGroup(item, reader: &reader) { groups.append(g) }
            }
        }
        if groups.isEmpty { reader.fail(node, .needsAnyOrAll(what)); return nil }
        if !groups.contains(where: { if case .phrases = $0 { return true } else { return false } }) {
            reader.fail(node, .needsWordGroup(what))
        }
        var near: Int?
        if let n = m["near"] {
            if let v = n.int, v > 0 { near = v } else { reader.fail(n, .nearNotPositive) }
        }
        var scope = MatchScope.sentence
        if let s = reader.optionalString(m["scope"], "scope") {
            if let parsed = MatchScope(rawValue: s) { scope = parsed } else { reader.fail(m["scope"], .badScope) }
        }
        // Every exception says in a short text why it is no burden; the match has none.
        var why: String?
        if isException {
            if let w = m["why"] {
                why = reader.string(w, "why")?.trimmingCharacters(in: .whitespacesAndNewlines)
                if why?.isEmpty == true { reader.fail(w, .exceptionWithoutWhy) }
            } else {
                reader.fail(node, .exceptionWithoutWhy)
            }
        } else if let w = m["why"] {
            reader.fail(w, .whyOnMatch)
        }
        return MatchSpec(groups: groups, near: near, scope: scope, why: why)
    }

    /// A group: a phrase, a list of phrases, `{any: [...]}` or `{quantity: {...}}`.
    private func parseGroup(_ node: Node, reader: inout YAMLNodeReader<CatalogueError>) -> MatchGroup? {
        if node.scalar != nil || node.sequence != nil {
            return expand(reader.strings(node, "groep"), node: node, reader: &reader)
        }
        let m = reader.mapping(node, allowed: ["any", "quantity"], what: "groep")
        if let any = m["any"] { return expand(reader.strings(any, "any"), node: any, reader: &reader) }
        if let q = m["quantity"] { return parseQuantity(q, reader: &reader) }
        reader.fail(node, .badGroup)
        return nil
    }

    private func expand(_ phrases: [String], node: Node, reader: inout YAMLNodeReader<CatalogueError>) -> MatchGroup? {
        var out: [String] = []
        for p in phrases {
            if p.hasPrefix("$") {
                let name = String(p.dropFirst())
                if let set = lexicon.sets[name] { out += set } else { reader.fail(node, .unknownWordSet(p)) }
            } else {
                if PhrasePattern.parse(p) == nil { reader.fail(node, .invalidPhrase(p)) }
                out.append(p)
            }
        }
        if out.isEmpty { reader.fail(node, .emptyGroup); return nil }
        return .phrases(out)
    }

    private func parseQuantity(_ node: Node, reader: inout YAMLNodeReader<CatalogueError>) -> MatchGroup? {
        let m = reader.mapping(node, allowed: ["unit", "above", "below", "relative-to"], what: "quantity")
        guard let unitText = reader.string(m["unit"], "unit", in: node) else { return nil }
        // The units the quantity scanner reads in the text (`Quantity.unit`), so a rule can say
        // every unit a document can: `werkdagen`, `kalenderdagen`, `weken`, `euro`, …
        guard let (dimension, factor) = Quantity.unit(unitText) else {
            reader.fail(m["unit"], .unknownUnit(unitText))
            return nil
        }
        let relative = reader.optionalString(m["relative-to"], "relative-to")
        if let relative, lexicon.facts[relative] == nil { reader.fail(m["relative-to"], .unknownFact(relative)) }
        // Relative bounds are ratios and are not converted.
        let scale = relative == nil ? factor : 1
        let above = m["above"].flatMap { reader.double($0, "above", in: node) }.map { $0 * scale }
        let below = m["below"].flatMap { reader.double($0, "below", in: node) }.map { $0 * scale }
        if above == nil, below == nil { reader.fail(node, .quantityNeedsBound) }
        return .quantity(QuantityCondition(dimension: dimension, above: above, below: below, relativeTo: relative))
    }

    private func parseBurden(_ node: Node?, in parent: Node, reader: inout YAMLNodeReader<CatalogueError>) -> BurdenSpec? {
        guard let node else { reader.fail(parent, .missingKey("burden")); return nil }
        let m = reader.mapping(node, allowed: ["hours", "frequency", "bearer", "note"], what: "burden")
        guard let hours = reader.double(m["hours"], "hours", in: node),
              let frequency = reader.double(m["frequency"], "frequency", in: node) else { return nil }
        return BurdenSpec(hours: hours, frequency: frequency, bearer: reader.optionalString(m["bearer"], "bearer") ?? "aanbieder",
                          note: reader.optionalString(m["note"], "note"))
    }

    private func parseExamples(_ node: Node?, ruleId: String, in parent: Node, reader: inout YAMLNodeReader<CatalogueError>,
                               valid: RulePeriod?) -> [RuleExample] {
        guard let node else { reader.fail(parent, .missingKey("examples")); return [] }
        let m = reader.mapping(node, allowed: ["triggering", "non-triggering"], what: "examples")
        var out: [RuleExample] = []
        for (key, triggering) in [("triggering", true), ("non-triggering", false)] {
            let items = m[key]?.sequence.map(Array.init) ?? []
            if items.count < 2 {
                reader.fail(m[key] ?? node, .tooFewExamples(triggering: triggering, found: items.count))
            }
            for (i, item) in items.enumerated() {
                var textNode = item
                var domain: Domain?
                var date: String?
                if item.mapping != nil {
                    let em = reader.mapping(item, allowed: ["text", "domain", "date"], what: "voorbeeld")
                    if let dn = em["date"], let d = reader.optionalString(dn, "date") {
                        if let day = DocumentDate.validDay(d) {
                            date = day
                            if let valid, !valid.contains(day) { reader.fail(dn, .exampleOutsidePeriod(day)) }
                        } else {
                            reader.fail(dn, .invalidDate(d))
                        }
                    }
                    guard let t = em["text"] else { reader.fail(item, .exampleWithoutText); continue }
                    textNode = t
                    if let d = reader.optionalString(em["domain"], "domain") {
                        domain = Domain(rawValue: d)
                        if domain == nil { reader.fail(em["domain"], .unknownDomain(d)) }
                    }
                }
                guard let raw = textNode.scalar?.string else { reader.fail(textNode, .exampleNotText); continue }
                guard let (text, ranges) = MarkedText.parse(raw) else {
                    reader.fail(textNode, .unpairedMarks); continue
                }
                if triggering, ranges.isEmpty { reader.fail(textNode, .triggeringWithoutRange) }
                if !triggering, !ranges.isEmpty { reader.fail(textNode, .nonTriggeringWithRange) }
                out.append(RuleExample(text: text, expectedRanges: ranges, triggering: triggering, domain: domain, date: date,
                                       file: reader.file, line: (textNode.mark?.line ?? 0), ruleId: ruleId, index: i + 1))
            }
        }
        return out
    }
}

extension String {
    func replacingNewlines() -> String { split(whereSeparator: \.isNewline).joined(separator: " ") }
}
