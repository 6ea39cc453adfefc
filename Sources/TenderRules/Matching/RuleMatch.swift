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
        // The quantities of each sentence and clause, indexed once per document (not once per
        // candidate unit, which made long documents quadratic).
        let quantities = QuantityIndex(doc)
        for r in scan.result.ruleHits.keys.sorted() where r < enabled.count && enabled[r] {
            let rule = catalogue.rules[r]
            let specs = [rule.match] + rule.exceptions
            let rawHits = scan.result.ruleHits[r]!
            let occurrences = scan.result.occurrences
            // Per spec, per group: the hits (indices into `occurrences`) by the spec's unit
            // (sentence or clause), in order.
            let hits: [[[Int32: [Int32]]]] = specs.indices.map { s in
                rawHits[s].map { group in
                    Dictionary(grouping: group) { specs[s].scope == .sentence ? occurrences[Int($0)].sentence : occurrences[Int($0)].clause }
                }
            }
            // Candidate units: the sentences (or clauses) where the first phrase group occurred.
            let anchorGroup = rule.match.groups.firstIndex { if case .phrases = $0 { return true } else { return false } }!
            var units: [Int] = []
            var seen: Set<Int> = []
            for i in rawHits[0][anchorGroup] {
                let h = occurrences[Int(i)]
                let u = Int(rule.match.scope == .sentence ? h.sentence : h.clause)
                if seen.insert(u).inserted { units.append(u) }
            }
            for unit in units {
                guard let window = bestWindow(spec: rule.match, hits: hits[0], occurrences: occurrences, unit: unit, quantities: quantities, facts: facts) else { continue }
                // A clause-scoped match spans sentences; its sentence-scoped exceptions are looked
                // for in the sentences it spans, except questions when it also spans a statement:
                // "hoeven wij toch geen uren te schrijven?" asks, the answer says what is demanded.
                let spanned = Set(window.map(\.sentence))
                let statements = spanned.filter { sentence in !window.contains { $0.sentence == sentence && doc.isQuestion($0) } }
                let sentenceUnits = statements.isEmpty ? spanned : statements
                let excepted = specs.indices.dropFirst().contains { s in
                    let spec = specs[s]
                    let exceptionUnits: Set<Int> = spec.scope == .clause ? Set(window.map(\.clause))
                        : (rule.match.scope == .sentence ? [unit] : sentenceUnits)
                    return exceptionUnits.contains { bestWindow(spec: spec, hits: hits[s], occurrences: occurrences, unit: $0, quantities: quantities, facts: facts) != nil }
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
    /// `hits` are the spec's hits per group, by unit, as indices into `occurrences`. Linear in the hits of the unit.
    private func bestWindow(spec: MatchSpec, hits: [[Int32: [Int32]]], occurrences: [Occurrence], unit: Int, quantities: QuantityIndex,
                            facts: DocumentFacts) -> [Hit]? {
        var candidates: [(group: Int, hit: Hit)] = []
        for (g, group) in spec.groups.enumerated() {
            var found = false
            switch group {
            case .phrases:
                for h in hits[g][Int32(unit)] ?? [] {
                    candidates.append((g, occurrences[Int(h)].hit)); found = true
                }
            case let .quantity(condition):
                for hit in quantities.hits(in: unit, scope: spec.scope) where condition.accepts(hit.quantity!, facts: facts) {
                    candidates.append((g, hit)); found = true
                }
            }
            if !found { return nil }
        }
        candidates.sort { ($0.hit.first, $0.hit.last) < ($1.hit.first, $1.hit.last) }
        // Minimum window covering every group (two pointers over hits sorted by position); the
        // largest `last` in the window is kept in a monotonic queue, so each step is O(1).
        let k = spec.groups.count
        var counts = [Int](repeating: 0, count: k)
        var covered = 0
        var best: (span: Int, lo: Int, hi: Int)?
        var lo = 0
        var queue: [Int] = []  // candidate indices, their `last` decreasing
        var head = 0
        for hi in candidates.indices {
            let g = candidates[hi].group
            if counts[g] == 0 { covered += 1 }
            counts[g] += 1
            while queue.count > head, candidates[queue[queue.count - 1]].hit.last <= candidates[hi].hit.last { queue.removeLast() }
            queue.append(hi)
            while covered == k {
                while queue[head] < lo { head += 1 }
                let end = candidates[queue[head]].hit.last
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
}

extension AnalyzedDocument {
    /// Whether the sentence `hit` lies in ends in a question mark.
    func isQuestion(_ hit: CompiledCatalogue.Hit) -> Bool {
        let block = blocks[hit.block]
        guard let first = block.sentenceOfToken.first, let firstToken = block.tokens.first else { return false }
        // The block's first token lies in its sentence `skipped` (as `AnalyzedDocument` counts).
        var skipped = 0
        while skipped < block.sentenceEnds.count - 1, firstToken.range.lowerBound >= block.sentenceEnds[skipped] { skipped += 1 }
        let local = hit.sentence - Int(first) + skipped
        guard block.sentenceEnds.indices.contains(local) else { return false }
        let bytes = block.normalized.bytes
        var end = block.sentenceEnds[local]
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A { end -= 1 }
        return end > 0 && bytes[end - 1] == UInt8(ascii: "?")
    }
}

/// The quantities of a document as hits, by sentence and by clause, in document order.
struct QuantityIndex {
    private var bySentence: [Int: [CompiledCatalogue.Hit]] = [:]
    private var byClause: [Int: [CompiledCatalogue.Hit]] = [:]

    init(_ doc: AnalyzedDocument) {
        for (b, block) in doc.blocks.enumerated() {
            for (q, quantity) in block.quantities.enumerated() {
                let t = block.quantityTokens[q]
                guard t < block.tokens.count else { continue }
                let sentence = Int(block.sentenceOfToken[t])
                var last = t
                while last + 1 < block.tokens.count, block.tokens[last + 1].range.lowerBound < quantity.range.upperBound { last += 1 }
                let hit = CompiledCatalogue.Hit(block: b, first: block.tokenBase + t, last: block.tokenBase + last, range: quantity.range,
                                                sentence: sentence, clause: block.clause, quantity: quantity)
                bySentence[sentence, default: []].append(hit)
                byClause[block.clause, default: []].append(hit)
            }
        }
    }

    func hits(in unit: Int, scope: MatchScope) -> [CompiledCatalogue.Hit] {
        (scope == .sentence ? bySentence[unit] : byClause[unit]) ?? []
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
