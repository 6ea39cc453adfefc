import Yams

/// The topic taxonomy (`rules/topics.yml`): every rule names exactly one topic.
public struct Taxonomy: Sendable, Codable {
    public struct Topic: Hashable, Sendable, Codable {
        public var id: String
        public var category: Category
        public var title: String
    }

    public var topics: [Topic]
    public var categoryDescriptions: [Category: String]

    public func topic(_ id: String) -> Topic? { topics.first { $0.id == id } }

    /// Parses the taxonomy file's text.
    static func parse(_ text: String, file: String) throws(CatalogueErrors) -> Taxonomy {
        var reader = YAMLNodeReader<CatalogueError>(file: file)
        guard let root = reader.compose(text, empty: .emptyFile) else { throw CatalogueErrors(errors: reader.problems) }
        let map = reader.mapping(root, allowed: ["version", "categories", "topics"], what: "taxonomie")
        var descriptions: [Category: String] = [:]
        if let cats = map["categories"]?.mapping {
            for (k, v) in cats {
                if let key = k.string, let c = Category(rawValue: key) { descriptions[c] = v.string ?? "" }
                else { reader.fail(k, .unknownCategory(k.string ?? "")) }
            }
        }
        var topics: [Topic] = []
        for item in map["topics"]?.sequence ?? [] {
            let m = reader.mapping(item, allowed: ["id", "category", "title"], what: "topic")
            guard let id = reader.string(m["id"], "id", in: item),
                  let cat = reader.string(m["category"], "category", in: item),
                  let title = reader.string(m["title"], "title", in: item) else { continue }
            guard let category = Category(rawValue: cat) else { reader.fail(m["category"], .unknownCategory(cat)); continue }
            topics.append(Topic(id: id, category: category, title: title))
        }
        if !reader.problems.isEmpty { throw CatalogueErrors(errors: reader.problems) }
        return Taxonomy(topics: topics, categoryDescriptions: descriptions)
    }
}
