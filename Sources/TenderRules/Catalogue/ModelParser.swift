import Yams

/// Turns one model-article file (`rules/models/<id>.yml`) into a `ModelArticle`.
struct ModelParser {
    let taxonomy: Taxonomy

    func parse(_ text: String, file: String) -> (ModelArticle?, [CatalogueError]) {
        var reader = YAMLNodeReader<CatalogueError>(file: file)
        guard let root = reader.compose(text, empty: .emptyFile) else { return (nil, reader.problems) }
        let m = reader.mapping(root, allowed: ["id", "title", "text", "basis", "parameters", "topics", "burden"], what: "modelartikel")
        let id = reader.string(m["id"], "id", in: root)
        let title = reader.localized(m["title"], "title", in: root)
        let body = reader.localized(m["text"], "text", in: root)
        var basis: [LegalBasis] = []
        let basisItems: [Node] = m["basis"]?.sequence.map(Array.init) ?? m["basis"].map({ [$0] }) ?? []
        for item in basisItems {
            let b = reader.mapping(item, allowed: ["law", "article", "bwb", "url", "status", "source", "domain"], what: "basis")
            guard let law = reader.string(b["law"], "law", in: item) else { continue }
            let status = Verification(rawValue: reader.optionalString(b["status"], "status") ?? "U") ?? .unverified
            basis.append(LegalBasis(law: law, article: reader.optionalString(b["article"], "article"), bwb: reader.optionalString(b["bwb"], "bwb"),
                                    url: reader.optionalString(b["url"], "url"), status: status, source: reader.optionalString(b["source"], "source"),
                                    domain: reader.optionalString(b["domain"], "domain").flatMap(Domain.init(rawValue:))))
        }
        if m["basis"] == nil { reader.fail(root, .missingKey("basis")) }
        var parameters: [ModelArticle.Parameter] = []
        for item in m["parameters"]?.sequence.map(Array.init) ?? [] {
            let p = reader.mapping(item, allowed: ["name", "default", "description"], what: "parameter")
            guard let name = reader.string(p["name"], "name", in: item), let def = reader.string(p["default"], "default", in: item) else { continue }
            parameters.append(.init(name: name, defaultValue: def, description: reader.optionalString(p["description"], "description")))
        }
        if let body {
            for p in parameters where !body.nl.contains("{\(p.name)}") {
                reader.fail(m["parameters"], .parameterNotInText(p.name))
            }
        }
        var remaining: BurdenSpec?
        if let node = m["burden"] {
            let b = reader.mapping(node, allowed: ["hours", "frequency", "note"], what: "burden")
            if let hours = reader.double(b["hours"], "hours", in: node), let frequency = reader.double(b["frequency"], "frequency", in: node) {
                if hours < 0 || frequency < 0 { reader.fail(node, .negativeBurden) }
                remaining = BurdenSpec(hours: hours, frequency: frequency, bearer: "aanbieder", note: reader.optionalString(b["note"], "note"))
            }
        }
        let topics = reader.strings(m["topics"], "topics")
        for t in topics where taxonomy.topic(t) == nil { reader.fail(m["topics"], .unknownTopic(t)) }
        guard reader.problems.isEmpty, let id, let title, let body else { return (nil, reader.problems) }
        return (ModelArticle(id: id, title: title, text: body, basis: basis, parameters: parameters, topics: topics, remaining: remaining, file: file), [])
    }
}
