/// A pairing of clauses: one or more clauses of the standard with one or more of the document
/// (more than one when a clause was split or merged).
struct Match: Sendable {
    var standard: [Int]
    var document: [Int]
    var similarity: Float
    /// The pair is out of the order of the other pairs: the clause was moved.
    var moved: Bool
}

/// Aligns the clauses of a document with those of a standard.
///
/// 1. Candidates: the cosine of the stem vectors of every pair that shares a stem, through an
///    inverted index of the standard (pairs without a shared stem are never looked at); a heading
///    pairs only with a heading, a clause only with a clause.
/// 2. An ordered alignment (Needleman–Wunsch without gap costs) maximising the summed similarity
///    of the pairs, with a bonus where the clause numbers agree: renumbered clauses still pair by
///    their text, clauses with the same number and similar text pair before any other.
///    Above `maximumCells` the ordered pairs are the longest chain of best candidates instead.
/// 3. Rewritten clauses: in each gap between two pairs, what is left on both sides pairs from a
///    lower similarity.
/// 4. Moved clauses: what is left on both sides pairs by similarity, best first.
/// 5. Split and merged clauses: a clause left over next to a pair joins it when the pair's text
///    becomes (nearly) the same with it.
///
/// Time: the candidate step is linear in the summed lengths of the shared posting lists; the
/// alignment is O(n·m) cells of a few instructions each.
struct Aligner {
    var minimumSimilarity: Float = 0.5
    var movedSimilarity: Float = 0.6
    /// Within a gap of the alignment (between the same two pairs on both sides) a clause left over
    /// on each side is a rewrite of the other from this similarity on.
    var gapSimilarity: Float = 0.25
    var numberBonus: Float = 0.2

    struct Input {
        var units: [ClauseUnit]
        var vectors: [StemSpace.Vector]
    }

    /// Vectors for the clauses of both sides, weighted over both.
    static func inputs(_ a: [ClauseUnit], _ b: [ClauseUnit]) -> (Input, Input) {
        var space = StemSpace()
        let ca = a.map { space.counts($0.stems) }
        let cb = b.map { space.counts($0.stems) }
        for c in ca { space.add(c) }
        for c in cb { space.add(c) }
        return (Input(units: a, vectors: ca.map(space.vector)), Input(units: b, vectors: cb.map(space.vector)))
    }

    /// Candidate pairs per document clause: (standard clause, similarity), similarity ≥ the minimum.
    func candidates(_ standard: Input, _ document: Input, minimum: Float) -> [[(s: Int, sim: Float)]] {
        var postings: [Int32: [(s: Int32, w: Float)]] = [:]
        for (s, v) in standard.vectors.enumerated() {
            for e in v { postings[e.id, default: []].append((s: Int32(s), w: e.weight)) }
        }
        var accumulator = [Float](repeating: 0, count: standard.units.count)
        var touched: [Int] = []
        var result: [[(s: Int, sim: Float)]] = []
        result.reserveCapacity(document.units.count)
        for (d, v) in document.vectors.enumerated() {
            for e in v {
                guard let list = postings[e.id] else { continue }
                for p in list {
                    let s = Int(p.s)
                    if accumulator[s] == 0 { touched.append(s) }
                    accumulator[s] += e.weight * p.w
                }
            }
            var row: [(s: Int, sim: Float)] = []
            let heading = document.units[d].isHeading
            for s in touched {
                let sim = min(1, accumulator[s])
                accumulator[s] = 0
                if sim >= minimum, standard.units[s].isHeading == heading { row.append((s: s, sim: sim)) }
            }
            touched.removeAll(keepingCapacity: true)
            // Two clauses without any stem (a bare number, an empty heading) are alike when their numbers are.
            if v.isEmpty {
                for (s, u) in standard.units.enumerated() where standard.vectors[s].isEmpty && u.isHeading == heading
                    && u.numberKey != nil && u.numberKey == document.units[d].numberKey { row.append((s: s, sim: 1)) }
            }
            result.append(row.sorted { $0.s < $1.s })
        }
        return result
    }

    func align(_ standard: Input, _ document: Input) -> [Match] {
        let n = standard.units.count, m = document.units.count
        let candidates = self.candidates(standard, document, minimum: min(minimumSimilarity, movedSimilarity, gapSimilarity))
        // The candidates by standard clause, for the rows of the alignment.
        var byStandard = [[(d: Int, score: Float)]](repeating: [], count: n)
        for (d, row) in candidates.enumerated() {
            for c in row where c.sim >= minimumSimilarity {
                var score = c.sim
                if let a = standard.units[c.s].numberKey, a == document.units[d].numberKey { score += numberBonus }
                if standard.units[c.s].words.map(\.key) == document.units[d].words.map(\.key) { score += 0.05 }
                byStandard[c.s].append((d: d, score: score))
            }
        }

        var matches: [Match] = []
        var pairedStandard = [Bool](repeating: false, count: n)
        var pairedDocument = [Bool](repeating: false, count: m)
        if n * m > maximumCells {
            matches = orderedByBestCandidates(candidates)
        } else {
            matches = orderedAlignment(byStandard, candidates, n: n, m: m)
        }
        for match in matches {
            pairedStandard[match.standard[0]] = true
            pairedDocument[match.document[0]] = true
        }
        pairInGaps(&matches, candidates, standard, document, &pairedStandard, &pairedDocument)
        return finish(matches, candidates, standard, document, &pairedStandard, &pairedDocument)
    }

