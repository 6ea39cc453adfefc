import Yams

/// A thin reader over Yams nodes that keeps file, line and column for every error.
struct YAMLReader {
    let file: String
    var errors: [CatalogueError] = []

    init(file: String) { self.file = file }

    mutating func fail(_ node: Node?, _ reason: CatalogueError.Reason) {
        let mark = node?.mark
        errors.append(CatalogueError(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, reason: reason))
    }

    /// The pairs of a mapping; reports unknown keys (anything not in `allowed`).
    mutating func mapping(_ node: Node, allowed: Set<String>, what: String) -> [String: Node] {
        guard let map = node.mapping else {
            fail(node, .notAMapping(what))
            return [:]
        }
        var out: [String: Node] = [:]
        for (k, v) in map {
            guard let key = k.string else { fail(k, .keyNotText); continue }
            if !allowed.contains(key) {
                fail(k, .unknownKey(key, in: what, allowed: allowed.sorted()))
                continue
            }
            out[key] = v
        }
        return out
    }

    mutating func string(_ node: Node?, _ what: String, in parent: Node) -> String? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        guard let s = node.scalar?.string else { fail(node, .notText(what)); return nil }
        return s
    }

    mutating func optionalString(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard let s = node.scalar?.string else { fail(node, .notText(what)); return nil }
        return s
    }

    mutating func double(_ node: Node?, _ what: String, in parent: Node) -> Double? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        guard let s = node.scalar?.string, let d = Double(s) else { fail(node, .notANumber(what)); return nil }
        return d
    }

    mutating func strings(_ node: Node?, _ what: String) -> [String] {
        guard let node else { return [] }
        if let s = node.scalar?.string { return [s] }
        guard let seq = node.sequence else { fail(node, .notAList(what)); return [] }
        var out: [String] = []
        for item in seq {
            if let s = item.scalar?.string { out.append(s) } else { fail(item, .itemNotText(what)) }
        }
        return out
    }

    mutating func localized(_ node: Node?, _ what: String, in parent: Node) -> LocalizedText? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        if let s = node.scalar?.string { return LocalizedText(nl: s) }
        let m = mapping(node, allowed: ["nl", "en"], what: what)
        guard let nl = string(m["nl"], "\(what).nl", in: node) else { return nil }
        return LocalizedText(nl: nl, en: optionalString(m["en"], "\(what).en"))
    }
}
