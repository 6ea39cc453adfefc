import TenderDocument
import TenderLanguage

/// The whole catalogue compiled once into one multi-pattern matcher.
///
/// Every word of every phrase of every rule (and of the lexicon's domain and fact phrases) is
/// indexed: exact stems in a hash table, stem endings and word beginnings in tries. A document is
/// scanned once, token by token; each token is looked up once, whatever the number of rules, and
/// only rules whose phrases occurred are evaluated afterwards.
public final class CompiledCatalogue: @unchecked Sendable {
    // @unchecked: immutable after init; the stemmer used to compile is not kept.

    /// What a phrase occurrence means.
    enum Usage {
        /// Group `group` of spec `spec` (0 = the match, 1… = the exceptions) of rule `rule`.
        case rule(rule: Int, spec: Int, group: Int)
        case domain(Domain)
        case fact(String)
    }

    public let catalogue: Catalogue
    private var words: [WordPattern] = []
    private var exact: [String: [Int]] = [:]
    private var surfaces: [String: [Int]] = [:]
    private var suffixes = ByteTrie()
    private var prefixes = ByteTrie()
    /// `*part*` words: the part's UTF-8 bytes and the word id.
    private var containing: [([UInt8], Int)] = []
    private var phrases: [(pattern: PhrasePattern, wordIds: [Int])] = []
    /// The words of every phrase, flat, for the scan's inner loop (`matchPhrase`): phrase `p`'s
    /// words are `phraseWords[phraseStart[p]..<phraseStart[p + 1]]`. Reading them from `phrases`
    /// retained and released two arrays per candidate phrase at every token.
    private var phraseStart: [Int32] = [0]
    private var phraseWords: [PhraseWord] = []

    /// One word of a phrase as the scan needs it: its word id (-1: any word) and whether it may be left out.
    struct PhraseWord {
        var id: Int32
        var optional: Bool
    }
    private var phrasesByFirstWord: [Int: [Int]] = [:]
    /// `phrasesByFirstWord` as an array by word id, for the scan (no hashing per token and word).
    private var phrasesStartingWith: [[Int]] = []
    private var usages: [[Usage]] = []

    /// Typo tolerance (docs/writing-rules.md): the stems of the catalogue's long whole words
    /// (exact and ending patterns), by length in bytes, with the word patterns each one matches.
    /// A long document word that matches no pattern matches the one stem a single edit away.
    private var fuzzyStems: [Int: [(stem: [UInt8], ids: [Int])]] = [:]
    /// Split compounds: the catalogue's long words as written (and their plurals in -en, -s,
    /// -n), with the word patterns each matches; two adjacent document words that join to one
    /// of them match it across both. `joinFirstParts` holds every first part that can start one.
    private var joinable: [String: [Int]] = [:]
    private var joinFirstParts: Set<String> = []
    /// The shortest document word (bytes) that typo tolerance repairs.
    static let fuzzyMinimumWord = 9
    /// The shortest joined compound that is looked for.
    static let joinMinimumWord = 9
    /// The shortest part of a split compound.
    static let joinMinimumPart = 3

    /// No phrases yet: `init(_:encoded:)` fills in the rest.
    private init(empty catalogue: Catalogue) {
        self.catalogue = catalogue
    }