    /// Above this many cells (n·m) the exact alignment would take too much memory (5 bytes a cell):
    /// the ordered pairs are then the longest chain of best candidates instead.
    var maximumCells = 16_000_000

    /// Every document clause with its best candidate, and of those pairs the longest chain in the
    /// order of both documents (a longest increasing subsequence, O(m log m)).
    private func orderedByBestCandidates(_ candidates: [[(s: Int, sim: Float)]]) -> [Match] {
        var best: [(s: Int, d: Int, sim: Float)] = []
        for (d, row) in candidates.enumerated() {
            guard let top = row.filter({ $0.sim >= minimumSimilarity }).max(by: { $0.sim < $1.sim }) else { continue }
            best.append((top.s, d, top.sim))
        }
        // Patience sorting on the standard index, with back links.
        var tails: [Int] = []           // index into `best` of the last pair of each chain length
        var previous = [Int](repeating: -1, count: best.count)
        for (k, p) in best.enumerated() {
            var lo = 0, hi = tails.count
            while lo < hi { let mid = (lo + hi) / 2; if best[tails[mid]].s < p.s { lo = mid + 1 } else { hi = mid } }
            if lo > 0 { previous[k] = tails[lo - 1] }
            if lo == tails.count { tails.append(k) } else { tails[lo] = k }
        }
        var chain: [Match] = []
        var k = tails.last ?? -1
        while k >= 0 { chain.append(Match(standard: [best[k].s], document: [best[k].d], similarity: best[k].sim, moved: false)); k = previous[k] }
        return chain.reversed()
    }

    /// The exact ordered alignment: dp[i][j] = best summed score of the first i standard and j document clauses.
    private func orderedAlignment(_ byStandard: [[(d: Int, score: Float)]], _ candidates: [[(s: Int, sim: Float)]],
                                  n: Int, m: Int) -> [Match] {
        let width = m + 1
        var dp = [Float](repeating: 0, count: (n + 1) * width)
        var step = [UInt8](repeating: 0, count: (n + 1) * width)   // 1 skip standard, 2 skip document, 3 pair
        var rowScore = [Float](repeating: 0, count: m)
        for i in 1...max(1, n) where n > 0 {
            for c in byStandard[i - 1] { rowScore[c.d] = c.score }
            let here = i * width, above = (i - 1) * width
            for j in 1...max(1, m) where m > 0 {
                var best = dp[above + j]
                var how: UInt8 = 1
                if dp[here + j - 1] > best { best = dp[here + j - 1]; how = 2 }
                let s = rowScore[j - 1]
                if s > 0, dp[above + j - 1] + s > best { best = dp[above + j - 1] + s; how = 3 }
                dp[here + j] = best
                step[here + j] = how
            }
            for c in byStandard[i - 1] { rowScore[c.d] = 0 }
        }
        var matches: [Match] = []
        var i = n, j = m
        let similarity: (Int, Int) -> Float = { s, d in candidates[d].first { $0.s == s }?.sim ?? 0 }
        while i > 0, j > 0 {
            switch step[i * width + j] {
            case 3:
                matches.append(Match(standard: [i - 1], document: [j - 1], similarity: similarity(i - 1, j - 1), moved: false))
                i -= 1; j -= 1
            case 2: j -= 1
            default: i -= 1
            }
        }
        return matches.reversed()
    }

    /// Moved clauses, then split and merged ones.
    private func finish(_ ordered: [Match], _ candidates: [[(s: Int, sim: Float)]], _ standard: Input, _ document: Input,
                        _ pairedStandard: inout [Bool], _ pairedDocument: inout [Bool]) -> [Match] {
        var matches = ordered
        // Moved clauses: the best remaining pairs, greedily.
        var loose: [(s: Int, d: Int, sim: Float)] = []
        for (d, row) in candidates.enumerated() where !pairedDocument[d] {
            for c in row where !pairedStandard[c.s] && c.sim >= movedSimilarity { loose.append((s: c.s, d: d, sim: c.sim)) }
        }
        loose.sort { ($0.sim, -$0.s, -$0.d) > ($1.sim, -$1.s, -$1.d) }
        for p in loose where !pairedStandard[p.s] && !pairedDocument[p.d] {
            pairedStandard[p.s] = true
            pairedDocument[p.d] = true
            matches.append(Match(standard: [p.s], document: [p.d], similarity: p.sim, moved: true))
        }

        joinSplitsAndMerges(&matches, standard, document, &pairedStandard, &pairedDocument)
        return matches
    }

