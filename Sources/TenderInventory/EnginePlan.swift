import TenderLint
import TenderRules

/// Which engine, and which analysis key, each file of a scan gets: the base engine, or one
/// adjusted by the configuration that applies to the file. Mirrors `LintRun.run(_:settings:)`:
/// every configuration is read and checked before any document, and a broken one stops the scan.
struct EnginePlan: Sendable {
    /// Engine and key per configuration path; `""` is "no configuration".
    private var choices: [String: (engine: Engine, key: String)] = [:]
    /// The configuration path per file.
    private var configurationOf: [String: String] = [:]
    private let base: (engine: Engine, key: String)

    /// The plan for `files`, with `configuration` nil meaning: no configuration files at all.
    init(files: [String], base engine: Engine, baseKey: String, configuration: ScanConfiguration?) throws(ConfigurationError) {
        base = (engine, baseKey)
        guard let configuration else { return }
        var explicit: Configuration?
        if let path = configuration.configFile { explicit = try ConfigurationLoader.load(path: path) }
        var catalogues: [[String]: Catalogue] = [[]: engine.catalogue]
        var problems: [ConfigurationError.Problem] = []
        var checked = Set<String>()
        for file in files {
            guard let path = configuration.configFile
                    ?? (configuration.searchesConfiguration ? ConfigurationLoader.nearest(to: file) : nil) else { continue }
            configurationOf[file] = path
            // Each configuration is checked once, however many files it applies to.
            guard checked.insert(path).inserted else { continue }
            let loaded: Configuration
            if let explicit {
                loaded = explicit
            } else {
                do {
                    loaded = try ConfigurationLoader.load(path: path)
                } catch let ConfigurationError.invalid(found) {
                    problems += found
                    continue
                }
            }
            let catalogue: Catalogue
            if let cached = catalogues[loaded.ruleFolders] {
                catalogue = cached
            } else {
                do {
                    catalogue = try Catalogue.load(from: configuration.rulesFolder, extraFolders: loaded.ruleFolders)
                } catch {
                    throw .catalogue(error)
                }
                catalogues[loaded.ruleFolders] = catalogue
            }
            do {
                let options = try loaded.options(base: engine.options, catalogue: catalogue)
                let configured = catalogue.rules.map(\.id) == engine.catalogue.rules.map(\.id)
                    ? engine.with(options: options) : Engine(catalogue: catalogue, options: options)
                let key = baseKey + "+" + AnalysisKey.make(catalogueFolders: loaded.ruleFolders, options: options, toolVersion: "")
                choices[path] = (configured, key)
            } catch let ConfigurationError.invalid(found) {
                problems += found
            }
        }
        if !problems.isEmpty { throw .invalid(problems) }
    }

    /// The engine and analysis key for `file`.
    func choice(for file: String) -> (engine: Engine, key: String) {
        configurationOf[file].flatMap { choices[$0] } ?? base
    }
}
