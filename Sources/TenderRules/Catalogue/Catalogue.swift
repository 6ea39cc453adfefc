import Foundation

/// The rule catalogue: rules, model articles, the taxonomy and the shared lexicon, loaded from a
/// `rules/` folder and validated as a whole.
public struct Catalogue: Sendable, Codable {
    public var taxonomy: Taxonomy
    public var lexicon: Lexicon
    /// Rules sorted by id.
    public var rules: [Rule]
    /// Model articles sorted by id (`model(_:)` relies on the order).
    public var models: [ModelArticle]

    public init(taxonomy: Taxonomy, lexicon: Lexicon, rules: [Rule], models: [ModelArticle]) {
        self.taxonomy = taxonomy
        self.lexicon = lexicon
        self.rules = rules.sorted { $0.id < $1.id }
        self.models = models.sorted { $0.id < $1.id }
    }

    public func rule(_ id: String) -> Rule? {
        rules.first { $0.id == id || $0.aliases.contains(id) }
    }

    /// The model article `id`, by binary search: `models` is sorted by id.
    public func model(_ id: String) -> ModelArticle? {
        var low = 0, high = models.count
        while low < high {
            let mid = (low + high) / 2
            if models[mid].id < id { low = mid + 1 } else { high = mid }
        }
        return low < models.count && models[low].id == id ? models[low] : nil
    }

    /// Every example of every rule, in catalogue order.
    public var examples: [RuleExample] { rules.flatMap(\.examples) }

    /// Loads `folder` (with `topics.yml`, `lexicon.yml`, `models/` and rule files in subfolders),
    /// plus rule files from `extraFolders` (a region's own rules). All problems are reported at once.
    public static func load(from folder: String, extraFolders: [String] = []) throws(CatalogueErrors) -> Catalogue {
        let fm = FileManager.default
        func read(_ path: String) throws(CatalogueErrors) -> String {
            guard let data = fm.contents(atPath: path) else {
                throw CatalogueErrors(errors: [CatalogueError(file: path, line: 1, column: 1, reason: .unreadableFile)])
            }
            return String(decoding: data, as: UTF8.self)
        }
        let taxonomy = try Taxonomy.parse(try read(folder + "/topics.yml"), file: folder + "/topics.yml")
        let lexiconPath = folder + "/lexicon.yml"
        let lexicon = fm.fileExists(atPath: lexiconPath) ? try Lexicon.parse(try read(lexiconPath), file: lexiconPath) : Lexicon()

        var errors: [CatalogueError] = []
        var models: [ModelArticle] = []
        let modelParser = ModelParser(taxonomy: taxonomy)
        for (model, errs) in parseAll(yamlFiles(in: folder + "/models"), modelParser.parse) {
            errors += errs
            if let model { models.append(model) }
        }
        let ruleParser = RuleParser(taxonomy: taxonomy, lexicon: lexicon, modelIds: Set(models.map(\.id)))
        var rules: [Rule] = []
        let rulePaths = ([folder] + extraFolders).flatMap { root in yamlFiles(in: root).filter { !isSpecial($0, root: root) } }
        for (rule, errs) in parseAll(rulePaths, ruleParser.parse) {
            errors += errs
            if let rule { rules.append(rule) }
        }
        var seen: [String: String] = [:]
        for rule in rules {
            for name in [rule.id] + rule.aliases {
                if let other = seen[name] {
                    errors.append(CatalogueError(file: rule.file, line: 1, column: 1, reason: .duplicateId(name, otherFile: other)))
                }
                seen[name] = rule.file
            }
            let expectedName = (rule.file as NSString).lastPathComponent
            if expectedName != rule.id + ".yml" {
                errors.append(CatalogueError(file: rule.file, line: 1, column: 1, reason: .fileNameMismatch(expected: "\(rule.id).yml")))
            }
        }
        var modelSeen: Set<String> = []
        for model in models where !modelSeen.insert(model.id).inserted {
            errors.append(CatalogueError(file: model.file, line: 1, column: 1, reason: .duplicateModel(model.id)))
        }
        if !errors.isEmpty { throw CatalogueErrors(errors: errors) }
        return Catalogue(taxonomy: taxonomy, lexicon: lexicon, rules: rules, models: models)
    }

    /// Reads and parses `paths` on all cores (a catalogue is a hundred and more small YAML files,
    /// and parsing them is most of the time `tenderlint` needs to start); the results come back in
    /// the order of `paths`, so loading stays deterministic. A file that cannot be read is an error
    /// like any other.
    private static func parseAll<T: Sendable>(_ paths: [String], _ parse: @escaping @Sendable (String, String) -> (T?, [CatalogueError])) -> [(T?, [CatalogueError])] {
        let results = UnsafeMutableBufferPointer<(T?, [CatalogueError])?>.allocate(capacity: paths.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        // Each index is written by exactly one iteration, and read only after all have finished.
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: paths.count) { i in
            let path = paths[i]
            guard let data = FileManager.default.contents(atPath: path) else {
                slots[i] = (nil, [CatalogueError(file: path, line: 1, column: 1, reason: .unreadableFile)])
                return
            }
            slots[i] = parse(String(decoding: data, as: UTF8.self), path)
        }
        return results.map { $0! }
    }

    private static func isSpecial(_ path: String, root: String) -> Bool {
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        return relative == "topics.yml" || relative == "lexicon.yml" || relative.hasPrefix("models/")
    }

    /// The `.yml` files below `folder`, sorted, so loading is deterministic.
    static func yamlFiles(in folder: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        while let item = walker.nextObject() as? String {
            if item.hasSuffix(".yml") || item.hasSuffix(".yaml") { out.append(folder + "/" + item) }
        }
        return out.sorted()
    }
}