    /// Compiles `catalogue`. `typoTolerance: false` leaves out the repair of typos and split
    /// compounds (to measure what it adds).
    public init(_ catalogue: Catalogue, typoTolerance: Bool = true) {
        self.catalogue = catalogue
        let stemmer = DutchStemmer()
        var wordIndex: [WordPattern.Kind: Int] = [:]
        var phraseIndex: [String: Int] = [:]

        func addPhrase(_ text: String, _ usage: Usage) {
            if let existing = phraseIndex[text] { usages[existing].append(usage); return }
            guard let pattern = PhrasePattern.compile(text, stemmer: stemmer) else { return }
            var ids: [Int] = []
            for w in pattern.words {
                if let id = wordIndex[w.kind] { ids.append(id); continue }
                let id = words.count
                words.append(w)
                wordIndex[w.kind] = id
                switch w.kind {
                case let .exact(stem): exact[stem, default: []].append(id)
                case let .suffix(stem): suffixes.insert(stem.utf8.reversed(), value: id)
                case let .prefix(text): prefixes.insert(text.utf8, value: id)
                case let .contains(text): containing.append((Array(text.utf8), id))
                case let .surface(text): surfaces[text, default: []].append(id)
                case .anyWord: break
                }
                ids.append(id)
            }
            let p = phrases.count
            phrases.append((pattern, ids))
            for (k, w) in pattern.words.enumerated() {
                phraseWords.append(PhraseWord(id: w.kind == .anyWord ? -1 : Int32(ids[k]), optional: w.optional))
            }
            phraseStart.append(Int32(phraseWords.count))
            phrasesByFirstWord[ids[0], default: []].append(p)
            usages.append([usage])
            phraseIndex[text] = p
        }

        for (r, rule) in catalogue.rules.enumerated() {
            for (s, spec) in ([rule.match] + rule.exceptions).enumerated() {
                for (g, group) in spec.groups.enumerated() {
                    if case let .phrases(list) = group { for text in list { addPhrase(text, .rule(rule: r, spec: s, group: g)) } }
                }
            }
        }
        for (domain, list) in catalogue.lexicon.domains { for text in list { addPhrase(text, .domain(domain)) } }
        for (fact, list) in catalogue.lexicon.facts { for text in list { addPhrase(text, .fact(fact)) } }
        phrasesStartingWith = words.indices.map { phrasesByFirstWord[$0] ?? [] }
        if typoTolerance { compileTypoTolerance(stemmer: stemmer, phraseIndex: phraseIndex) }
        // Only the scan's structures are kept (a catalogue read back from `encoded()` has no others).
        words = []
        phrases = []
        phrasesByFirstWord = [:]
    }

    /// The typo-tolerance tables (docs/writing-rules.md), from the compiled word patterns.
    private func compileTypoTolerance(stemmer: DutchStemmer, phraseIndex: [String: Int]) {
        // Typo tolerance and split compounds: only whole words of letters, long enough that one
        // edit rarely turns one Dutch word into another.
        func letters(_ bytes: some Sequence<UInt8>) -> Bool { bytes.allSatisfy { $0 >= 97 && $0 <= 122 } }
        var fuzzy: [Int: [(stem: [UInt8], ids: [Int])]] = [:]
        var seenStems: Set<String> = []
        for w in words {
            let stem: String
            switch w.kind {
            case let .exact(s), let .suffix(s): stem = s
            default: continue
            }
            guard stem.utf8.count >= Self.fuzzyMinimumWord - 1, letters(stem.utf8), seenStems.insert(stem).inserted else { continue }
            // The patterns a word with this stem matches by stem (whole words and endings).
            var ids = exact[stem] ?? []
            suffixes.forEachPrefix(of: stem.utf8.reversed()) { ids.append($0) }
            if ids.count > 1 { ids = Array(Set(ids)).sorted() }
            guard !ids.isEmpty else { continue }
            fuzzy[stem.utf8.count, default: []].append((Array(stem.utf8), ids))
        }
        fuzzyStems = fuzzy
        var written: Set<String> = []
        for text in phraseIndex.keys {
            // Phrases are written in lower case; only one with other characters is normalised.
            let folded = text.utf8.allSatisfy({ $0 < 0x80 }) ? text.lowercased() : NormalizedText(text).text
            for part in folded.split(separator: " ") {
                var word = Substring(part)
                if word.hasPrefix("[") && word.hasSuffix("]") { word = word.dropFirst().dropLast() }
                if word.hasPrefix("*") && !word.hasSuffix("*") { word = word.dropFirst() }
                guard word.utf8.count >= Self.joinMinimumWord, letters(word.utf8) else { continue }
                written.insert(String(word))
            }
        }
        for word in written.sorted() {
            // The word's patterns serve its plurals too (they share its stem).
            let keys = WordKey.keys(word, stemmer: stemmer)
            let ids = wordIds(surface: word, stem: keys.key, alternatives: keys.alternatives)
            guard !ids.isEmpty else { continue }
            for form in [word, word + "en", word + "s", word + "n"] where joinable[form] == nil { joinable[form] = ids }
            // The first parts of the longest form cover those of the shorter ones.
            let bytes = Array((word + "en").utf8)
            for cut in Self.joinMinimumPart...(bytes.count - Self.joinMinimumPart) {
                joinFirstParts.insert(String(decoding: bytes[..<cut], as: UTF8.self))
            }
        }
    }

