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

    init() {}

    /// The nodes as `CompiledCatalogue.encoded()` stores them: per node its edges (byte, child)
    /// sorted by byte, and its values.
    var nodes: [(edges: [(UInt8, Int32)], values: [Int])] {
        children.indices.map { n in (children[n].sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, values[n]) }
    }

    /// A trie from `nodes` (node 0 the root); nil when an edge points outside them.
    init?(nodes: [(edges: [(UInt8, Int32)], values: [Int])]) {
        guard !nodes.isEmpty else { return nil }
        children = []
        values = []
        children.reserveCapacity(nodes.count)
        values.reserveCapacity(nodes.count)
        for node in nodes {
            var edges: [UInt8: Int32] = [:]
            edges.reserveCapacity(node.edges.count)
            for (b, child) in node.edges {
                guard child > 0, Int(child) < nodes.count else { return nil }
                edges[b] = child
            }
            children.append(edges)
            values.append(node.values)
        }
    }

    /// Every value stored (for checking a decoded trie against the number of words).
    var allValues: [Int] { values.flatMap { $0 } }
}
