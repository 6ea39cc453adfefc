import Foundation
import TenderDocument
import TenderLanguage
import TenderRules

/// Lints documents against a compiled catalogue. Compile once, lint many: the engine is immutable
/// and safe to share between tasks (each lint call uses its own stemmer).
public final class Engine: Sendable {
    public let catalogue: Catalogue
    public let options: EngineOptions
    let compiled: CompiledCatalogue
    let ranker: ModelRanker
    private let stemmers: StemmerPool

    /// `typoTolerance: false` compiles the catalogue without the repair of typos and split
    /// compounds (`tenderlint evaluate --without-typo-tolerance` measures what it adds).
    public convenience init(catalogue: Catalogue, options: EngineOptions = EngineOptions(), typoTolerance: Bool = true) {
        self.init(compiled: CompiledCatalogue(catalogue, typoTolerance: typoTolerance), options: options)
    }

    /// An engine over a catalogue compiled already (`CatalogueCache.loadCompiled` reads one from the cache).
    public init(compiled: CompiledCatalogue, options: EngineOptions = EngineOptions()) {
        self.catalogue = compiled.catalogue
        self.options = options
        self.compiled = compiled
        self.ranker = ModelRanker(models: compiled.catalogue.models)
        self.stemmers = StemmerPool()
    }

    /// A copy of this engine with other options (the compiled catalogue, the ranker and the stemmers are shared).
    public func with(options: EngineOptions) -> Engine {
        Engine(catalogue: catalogue, compiled: compiled, options: options, ranker: ranker, stemmers: stemmers)
    }

    private init(catalogue: Catalogue, compiled: CompiledCatalogue, options: EngineOptions, ranker: ModelRanker, stemmers: StemmerPool) {
        self.catalogue = catalogue
        self.compiled = compiled
        self.options = options
        self.ranker = ranker
        self.stemmers = stemmers
    }

    /// The findings in `document`. `domains` overrides both detection and `options.domains`.
    public func lint(_ document: Document, domains: Set<Domain>? = nil) -> DocumentResult {
        // A stemmer of an earlier document, with its cache of stems: a corpus repeats its words.
        let stemmer = stemmers.take()
        defer { stemmers.give(stemmer) }
        // Suppression markers are read first and blanked out of the text the matcher sees.
        var suppressions = Suppressions(document, catalogue: catalogue)
        let analyzed = AnalyzedDocument(suppressions.blanked, stemmer: stemmer)
        // Stages: analyse (above) → scan once → decide the domain → match the rules that apply →
        // silence → one finding per clause and topic → reading order.
        let scan = compiled.scan(analyzed)
        let forced = domains ?? options.domains
        let (active, source) = forced.map { ($0, DomainSource.option) } ?? DomainDetector.domains(from: scan.facts.domainCounts)
        // The document's date, resolved once here: the rules of its period apply (today's without one).
        let date = DocumentDate.resolve(option: options.date, document: document)
        let lawDay = date?.day ?? options.today
        let enabled = catalogue.rules.map { rule in
            !options.disabledRules.contains(rule.id)
                && (rule.valid?.contains(lawDay) ?? true)
                && (rule.domains.isEmpty || active.isEmpty || !active.isDisjoint(with: rule.domains))
        }
        // A match wholly inside a block's lead-in is the lead-in's own finding, reported there;
        // except a question with an answer: what it asks is reported at the answer ("Ja."), or
        // not at all when the answer turns it down ("Nee, …").
        let answered = Set(analyzed.questionOfAnswer.values)
        let matches = compiled.matches(scan, in: analyzed, enabled: enabled).filter { m in
            let block = analyzed.blocks[m.block]
            if answered.contains(m.block) { return false }
            let ownText = block.leadInLength == 0 || block.normalized.rawRange(m.range).upperBound > block.leadInLength
            if ownText { return true }
            guard let question = analyzed.questionOfAnswer[m.block] else { return false }
            return !analyzed.refusedQuestions.contains(question)
        }
        // The ranker's query per block: several findings often share a block.
        var queries: [Int: [String]] = [:]
        // Line starts and character counts per block, found once (a long block has many findings).
        var locators: [Int: BlockLocator] = [:]
        var findings = matches.map { finding(for: $0, in: analyzed, original: document, domains: active, stemmer: stemmer,
                                             queries: &queries, locators: &locators) }
        // Silencing, most specific first: a marker in the clause, then the municipal context.
        for (i, match) in matches.enumerated() {
            suppressions.silence(&findings[i], clause: match.clause) { analyzed.blocks[$0].clause }
        }
        let checked = checkedRules(enabled, hasMarkers: !suppressions.isEmpty)
        findings += suppressions.findings(original: document, analyzed: analyzed, checkedRules: Set(checked), options: options)
        for i in findings.indices where findings[i].suppression == nil {
            if let reason = options.context[findings[i].ruleId] {
                findings[i].suppression = reason
                findings[i].suppressionKind = .configuration
            }
        }
        // One finding per clause (or row, item, answer) and topic: two rules of one topic on one clause (a payment term of
        // 60 days that also waits for approval) are one burden with one model article, and must not
        // count twice in the burden. The most severe stays, then the earliest, then by rule id.
        // When one of them is silenced (a marker with a reason, the municipal context), the burden
        // is explained: the others go too, so silencing the finding shown never brings up another.
        var keep = [Bool](repeating: true, count: findings.count)
        var groups: [ClauseTopic: [Int]] = [:]
        // A table row, list item or answer (a block read with a lead-in) is a demand of its own:
        // two rows of one topic (two periodic reports) are two burdens.
        for i in matches.indices {
            let item = analyzed.blocks[matches[i].block].leadInLength > 0 ? matches[i].block : nil
            groups[ClauseTopic(clause: matches[i].clause, item: item, topic: findings[i].topic), default: []].append(i)
        }
        for members in groups.values where members.count > 1 {
            if members.contains(where: { findings[$0].suppression != nil }) {
                for m in members where findings[m].suppression == nil { keep[m] = false }
            } else if let first = members.min(by: { Engine.precedes(findings[$0], findings[$1]) }) {
                for m in members where m != first { keep[m] = false }
            }
        }
        findings = findings.indices.filter { keep[$0] }.map { findings[$0] }
        findings.sort(by: Finding.inReadingOrder)
        return DocumentResult(path: document.path, format: document.format, contentHash: document.contentHash,
                              domains: active.sorted(), domainSource: source, clauses: analyzed.clauses,
                              findings: findings, warnings: document.warnings, checkedRules: checked, tariff: options.tariff,
                              date: date, lawDay: lawDay)
    }