    /// The word patterns of the one catalogue stem a single edit (a letter left out, added,
    /// changed, or two neighbours swapped) from `stem`, the stem of a long word that is no
    /// catalogue word itself; nil when there is none, or more than one.
    func fuzzyIds(surface: String, stem: String) -> [Int]? {
        let word = Array(stem.utf8)
        guard surface.utf8.count >= Self.fuzzyMinimumWord, word.allSatisfy({ $0 >= 97 && $0 <= 122 }) else { return nil }
        var found: [Int]?
        for length in (word.count - 1)...(word.count + 1) {
            for candidate in fuzzyStems[length] ?? [] where candidate.stem[0] == word[0] {
                // The word is a catalogue word: nothing to repair.
                if length == word.count, candidate.stem == word { return nil }
                guard Self.oneEdit(word, candidate.stem) else { continue }
                if found != nil { return nil }
                found = candidate.ids
            }
        }
        return found
    }

    /// Whether `a` and `b` differ by exactly one edit: a deletion, an insertion, a substitution
    /// or a transposition of two neighbouring letters.
    static func oneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a.count == b.count {
            var i = 0
            while i < a.count && a[i] == b[i] { i += 1 }
            if i == a.count { return false }
            var j = a.count - 1
            while a[j] == b[j] { j -= 1 }
            if i == j { return true }
            return j == i + 1 && a[i] == b[j] && a[j] == b[i]
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        while i < short.count && short[i] == long[i + 1] { i += 1 }
        return i == short.count
    }

    /// The number of distinct word patterns and phrases (for `tenderlint rules --stats` and benchmarks).
    public var size: (words: Int, phrases: Int) { (phrasesStartingWith.count, phraseStart.count - 1) }

    /// Which word patterns match a token with this surface form and stems.
    private func wordIds(surface: String, stem: String, alternatives: [String]) -> [Int] {
        var ids: [Int] = []
        if let e = exact[stem] { ids += e }
        if let e = surfaces[surface] { ids += e }
        for alt in alternatives { if let e = exact[alt] { ids += e } }
        if !suffixes.isEmpty {
            suffixes.forEachPrefix(of: stem.utf8.reversed()) { ids.append($0) }
            for alt in alternatives { suffixes.forEachPrefix(of: alt.utf8.reversed()) { ids.append($0) } }
        }
        if !prefixes.isEmpty { prefixes.forEachPrefix(of: surface.utf8) { ids.append($0) } }
        if !containing.isEmpty {
            // Normalised words are NFC and folded, so a part occurs in a word exactly when its
            // bytes do (Foundation's `contains` compared through UTF-16 for every word).
            let word = Array(surface.utf8)
            for (part, id) in containing where Self.bytes(word, contain: part) { ids.append(id) }
        }
        if ids.count > 1 { ids = Array(Set(ids)).sorted() }
        return ids
    }

    static func bytes(_ word: [UInt8], contain part: [UInt8]) -> Bool {
        guard let first = part.first, word.count >= part.count else { return part.isEmpty }
        for i in 0...(word.count - part.count) where word[i] == first {
            if word[i..<(i + part.count)].elementsEqual(part) { return true }
        }
        return false
    }

