import TenderDocument
import TenderLanguage

/// A rule that matched: where, and the quantity that made a numeric condition true.
public struct RuleMatch: Sendable {
    public var rule: Int
    /// The block the reported range lies in.
    public var block: Int
    /// The UTF-8 range in that block's normalised text (from the first to the last matched part).
    public var range: Range<Int>
    /// The clause (index into `AnalyzedDocument.clauses`).
    public var clause: Int
    /// The quantity that met the rule's condition, if the rule has one.
    public var quantity: Quantity?
}

/// What a scan tells about the document as a whole.
public struct DocumentFacts: Sendable {
    /// How often each domain's words occurred.
    public var domainCounts: [Domain: Int]
    /// Document facts by name (e.g. `opdrachtwaarde` in euro).
    public var values: [String: Double]
}

/// The phrase occurrences of one document, found in one pass, and the facts they tell. The
/// engine decides the document's domains from `facts` before any rule is evaluated.
public struct DocumentScan {
    let result: CompiledCatalogue.ScanResult
    public let facts: DocumentFacts
}

extension CompiledCatalogue {
    /// Scans `doc` once: every phrase of every rule, domain word and fact, in one pass.
    public func scan(_ doc: AnalyzedDocument) -> DocumentScan {
        let result = collect(doc)
        return DocumentScan(result: result, facts: DocumentFacts(domainCounts: result.domainCounts, values: result.facts))
    }

    /// Evaluates the rules whose phrases occurred in `scan`.
    /// - Parameter enabled: per rule (index into `catalogue.rules`), whether it applies to the document.
    public func matches(_ scan: DocumentScan, in doc: AnalyzedDocument, enabled: [Bool]) -> [RuleMatch] {
        let facts = scan.facts
        var out: [RuleMatch] = []
        for r in scan.result.ruleHits.keys.sorted() where r < enabled.count && enabled[r] {
            let rule = catalogue.rules[r]
            let specs = [rule.match] + rule.exceptions
            let hits = scan.result.ruleHits[r]!
            // Candidate units: the sentences (or clauses) where the first phrase group occurred.
            let anchorGroup = rule.match.groups.firstIndex { if case .phrases = $0 { return true } else { return false } }!
            var units: [Int] = []
            var seen: Set<Int> = []
            for h in hits[0][anchorGroup] {
                let u = rule.match.scope == .sentence ? h.sentence : h.clause
                if seen.insert(u).inserted { units.append(u) }
            }
            for unit in units {
                guard let window = bestWindow(spec: rule.match, hits: hits[0], unit: unit, doc: doc, facts: facts) else { continue }
                let excepted = specs.indices.dropFirst().contains { s in
                    let spec = specs[s]
                    let exceptionUnits: Set<Int> = spec.scope == .clause ? Set(window.map(\.clause))
                        : (rule.match.scope == .sentence ? [unit] : Set(window.map(\.sentence)))
                    return exceptionUnits.contains { bestWindow(spec: spec, hits: hits[s], unit: $0, doc: doc, facts: facts) != nil }
                }
                if excepted { continue }
                let block = window[0].block
                let inBlock = window.filter { $0.block == block }
                let range = inBlock.map(\.range.lowerBound).min()!..<inBlock.map(\.range.upperBound).max()!
                out.append(RuleMatch(rule: r, block: block, range: range, clause: window[0].clause,
                                     quantity: window.compactMap(\.quantity).first))
            }
        }
        return out
    }

    /// The smallest set of hits, one per group, inside `unit`, within `spec.near` words; nil if none.
    private func bestWindow(spec: MatchSpec, hits: [[Hit]], unit: Int, doc: AnalyzedDocument, facts: DocumentFacts) -> [Hit]? {
        var candidates: [(group: Int, hit: Hit)] = []
        for (g, group) in spec.groups.enumerated() {
            var found = false
            switch group {
            case .phrases:
                for h in hits[g] where (spec.scope == .sentence ? h.sentence : h.clause) == unit {
                    candidates.append((g, h)); found = true
                }
            case let .quantity(condition):
                for q in quantities(in: unit, scope: spec.scope, doc: doc) where condition.accepts(q.hit.quantity!, facts: facts) {
                    candidates.append((g, q.hit)); found = true
                }
            }
            if !found { return nil }
        }
        candidates.sort { ($0.hit.first, $0.hit.last) < ($1.hit.first, $1.hit.last) }
        // Minimum window covering every group (two pointers over hits sorted by position).
        let k = spec.groups.count
        var counts = [Int](repeating: 0, count: k)
        var covered = 0
        var best: (span: Int, lo: Int, hi: Int)?
        var lo = 0
        for hi in candidates.indices {
            let g = candidates[hi].group
            if counts[g] == 0 { covered += 1 }
            counts[g] += 1
            while covered == k {
                let end = candidates[lo...hi].map(\.hit.last).max()!
                let span = end - candidates[lo].hit.first + 1
                if best == nil || span < best!.span { best = (span, lo, hi) }
                let gl = candidates[lo].group
                counts[gl] -= 1
                if counts[gl] == 0 { covered -= 1 }
                lo += 1
            }
        }
        guard let best else { return nil }
        if let near = spec.near, best.span > near { return nil }
        // One hit per group: the earliest of each group inside the window.
        var chosen: [Int: Hit] = [:]
        for c in candidates[best.lo...best.hi] where chosen[c.group] == nil { chosen[c.group] = c.hit }
        return chosen.values.sorted { $0.first < $1.first }
    }

    /// The quantities of a sentence or clause, as hits.
    private func quantities(in unit: Int, scope: MatchScope, doc: AnalyzedDocument) -> [(hit: Hit, Void)] {
        var out: [(hit: Hit, Void)] = []
        for (b, block) in doc.blocks.enumerated() {
            if scope == .clause, block.clause != unit { continue }
            for (q, quantity) in block.quantities.enumerated() {
                let t = block.quantityTokens[q]
                guard t < block.tokens.count else { continue }
                let sentence = block.sentenceOfToken[t]
                if scope == .sentence, sentence != unit { continue }
                var last = t
                while last + 1 < block.tokens.count, block.tokens[last + 1].range.lowerBound < quantity.range.upperBound { last += 1 }
                out.append((Hit(block: b, first: block.tokenBase + t, last: block.tokenBase + last, range: quantity.range,
                                sentence: sentence, clause: block.clause, quantity: quantity), ()))
            }
        }
        return out
    }
}

extension QuantityCondition {
    /// Whether `q` meets the condition, given the document's facts.
    func accepts(_ q: Quantity, facts: DocumentFacts) -> Bool {
        guard q.dimension == dimension else { return false }
        var scale = 1.0
        if let relativeTo {
            guard let base = facts.values[relativeTo], base > 0 else { return false }
            scale = base
        }
        if let above, !(q.value > above * scale) { return false }
        if let below, !(q.value < below * scale) { return false }
        return true
    }
}
