import TenderLanguage

/// A run of the word diff between a clause of the standard and its counterpart.
public struct DiffSegment: Hashable, Sendable, Codable {
    public enum Operation: String, Hashable, Sendable, Codable {
        /// In both texts.
        case equal
        /// Only in the standard.
        case delete
        /// Only in the document.
        case insert
        /// A template placeholder of the standard (`[naam gemeente]`) and the words that fill it in.
        case fill
    }
    public var op: Operation
    /// The words as written (the standard's for `equal`, `delete` and `fill`), joined by a space.
    public var text: String
    /// For `fill`: the document's words.
    public var replacement: String?

    public init(op: Operation, text: String, replacement: String? = nil) {
        self.op = op
        self.text = text
        self.replacement = replacement
    }
}

/// A number the document changed: `betaaltermijn 30 → 60 dagen`.
public struct NumberChange: Hashable, Sendable, Codable {
    /// What the number is about: the clause's heading, lower case (`betaaltermijn`).
    public var label: String
    public var from: String
    public var to: String
    /// The unit after the number (`dagen`), in the standard and in the document.
    public var fromUnit: String?
    public var toUnit: String?

    /// `betaaltermijn 30 → 60 dagen`; `looptijd 4 jaar → 24 maanden` when the unit changed too.
    public var text: String {
        let head = label.isEmpty ? "" : label + " "
        if fromUnit == toUnit { return head + "\(from) → \(to)" + (toUnit.map { " " + $0 } ?? "") }
        return head + from + (fromUnit.map { " " + $0 } ?? "") + " → " + to + (toUnit.map { " " + $0 } ?? "")
    }
}

/// The word-level difference of two word sequences: an LCS over the matching forms, after the
/// common prefix and suffix are taken off (most clauses differ in a few words).
enum WordDiff {
    enum Op: Equatable { case equal, delete, insert }

    /// The edit script turning `a` into `b`, one operation per word.
    static func script(_ a: [String], _ b: [String]) -> [Op] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let x = Array(a[prefix..<(a.count - suffix)]), y = Array(b[prefix..<(b.count - suffix)])
        var middle: [Op] = []
        if x.isEmpty || y.isEmpty {
            middle = Array(repeating: .delete, count: x.count) + Array(repeating: .insert, count: y.count)
        } else {
            // lcs[i][j]: the LCS length of x[i...] and y[j...].
            let w = y.count + 1
            var lcs = [Int32](repeating: 0, count: (x.count + 1) * w)
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                for j in stride(from: y.count - 1, through: 0, by: -1) {
                    lcs[i * w + j] = x[i] == y[j] ? lcs[(i + 1) * w + j + 1] + 1 : max(lcs[(i + 1) * w + j], lcs[i * w + j + 1])
                }
            }
            var i = 0, j = 0
            while i < x.count || j < y.count {
                if i < x.count, j < y.count, x[i] == y[j] { middle.append(.equal); i += 1; j += 1 }
                // Deletions before insertions where both keep the LCS: `[-old-] {+new+}`.
                else if i < x.count, j == y.count || lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] { middle.append(.delete); i += 1 }
                else { middle.append(.insert); j += 1 }
            }
        }
        return Array(repeating: .equal, count: prefix) + middle + Array(repeating: .equal, count: suffix)
    }

    /// The difference of two clauses' words, as segments, with the placeholders that were filled in
    /// and the numbers that changed. `same` is true when nothing but placeholders differs.
    static func compare(_ a: [Word], _ b: [Word], textA: (Word) -> String, textB: (Word) -> String, label: String)
        -> (same: Bool, segments: [DiffSegment], numbers: [NumberChange]) {
        let ops = script(a.map(\.key), b.map(\.key))
        // Hunks: maximal runs of deletes and inserts between equal words.
        struct Hunk { var deleted: Range<Int>; var inserted: Range<Int> }
        var segments: [DiffSegment] = []
        var numbers: [NumberChange] = []
        var same = true
        var i = 0, j = 0, k = 0
        func flushEqual(_ from: Int, _ to: Int) {
            guard to > from else { return }
            segments.append(DiffSegment(op: .equal, text: (from..<to).map { textA(a[$0]) }.joined(separator: " ")))
        }
        while k < ops.count {
            if ops[k] == .equal {
                let start = i
                while k < ops.count, ops[k] == .equal { i += 1; j += 1; k += 1 }
                flushEqual(start, i)
                continue
            }
            let di = i, dj = j
            while k < ops.count, ops[k] != .equal {
                if ops[k] == .delete { i += 1 } else { j += 1 }
                k += 1
            }
            let hunk = Hunk(deleted: di..<i, inserted: dj..<j)
            let deleted = hunk.deleted.map { a[$0] }, inserted = hunk.inserted.map { b[$0] }
            if deleted.count == 1, deleted[0].isPlaceholder, (1...8).contains(inserted.count), !inserted.contains(where: \.isPlaceholder) {
                segments.append(DiffSegment(op: .fill, text: textA(deleted[0]), replacement: inserted.map(textB).joined(separator: " ")))
                continue
            }
            same = false
            if !deleted.isEmpty { segments.append(DiffSegment(op: .delete, text: deleted.map(textA).joined(separator: " "))) }
            if !inserted.isEmpty { segments.append(DiffSegment(op: .insert, text: inserted.map(textB).joined(separator: " "))) }
            let dn = hunk.deleted.filter { a[$0].isNumber }, inn = hunk.inserted.filter { b[$0].isNumber }
            if dn.count == 1, inn.count == 1 {
                numbers.append(NumberChange(label: label, from: textA(a[dn[0]]), to: textB(b[inn[0]]),
                                            fromUnit: unit(after: dn[0], in: a, text: textA), toUnit: unit(after: inn[0], in: b, text: textB)))
            }
        }
        return (same, segments, numbers)
    }

    /// The unit word right after the number at `index` (`dagen`, `weken`, `jaar`, `procent`), if any.
    static func unit(after index: Int, in words: [Word], text: (Word) -> String) -> String? {
        guard index + 1 < words.count, Quantity.unit(words[index + 1].key) != nil else { return nil }
        return text(words[index + 1])
    }
}