    /// One phrase occurrence in a document.
    struct Hit {
        var block: Int
        /// First and last token, as global token indices.
        var first: Int
        var last: Int
        /// The UTF-8 range in the block's normalised text.
        var range: Range<Int>
        var sentence: Int
        var clause: Int
        var quantity: Quantity?
    }

    /// A phrase occurrence as the scan keeps it: a `Hit` without a quantity, in 32-bit fields.
    /// One occurrence serves every rule group whose phrase it is (a common phrase is part of many
    /// rules); the groups hold its index. Kept whole, as `Hit`s per group, the occurrences of a
    /// 1 MB document took 48 MB.
    struct Occurrence {
        var block: Int32
        var first: Int32
        var last: Int32
        var lower: Int32
        var upper: Int32
        var sentence: Int32
        var clause: Int32

        init(_ hit: Hit) {
            block = Int32(hit.block); first = Int32(hit.first); last = Int32(hit.last)
            lower = Int32(hit.range.lowerBound); upper = Int32(hit.range.upperBound)
            sentence = Int32(hit.sentence); clause = Int32(hit.clause)
        }

        var hit: Hit {
            Hit(block: Int(block), first: Int(first), last: Int(last), range: Int(lower)..<Int(upper),
                sentence: Int(sentence), clause: Int(clause))
        }
    }

    /// Everything the scan found, before rules are evaluated.
    struct ScanResult {
        /// Every phrase occurrence that some rule uses, in scan order.
        var occurrences: [Occurrence] = []
        /// Per rule: per spec: per group: its hits, as indices into `occurrences`, in scan order.
        var ruleHits: [Int: [[[Int32]]]] = [:]
        var domainCounts: [Domain: Int] = [:]
        var facts: [String: Double] = [:]
    }

