/// A trie over byte strings: which of many patterns are prefixes of a given string, in one walk.
/// Used for word beginnings (`kwaliteits*`) and, over reversed stems, for stem endings (`*rapportage`).
struct ByteTrie {
    private var children: [[UInt8: Int32]] = [[:]]
    private var values: [[Int]] = [[]]

    mutating func insert<S: Sequence>(_ key: S, value: Int) where S.Element == UInt8 {
        var node = 0
        for b in key {
            if let next = children[node][b] { node = Int(next); continue }
            children.append([:]); values.append([])
            children[node][b] = Int32(children.count - 1)
            node = children.count - 1
        }
        values[node].append(value)
    }

    /// Calls `body` with the values of every inserted key that is a prefix of `key`.
    func forEachPrefix<S: Sequence>(of key: S, _ body: (Int) -> Void) where S.Element == UInt8 {
        var node = 0
        for b in key {
            guard let next = children[node][b] else { return }
            node = Int(next)
            for v in values[node] { body(v) }
        }
    }

    var isEmpty: Bool { children.count == 1 }
}
