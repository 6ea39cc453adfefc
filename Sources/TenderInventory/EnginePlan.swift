import TenderLint
import TenderRules

/// Which engine, and which analysis key, each file of a scan gets: the base engine, or one
/// adjusted by the configuration that applies to the file, as `EngineResolver` decides it for
/// `lint`; the key adds the configuration's rule folders and options to the base key.
struct EnginePlan: Sendable {
    private var choices: [String: (engine: Engine, key: String)] = [:]
    private let base: (engine: Engine, key: String)

    /// The plan for `files`, with `configuration` nil meaning: no configuration files at all.
    init(files: [String], base engine: Engine, baseKey: String, configuration: ScanConfiguration?) throws(ConfigurationError) {
        base = (engine, baseKey)
        guard let configuration else { return }
        let resolver = EngineResolver(base: engine, configFile: configuration.configFile,
                                      searchesConfiguration: configuration.searchesConfiguration, rulesFolder: configuration.rulesFolder)
        let resolution = try resolver.resolve(files)
        for (file, choice) in zip(files, resolution.choices) {
            guard let (_, loaded) = choice.configuration else { continue }
            let key = baseKey + "+" + AnalysisKey.make(catalogueFolders: loaded.ruleFolders, options: choice.engine.options, toolVersion: "")
            choices[file] = (choice.engine, key)
        }
    }

    /// The engine and analysis key for `file`.
    func choice(for file: String) -> (engine: Engine, key: String) {
        choices[file] ?? base
    }
}