    /// Scans `doc` once and returns the phrase occurrences grouped by rule.
    func collect(_ doc: AnalyzedDocument) -> ScanResult {
        var result = ScanResult()
        var cache: [String: [Int]] = [:]
        // Whether a word can be the first part of a split compound, per distinct word.
        var startsJoin: [String: Bool] = [:]
        for (b, block) in doc.blocks.enumerated() {
            // This block's fact mentions: a fact's value is looked for in the block it is named in.
            var factMentions: [String: [(sentence: Int, token: Int)]] = [:]
            // Word patterns per token, looked up once per distinct token.
            var tokenWords: [[Int]] = []
            tokenWords.reserveCapacity(block.tokens.count)
            for token in block.tokens {
                // Keys depend only on the surface form, so the surface is the cache key.
                if let ids = cache[token.text] { tokenWords.append(ids); continue }
                let keys = doc.wordKeys[token.text]!
                var ids = wordIds(surface: token.text, stem: keys.key, alternatives: keys.alternatives)
                // A long word that is no catalogue word itself (it may still end in one, as
                // `contoleverklaring` ends in `verklaring`) also matches the one catalogue word a
                // single edit away.
                if !token.isNumber, exact[keys.key] == nil, let repaired = fuzzyIds(surface: token.text, stem: keys.key) {
                    ids = Array(Set(ids + repaired)).sorted()
                }
                cache[token.text] = ids
                tokenWords.append(ids)
            }
            // Split compounds: word patterns that match token i and i + 1 together (empty for most blocks).
            var joinedWords: [[Int]] = []
            if !joinable.isEmpty, block.tokens.count > 1 {
                let bytes = block.normalized.bytes
                for i in 0..<(block.tokens.count - 1) {
                    let a = block.tokens[i], n = block.tokens[i + 1]
                    guard !a.isNumber, !n.isNumber, n.range.lowerBound == a.range.upperBound + 1,
                          bytes[a.range.upperBound] == 0x20 || bytes[a.range.upperBound] == 0x2D,
                          block.sentenceOfToken[i] == block.sentenceOfToken[i + 1] else { continue }
                    let starts = startsJoin[a.text] ?? {
                        let v = joinFirstParts.contains(a.text)
                        startsJoin[a.text] = v
                        return v
                    }()
                    guard starts, let ids = joinable[a.text + n.text] else { continue }
                    // Only what the parts do not already match on their own.
                    let new = ids.filter { !tokenWords[i].contains($0) && !tokenWords[i + 1].contains($0) }
                    guard !new.isEmpty else { continue }
                    if joinedWords.isEmpty { joinedWords = [[Int]](repeating: [], count: block.tokens.count) }
                    joinedWords[i] = new
                }
            }
            for i in 0..<block.tokens.count {
                let starting = joinedWords.isEmpty || joinedWords[i].isEmpty ? tokenWords[i] : tokenWords[i] + joinedWords[i]
                for w in starting {
                    for p in phrasesStartingWith[w] {
                        guard let last = matchPhrase(p, at: i, tokenWords, joinedWords) else { continue }
                        let hit = Hit(block: b, first: block.tokenBase + i, last: block.tokenBase + last,
                                      range: block.tokens[i].range.lowerBound..<block.tokens[last].range.upperBound,
                                      sentence: Int(block.sentenceOfToken[i]), clause: block.clause)
                        var occurrence: Int32?
                        for usage in usages[p] {
                            switch usage {
                            case let .rule(r, s, g):
                                if result.ruleHits[r] == nil {
                                    let rule = catalogue.rules[r]
                                    result.ruleHits[r] = ([rule.match] + rule.exceptions).map { [[Int32]](repeating: [], count: $0.groups.count) }
                                }
                                if occurrence == nil {
                                    occurrence = Int32(result.occurrences.count)
                                    result.occurrences.append(Occurrence(hit))
                                }
                                result.ruleHits[r]![s][g].append(occurrence!)
                            case let .domain(d):
                                result.domainCounts[d, default: 0] += 1
                            case let .fact(name):
                                if result.facts[name] == nil { factMentions[name, default: []].append((hit.sentence, hit.last)) }
                            }
                        }
                    }
                }
            }
            // A fact's value: the money amount nearest to a phrase that names the fact, in its sentence
            // ("minimaal 1,2 miljoen euro omzet, bij een opdrachtwaarde van 500.000 euro" → 500.000).
            for (name, mentions) in factMentions.sorted(by: { $0.key < $1.key }) where result.facts[name] == nil {
                // The mentions by sentence, so each amount is compared with its own sentence's only.
                let bySentence = Dictionary(grouping: mentions, by: \.sentence).mapValues { $0.sorted { $0.token < $1.token } }
                var best: (distance: Int, value: Double)?
                for (q, quantity) in block.quantities.enumerated() where quantity.dimension == .money {
                    let t = block.quantityTokens[q]
                    guard t < block.sentenceOfToken.count, let inSentence = bySentence[Int(block.sentenceOfToken[t])] else { continue }
                    // Mentions sorted by token: the nearest is beside where the amount would go.
                    let position = block.tokenBase + t
                    let after = inSentence.partitioningIndex(where: { $0.token >= position })
                    for m in inSentence[max(0, after - 1)..<min(inSentence.count, after + 1)] {
                        let d = abs(position - m.token)
                        if best == nil || d < best!.distance { best = (d, quantity.value) }
                    }
                }
                if let best { result.facts[name] = best.value }
            }
        }
        return result
    }

    /// The last token of phrase `p` starting at token `start`, or nil. Optional words are tried
    /// both ways (phrases are a few words long, so the backtracking stays small).
    /// `joinedWords[t]`: word patterns that tokens t and t + 1 match together (a split compound);
    /// empty when the block has none.
    private func matchPhrase(_ p: Int, at start: Int, _ tokenWords: [[Int]], _ joinedWords: [[Int]]) -> Int? {
        phraseWords.withUnsafeBufferPointer { words in
            let begin = Int(phraseStart[p]), end = Int(phraseStart[p + 1])
            func match(_ k: Int, _ t: Int, _ last: Int) -> Int? {
                if k == end { return last }
                let word = words[k]
                let fits = t < tokenWords.count && (word.id < 0 || tokenWords[t].contains(Int(word.id)))
                if fits, let found = match(k + 1, t + 1, t) { return found }
                if !joinedWords.isEmpty, word.id >= 0, t + 1 < tokenWords.count, joinedWords[t].contains(Int(word.id)),
                   let found = match(k + 1, t + 2, t + 1) { return found }
                if word.optional { return match(k + 1, t, last) }
                return nil
            }
            return match(begin, start, start)
        }
    }
}