    /// Stemmers between documents. A stemmer is used by one `lint` call at a time (libstemmer
    /// keeps state per stemmer); `take` hands out an idle one or a new one.
    private final class StemmerPool: @unchecked Sendable {
        // @unchecked: `idle` is only touched under `lock`, and a stemmer is in the pool or in one call, never both.
        private let lock = NSLock()
        private var idle: [DutchStemmer] = []

        func take() -> DutchStemmer {
            lock.lock()
            let stemmer = idle.popLast()
            lock.unlock()
            return stemmer ?? DutchStemmer()
        }

        func give(_ stemmer: DutchStemmer) {
            lock.lock()
            // One per task that lints at once; more would only hold memory.
            if idle.count < 16 { idle.append(stemmer) }
            lock.unlock()
        }
    }

    private struct ClauseTopic: Hashable {
        var clause: Int
        /// The block of a row, item or answer; nil for the rest of the clause.
        var item: Int?
        var topic: String
    }

    /// Whether `a` is kept over `b` when both flag one clause under one topic.
    static func precedes(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return Finding.inReadingOrder(a, b)
    }

    /// The ids of the rules that ran on a document about `domains`: enabled, and for one of its
    /// domains; plus the built-in suppression checks when the document has markers.
    private func checkedRules(_ enabled: [Bool], hasMarkers: Bool) -> [String] {
        var ids = catalogue.rules.indices.filter { enabled[$0] }.map { catalogue.rules[$0].id }
        if hasMarkers { ids += SuppressionRule.allCases.map(\.id).filter { !options.disabledRules.contains($0) } }
        return ids.sorted()
    }

