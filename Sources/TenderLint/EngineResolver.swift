import Foundation
import TenderRules

/// Turns configuration into engines: for every file, the `.tenderlint.yml` that applies to it
/// (`--config FILE` for all, else the nearest one above the file, else none) and the engine that
/// configuration gives, built once per configuration and sharing the compiled catalogue where the
/// rules are the same. `lint`, `baseline` and `inventory scan` all resolve through here.
///
/// Every configuration is read and checked before any document, so a broken file stops the run at
/// once, whichever document it applies to; all problems are reported together.
public struct EngineResolver: Sendable {
    /// The engine without configuration: the command line's options and the bundled catalogue.
    public var base: Engine
    /// `--config FILE`: used for every file. Nil: the nearest `.tenderlint.yml` above each file.
    public var configFile: String?
    /// Whether to look for `.tenderlint.yml` files when `configFile` is nil.
    public var searchesConfiguration: Bool
    /// The catalogue folder `base` was loaded from; needed to load it again with a
    /// configuration's extra rule folders.
    public var rulesFolder: String?

    public init(base: Engine, configFile: String? = nil, searchesConfiguration: Bool = true, rulesFolder: String? = nil) {
        self.base = base
        self.configFile = configFile
        self.searchesConfiguration = searchesConfiguration
        self.rulesFolder = rulesFolder
    }

    /// What applies to one file.
    public struct Choice: Sendable {
        public var engine: Engine
        /// The configuration file that applies, and what it says; nil when none does.
        public var configuration: (path: String, value: Configuration)?
    }

    /// The choice for every file, in the order of `files`, and one catalogue with every rule and
    /// model article any of them uses (for reporters that describe rules).
    public struct Resolution: Sendable {
        public var choices: [Choice]
        public var catalogue: Catalogue
    }

    public func resolve(_ files: [String]) throws(ConfigurationError) -> Resolution {
        var byPath: [String: Choice] = [:]
        var catalogues: [[String]: Catalogue] = [[]: base.catalogue]
        var explicit: Configuration?
        if let configFile { explicit = try ConfigurationLoader.load(path: configFile) }
        var problems: [ConfigurationError.Problem] = []
        var choices: [Choice] = []
        choices.reserveCapacity(files.count)
        let unconfigured = Choice(engine: base, configuration: nil)
        for file in files {
            guard let path = configFile ?? (searchesConfiguration ? ConfigurationLoader.nearest(to: file) : nil) else {
                choices.append(unconfigured)
                continue
            }
            if let known = byPath[path] {
                choices.append(known)
                continue
            }
            // A configuration with problems still gets a choice, so that the rest are checked too.
            var choice = unconfigured
            do throws(ConfigurationError) {
                let configuration: Configuration
                if let explicit { configuration = explicit } else { configuration = try ConfigurationLoader.load(path: path) }
                let catalogue = try self.catalogue(extraFolders: configuration.ruleFolders, cache: &catalogues)
                let options = try configuration.options(base: base.options, catalogue: catalogue)
                let engine = catalogue.rules.map(\.id) == base.catalogue.rules.map(\.id)
                    ? base.with(options: options) : Engine(catalogue: catalogue, options: options)
                choice = Choice(engine: engine, configuration: (path, configuration))
            } catch let .invalid(found) {
                problems += found
            } catch {
                throw error
            }
            byPath[path] = choice
            choices.append(choice)
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return Resolution(choices: choices, catalogue: try merged(catalogues.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { catalogues[$0]! }))
    }

    /// The catalogue with `extraFolders` added, loaded once per distinct list of folders.
    private func catalogue(extraFolders: [String], cache: inout [[String]: Catalogue]) throws(ConfigurationError) -> Catalogue {
        if let cached = cache[extraFolders] { return cached }
        guard let rulesFolder else { throw .invalid([.init(file: configFile ?? ".tenderlint.yml", line: 1, column: 1, reason: .ruleFoldersNeedCatalogue)]) }
        do {
            let loaded = try Catalogue.load(from: rulesFolder, extraFolders: extraFolders)
            cache[extraFolders] = loaded
            return loaded
        } catch {
            throw .catalogue(error)
        }
    }

    /// One catalogue with every rule and model article of `catalogues`, each id once. Two
    /// configurations whose rule folders define one id differently are an error naming both files:
    /// a report cannot say which of the two a finding's rule text is.
    private func merged(_ catalogues: [Catalogue]) throws(ConfigurationError) -> Catalogue {
        var rules: [String: Rule] = [:]
        var order: [String] = []
        var models: [String: ModelArticle] = [:]
        var modelOrder: [String] = []
        var problems: [ConfigurationError.Problem] = []
        for c in catalogues {
            for r in c.rules {
                if let other = rules[r.id] {
                    if other.file != r.file {
                        problems.append(.init(file: r.file, line: 1, column: 1, reason: .duplicateRule(id: r.id, otherFile: other.file)))
                    }
                    continue
                }
                rules[r.id] = r
                order.append(r.id)
            }
            for m in c.models where models[m.id] == nil {
                models[m.id] = m
                modelOrder.append(m.id)
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
        return Catalogue(taxonomy: base.catalogue.taxonomy, lexicon: base.catalogue.lexicon,
                         rules: order.map { rules[$0]! }, models: modelOrder.map { models[$0]! })
    }
}