extension RandomAccessCollection {
    /// (Public for the engine, which finds a finding's sentence the same way.)
    /// The first index whose element satisfies `belongs`, for a predicate that is false and then
    /// true along the collection (binary search); `endIndex` if none.
    public func partitioningIndex(where belongs: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if belongs(self[middle]) { count = half } else { low = index(after: middle); count -= half + 1 }
        }
        return low
    }
}

// MARK: - Stored form (the compiled-catalogue cache)

extension CompiledCatalogue {
    /// Bumped whenever `encoded()`'s layout or the meaning of what it stores changes.
    static let encodingFormat = 2

    /// The matcher's structures as bytes, for `CatalogueCache`: everything `init(_:)` computes
    /// from the catalogue (stemming every phrase word is most of it), dictionary keys sorted, so the
    /// bytes read back encode to the same bytes. (Phrases are numbered in the order of the lexicon's
    /// dictionaries, which varies between processes; what the scan finds does not depend on it.)
    public func encoded() -> [UInt8] {
        var out = ByteWriter()
        out.int(phrasesStartingWith.count)
        out.int(phraseStart.count - 1)
        for table in [exact, surfaces] {
            out.int(table.count)
            for key in table.keys.sorted() { out.string(key); out.ints(table[key]!) }
        }
        for trie in [suffixes, prefixes] {
            let nodes = trie.nodes
            out.int(nodes.count)
            for node in nodes {
                out.int(node.edges.count)
                for (b, child) in node.edges { out.byte(b); out.int(Int(child)) }
                out.ints(node.values)
            }
        }
        out.int(containing.count)
        for (part, id) in containing { out.byteString(part); out.int(id) }
        out.int(phraseStart.count)
        for v in phraseStart { out.int(Int(v)) }
        out.int(phraseWords.count)
        for w in phraseWords { out.int(Int(w.id)); out.byte(w.optional ? 1 : 0) }
        out.int(phrasesStartingWith.count)
        for list in phrasesStartingWith { out.ints(list) }
        out.int(usages.count)
        for list in usages {
            out.int(list.count)
            for usage in list {
                switch usage {
                case let .rule(r, s, g): out.byte(0); out.int(r); out.int(s); out.int(g)
                case let .domain(d): out.byte(1); out.string(d.rawValue)
                case let .fact(name): out.byte(2); out.string(name)
                }
            }
        }
        // Typo tolerance (empty when compiled without it).
        out.int(fuzzyStems.count)
        for length in fuzzyStems.keys.sorted() {
            out.int(length)
            out.int(fuzzyStems[length]!.count)
            for entry in fuzzyStems[length]! { out.byteString(entry.stem); out.ints(entry.ids) }
        }
        out.int(joinable.count)
        for key in joinable.keys.sorted() { out.string(key); out.ints(joinable[key]!) }
        out.int(joinFirstParts.count)
        for part in joinFirstParts.sorted() { out.string(part) }
        return out.bytes
    }

    /// The matcher of `catalogue` from `encoded()`'s bytes; nil when they are not exactly such
    /// bytes for this catalogue (cut short, with bytes left over, or an index outside the word,
    /// phrase or rule tables): the caller compiles instead.
    public convenience init?(_ catalogue: Catalogue, encoded bytes: [UInt8]) {
        var r = ByteReader(bytes)
        guard let parts = Self.decode(&r, catalogue: catalogue), r.atEnd else { return nil }
        self.init(catalogue: catalogue, parts: parts)
    }