    /// Rewritten clauses: in each gap between two consecutive pairs, the clauses left over on both
    /// sides pair by similarity (at least `gapSimilarity`, or any shared stem when their numbers
    /// agree), best first, without crossing one another.
    private func pairInGaps(_ matches: inout [Match], _ candidates: [[(s: Int, sim: Float)]], _ standard: Input, _ document: Input,
                            _ pairedStandard: inout [Bool], _ pairedDocument: inout [Bool]) {
        var result: [Match] = []
        var previous = (s: -1, d: -1)
        for k in 0...matches.count {
            let next = k < matches.count ? (s: matches[k].standard[0], d: matches[k].document[0])
                                         : (s: standard.units.count, d: document.units.count)
            var found: [(s: Int, d: Int, sim: Float, score: Float)] = []
            if next.s - previous.s > 1, next.d - previous.d > 1 {
                for d in (previous.d + 1)..<next.d where !pairedDocument[d] {
                    for c in candidates[d] where c.s > previous.s && c.s < next.s && !pairedStandard[c.s] {
                        let sameNumber = standard.units[c.s].numberKey != nil && standard.units[c.s].numberKey == document.units[d].numberKey
                        if c.sim >= gapSimilarity || sameNumber {
                            found.append((c.s, d, c.sim, c.sim + (sameNumber ? numberBonus : 0)))
                        }
                    }
                }
            }
            found.sort { ($0.score, -$0.s) > ($1.score, -$1.s) }
            var chosen: [(s: Int, d: Int, sim: Float)] = []
            for f in found where !pairedStandard[f.s] && !pairedDocument[f.d] {
                // No crossing: every chosen pair keeps the order on both sides.
                guard chosen.allSatisfy({ ($0.s < f.s) == ($0.d < f.d) }) else { continue }
                pairedStandard[f.s] = true
                pairedDocument[f.d] = true
                chosen.append((f.s, f.d, f.sim))
            }
            for c in chosen.sorted(by: { $0.s < $1.s }) {
                result.append(Match(standard: [c.s], document: [c.d], similarity: c.sim, moved: false))
            }
            if k < matches.count { result.append(matches[k]) }
            previous = next
        }
        matches = result
    }

    /// A clause left over next to a pair joins the pair when that makes the pair's texts nearly the
    /// same: the document split one clause of the standard in two, or merged two into one.
    private func joinSplitsAndMerges(_ matches: inout [Match], _ standard: Input, _ document: Input,
                                     _ pairedStandard: inout [Bool], _ pairedDocument: inout [Bool]) {
        var matchOfDocument = [Int?](repeating: nil, count: document.units.count)
        var matchOfStandard = [Int?](repeating: nil, count: standard.units.count)
        for (k, match) in matches.enumerated() {
            for d in match.document { matchOfDocument[d] = k }
            for s in match.standard { matchOfStandard[s] = k }
        }
        func vector(_ indices: [Int], _ side: Input) -> StemSpace.Vector {
            indices.dropFirst().reduce(side.vectors[indices[0]]) { StemSpace.combined($0, side.vectors[$1]) }
        }
        func tryJoin(_ k: Int, addingDocument d: Int?, addingStandard s: Int?) -> Bool {
            var candidate = matches[k]
            if let d { candidate.document = (candidate.document + [d]).sorted() }
            if let s { candidate.standard = (candidate.standard + [s]).sorted() }
            let part = d.map { document.vectors[$0] } ?? s.map { standard.vectors[$0] }!
            let whole = d != nil ? vector(matches[k].standard, standard) : vector(matches[k].document, document)
            guard StemSpace.containment(part, in: whole) >= 0.8 else { return false }
            let sim = StemSpace.cosine(vector(candidate.standard, standard), vector(candidate.document, document))
            guard sim >= 0.85, sim > matches[k].similarity + 0.05 else { return false }
            candidate.similarity = sim
            matches[k] = candidate
            return true
        }
        for d in document.units.indices where !pairedDocument[d] && !document.units[d].isHeading {
            for neighbour in [d - 1, d + 1] where document.units.indices.contains(neighbour) {
                guard let k = matchOfDocument[neighbour], !document.units[neighbour].isHeading,
                      matches[k].standard.count == 1 else { continue }
                if tryJoin(k, addingDocument: d, addingStandard: nil) {
                    pairedDocument[d] = true
                    matchOfDocument[d] = k
                    break
                }
            }
        }
        for s in standard.units.indices where !pairedStandard[s] && !standard.units[s].isHeading {
            for neighbour in [s - 1, s + 1] where standard.units.indices.contains(neighbour) {
                guard let k = matchOfStandard[neighbour], !standard.units[neighbour].isHeading,
                      matches[k].document.count == 1 else { continue }
                if tryJoin(k, addingDocument: nil, addingStandard: s) {
                    pairedStandard[s] = true
                    matchOfStandard[s] = k
                    break
                }
            }
        }
    }
}