    /// The finding for `match`. Positions and excerpts come from `original`: the analysed
    /// document has its suppression markers blanked (same UTF-8 offsets, other characters).
    private func finding(for match: RuleMatch, in doc: AnalyzedDocument, original: Document, domains: Set<Domain>, stemmer: DutchStemmer,
                         queries: inout [Int: [String]], locators: inout [Int: BlockLocator]) -> Finding {
        let rule = catalogue.rules[match.rule]
        let block = original.blocks[match.block]
        let analyzed = doc.blocks[match.block]
        // The range in the block's own text: a match that began in the lead-in starts at the block.
        let combined = analyzed.normalized.rawRange(match.range)
        let lead = analyzed.leadInLength
        // A question's demand granted by its answer points at the answer's first line and quotes
        // the question.
        let fromQuestion = combined.upperBound <= lead
        let raw = fromQuestion ? 0..<(block.text.utf8.firstIndex(of: UInt8(ascii: "\n")).map { block.text.utf8.distance(from: block.text.utf8.startIndex, to: $0) } ?? block.text.utf8.count)
            : (max(combined.lowerBound, lead) - lead)..<(combined.upperBound - lead)
        let matchedText = fromQuestion ? analyzed.rawText.utf8Slice(combined) : block.text.utf8Slice(raw)
        let clause = doc.clauses[match.clause]

        let quantityText = match.quantity.map { analyzed.rawText.utf8Slice(analyzed.normalized.rawRange($0.range)) } ?? ""
        let article = catalogue.model(rule.model)
        let model = article == nil ? nil : ModelProposal(id: rule.model, reason: .rule)
        // The model library ranked by similarity to the clause; shown when it differs.
        let query = queries[match.block] ?? ModelRanker.query(tokens: analyzed.tokens, stemmer: stemmer)
        queries[match.block] = query
        let alternative = ranker.best(forQuery: query, excluding: rule.model, topic: rule.topic)
            .map { ModelProposal(id: $0.id, reason: .similarity) }

        let locator = locators[match.block] ?? BlockLocator(block)
        locators[match.block] = locator
        let burden = BurdenEstimate(hoursPerOccurrence: rule.burden.hours, occurrencesPerYear: rule.burden.frequency,
                                    municipalities: options.municipalitiesPerProvider, tariff: options.tariff.eurosPerHour, bearer: rule.burden.bearer,
                                    remaining: article?.remaining)

        // The fingerprint uses the words of the sentence, not its number or line breaks.
        // Sentence ends come once per block from the analysis; sentence and tokens are found by
        // binary search, so a finding costs its sentence, not its block.
        let ends = analyzed.sentenceEnds
        let next = ends.partitioningIndex(where: { $0 > match.range.lowerBound })
        let sentenceEnd = next < ends.count ? ends[next] : analyzed.normalized.bytes.count
        let sentenceStart = next > 0 ? ends[next - 1] : 0
        let firstToken = analyzed.tokens.partitioningIndex(where: { $0.range.lowerBound >= sentenceStart })
        let words = analyzed.tokens[firstToken...].prefix { $0.range.lowerBound < sentenceEnd }
            .filter { $0.range.upperBound <= sentenceEnd && !$0.isNumber }.map(\.text)

        return Finding(
            ruleId: rule.id, topic: rule.topic, category: rule.category,
            severity: options.severityOverrides[rule.id] ?? rule.severity,
            path: doc.document.path, position: TextPosition(block: match.block, offset: raw.lowerBound),
            start: locator.location(atUTF8Offset: raw.lowerBound), end: locator.location(atUTF8Offset: raw.upperBound),
            clauseNumber: clause.number, headingPath: clause.headingPath,
            matchedText: matchedText, excerpt: block.text, excerptRange: raw,
            message: .rule(match: matchedText, quantity: quantityText), basis: rule.basis(for: domains), period: rule.valid,
            model: model, alternativeModel: alternative, burden: burden,
            fingerprint: Fingerprint.of([rule.id] + words), suppression: nil)
    }
}

extension String {
    /// The text of the UTF-8 offsets `range` (offsets on character boundaries).
    func utf8Slice(_ range: Range<Int>) -> String {
        let utf8 = self.utf8
        return String(self[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
    }

    /// Every occurrence of `target` replaced, compared on UTF-8 bytes (the targets are ASCII
    /// placeholders such as `{match}`; Foundation's search went through UTF-16 for each finding).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let t = Array(target.utf8)
        guard let first = t.first else { return self }
        let s = Array(utf8)
        guard s.count >= t.count else { return self }
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        while i <= s.count - t.count {
            if s[i] == first, s[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: s[copied..<i])
                out.append(contentsOf: replacement.utf8)
                i += t.count
                copied = i
            } else {
                i += 1
            }
        }
        guard copied > 0 else { return self }
        out.append(contentsOf: s[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}