    private struct Parts {
        var exact: [String: [Int]] = [:]
        var surfaces: [String: [Int]] = [:]
        var suffixes = ByteTrie()
        var prefixes = ByteTrie()
        var containing: [([UInt8], Int)] = []
        var phraseStart: [Int32] = []
        var phraseWords: [PhraseWord] = []
        var phrasesStartingWith: [[Int]] = []
        var usages: [[Usage]] = []
        var fuzzyStems: [Int: [(stem: [UInt8], ids: [Int])]] = [:]
        var joinable: [String: [Int]] = [:]
        var joinFirstParts: Set<String> = []
    }

    private convenience init(catalogue: Catalogue, parts: Parts) {
        self.init(empty: catalogue)
        exact = parts.exact
        surfaces = parts.surfaces
        suffixes = parts.suffixes
        prefixes = parts.prefixes
        containing = parts.containing
        phraseStart = parts.phraseStart
        phraseWords = parts.phraseWords
        phrasesStartingWith = parts.phrasesStartingWith
        usages = parts.usages
        fuzzyStems = parts.fuzzyStems
        joinable = parts.joinable
        joinFirstParts = parts.joinFirstParts
    }

    private static func decode(_ r: inout ByteReader, catalogue: Catalogue) -> Parts? {
        var p = Parts()
        guard let wordCount = r.count(), let phraseCount = r.count() else { return nil }
        let word = 0..<wordCount, phrase = 0..<phraseCount
        func ids(_ r: inout ByteReader, in range: Range<Int>) -> [Int]? {
            guard let list = r.ints(), list.allSatisfy(range.contains) else { return nil }
            return list
        }
        var tables: [[String: [Int]]] = []
        for _ in 0..<2 {
            guard let n = r.count() else { return nil }
            var table: [String: [Int]] = [:]
            table.reserveCapacity(n)
            for _ in 0..<n {
                guard let key = r.string(), let list = ids(&r, in: word) else { return nil }
                table[key] = list
            }
            tables.append(table)
        }
        (p.exact, p.surfaces) = (tables[0], tables[1])
        var tries: [ByteTrie] = []
        for _ in 0..<2 {
            guard let n = r.count() else { return nil }
            var nodes: [(edges: [(UInt8, Int32)], values: [Int])] = []
            nodes.reserveCapacity(n)
            for _ in 0..<n {
                guard let e = r.count() else { return nil }
                var edges: [(UInt8, Int32)] = []
                edges.reserveCapacity(e)
                for _ in 0..<e {
                    guard let b = r.byte(), let child = r.count(), child <= Int(Int32.max) else { return nil }
                    edges.append((b, Int32(child)))
                }
                guard let values = ids(&r, in: word) else { return nil }
                nodes.append((edges, values))
            }
            guard let trie = ByteTrie(nodes: nodes) else { return nil }
            tries.append(trie)
        }
        (p.suffixes, p.prefixes) = (tries[0], tries[1])
        guard let containingCount = r.count() else { return nil }
        for _ in 0..<containingCount {
            guard let part = r.byteString(), let id = r.count(), word.contains(id) else { return nil }
            p.containing.append((part, id))
        }
        guard let startCount = r.count(), startCount == phraseCount + 1 else { return nil }
        for _ in 0..<startCount {
            guard let v = r.count(), v <= Int(Int32.max) else { return nil }
            p.phraseStart.append(Int32(v))
        }
        guard let wordsCount = r.count() else { return nil }
        // Phrase p's words: phraseStart[p]..<phraseStart[p + 1], rising from 0 to every word.
        guard p.phraseStart.first == 0, p.phraseStart.last.map(Int.init) == wordsCount,
              zip(p.phraseStart, p.phraseStart.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        p.phraseWords.reserveCapacity(wordsCount)
        for _ in 0..<wordsCount {
            guard let id = r.int(), id == -1 || word.contains(id), let optional = r.byte(), optional <= 1 else { return nil }
            p.phraseWords.append(PhraseWord(id: Int32(id), optional: optional == 1))
        }
        guard let firstCount = r.count(), firstCount == wordCount else { return nil }
        p.phrasesStartingWith.reserveCapacity(firstCount)
        for _ in 0..<firstCount {
            guard let list = ids(&r, in: phrase) else { return nil }
            p.phrasesStartingWith.append(list)
        }
        guard let usageCount = r.count(), usageCount == phraseCount else { return nil }
        p.usages.reserveCapacity(usageCount)
        for _ in 0..<usageCount {
            guard let n = r.count() else { return nil }
            var list: [Usage] = []
            for _ in 0..<n {
                switch r.byte() {
                case 0:
                    guard let rule = r.count(), rule < catalogue.rules.count, let spec = r.count(), let group = r.count() else { return nil }
                    let specs = [catalogue.rules[rule].match] + catalogue.rules[rule].exceptions
                    guard spec < specs.count, group < specs[spec].groups.count else { return nil }
                    list.append(.rule(rule: rule, spec: spec, group: group))
                case 1:
                    guard let raw = r.string(), let d = Domain(rawValue: raw) else { return nil }
                    list.append(.domain(d))
                case 2:
                    guard let name = r.string() else { return nil }
                    list.append(.fact(name))
                default:
                    return nil
                }
            }
            p.usages.append(list)
        }
        guard let lengths = r.count() else { return nil }
        for _ in 0..<lengths {
            guard let length = r.count(), let n = r.count() else { return nil }
            var entries: [(stem: [UInt8], ids: [Int])] = []
            for _ in 0..<n {
                guard let stem = r.byteString(), stem.count == length, let list = ids(&r, in: word) else { return nil }
                entries.append((stem, list))
            }
            p.fuzzyStems[length] = entries
        }
        guard let joinCount = r.count() else { return nil }
        for _ in 0..<joinCount {
            guard let key = r.string(), let list = ids(&r, in: word) else { return nil }
            p.joinable[key] = list
        }
        guard let partCount = r.count() else { return nil }
        for _ in 0..<partCount {
            guard let part = r.string() else { return nil }
            p.joinFirstParts.insert(part)
        }
        return p
    }
}

/// Little-endian integers and length-prefixed byte strings, for `CompiledCatalogue.encoded()`.
private struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func int(_ v: Int) {
        let u = UInt64(bitPattern: Int64(v))
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: u >> UInt64(shift))) }
    }

    mutating func ints(_ list: [Int]) {
        int(list.count)
        for v in list { int(v) }
    }

    mutating func byteString(_ b: [UInt8]) {
        int(b.count)
        bytes.append(contentsOf: b)
    }

    mutating func string(_ s: String) { byteString(Array(s.utf8)) }
}

/// Reads what `ByteWriter` wrote; every read is nil past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() -> Int? {
        guard bytes.count - offset >= 8 else { return nil }
        var u: UInt64 = 0
        for k in 0..<8 { u |= UInt64(bytes[offset + k]) << UInt64(8 * k) }
        offset += 8
        return Int(Int64(bitPattern: u))
    }

    /// A count or an index: not negative, and not more than the bytes left could hold.
    mutating func count() -> Int? {
        guard let v = int(), v >= 0, v <= bytes.count else { return nil }
        return v
    }

    mutating func ints() -> [Int]? {
        guard let n = count(), bytes.count - offset >= 8 * n else { return nil }
        var list: [Int] = []
        list.reserveCapacity(n)
        for _ in 0..<n { list.append(int()!) }
        return list
    }

    mutating func byteString() -> [UInt8]? {
        guard let n = count(), bytes.count - offset >= n else { return nil }
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }

    mutating func string() -> String? {
        guard let b = byteString() else { return nil }
        return String(validating: b, as: UTF8.self)
    }
}
