import Yams

extension YAMLNodeReader where Problem == CatalogueError {
    /// A text in Dutch, or a mapping `{nl: …, en: …}` with the English optional.
    mutating func localized(_ node: Node?, _ what: String, in parent: Node) -> LocalizedText? {
        guard let node else { fail(parent, .missingKey(what)); return nil }
        if let s = node.scalar?.string { return LocalizedText(nl: s) }
        let m = mapping(node, allowed: ["nl", "en"], what: what)
        guard let nl = string(m["nl"], "\(what).nl", in: node) else { return nil }
        return LocalizedText(nl: nl, en: optionalString(m["en"], "\(what).en"))
    }
}
