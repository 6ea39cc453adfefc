import Foundation

/// Weighted stem vectors of the clauses of two documents, and the cosine between them.
///
/// Weights are tf·idf over the clauses of both documents, so words every clause has (`de`,
/// `aanbieder`) count for little and the words that make a clause its own count for much.
/// Vectors are sparse, sorted by stem id, and of length 1.
struct StemSpace {
    typealias Vector = [(id: Int32, weight: Float)]

    private(set) var ids: [String: Int32] = [:]
    private(set) var documentFrequency: [Int32] = []
    private(set) var clauseCount = 0

    mutating func id(_ stem: String) -> Int32 {
        if let id = ids[stem] { return id }
        let id = Int32(ids.count)
        ids[stem] = id
        documentFrequency.append(0)
        return id
    }

    /// The stem ids of `stems`, with their counts, sorted by id.
    mutating func counts(_ stems: [String]) -> [(id: Int32, count: Int)] {
        var counts: [Int32: Int] = [:]
        for s in stems { counts[id(s), default: 0] += 1 }
        return counts.map { (id: $0.key, count: $0.value) }.sorted { $0.id < $1.id }
    }

    /// Counts the stems of one clause for the document frequencies.
    mutating func add(_ counts: [(id: Int32, count: Int)]) {
        clauseCount += 1
        for c in counts { documentFrequency[Int(c.id)] += 1 }
    }

    func idf(_ id: Int32) -> Float {
        Float(log(1 + Double(clauseCount) / Double(max(1, documentFrequency[Int(id)]))))
    }

    func vector(_ counts: [(id: Int32, count: Int)]) -> Vector {
        var v: Vector = counts.map { (id: $0.id, weight: Float(1 + log(Double($0.count))) * idf($0.id)) }
        let norm = sqrt(v.reduce(Float(0)) { $0 + $1.weight * $1.weight })
        if norm > 0 { for i in v.indices { v[i].weight /= norm } }
        return v
    }

    static func cosine(_ a: Vector, _ b: Vector) -> Float {
        var i = 0, j = 0
        var sum: Float = 0
        while i < a.count, j < b.count {
            if a[i].id == b[j].id { sum += a[i].weight * b[j].weight; i += 1; j += 1 }
            else if a[i].id < b[j].id { i += 1 } else { j += 1 }
        }
        return min(1, sum)
    }

    /// The sum of two vectors, of length 1 again (a clause and the part split off it).
    static func combined(_ a: Vector, _ b: Vector) -> Vector {
        var out: Vector = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].id < b[j].id) { out.append(a[i]); i += 1 }
            else if i == a.count || b[j].id < a[i].id { out.append(b[j]); j += 1 }
            else { out.append((id: a[i].id, weight: a[i].weight + b[j].weight)); i += 1; j += 1 }
        }
        let norm = sqrt(out.reduce(Float(0)) { $0 + $1.weight * $1.weight })
        if norm > 0 { for k in out.indices { out[k].weight /= norm } }
        return out
    }

    /// The share of `part`'s weight whose stems `whole` also has.
    static func containment(_ part: Vector, in whole: Vector) -> Float {
        var i = 0, j = 0
        var inside: Float = 0, total: Float = 0
        while i < part.count {
            total += part[i].weight
            while j < whole.count, whole[j].id < part[i].id { j += 1 }
            if j < whole.count, whole[j].id == part[i].id { inside += part[i].weight }
            i += 1
        }
        return total > 0 ? inside / total : 0
    }
}
