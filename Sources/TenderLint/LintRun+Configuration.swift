import Foundation
import TenderDocument
import TenderFormats
import TenderRules

extension LintRun {
    /// What a configured run needs besides the engine.
    public struct Settings: Sendable {
        /// `--config FILE`: used for every file. Nil: the nearest `.tenderlint.yml` above each file.
        public var configFile: String?
        /// Whether to look for `.tenderlint.yml` files when `configFile` is nil.
        public var searchesConfiguration: Bool
        /// The catalogue folder the engine's catalogue was loaded from; needed to load it again
        /// with a configuration's extra rule folders.
        public var rulesFolder: String?
        /// Accepted findings (`--baseline`).
        public var baseline: Baseline?

        public init(configFile: String? = nil, searchesConfiguration: Bool = true, rulesFolder: String? = nil, baseline: Baseline? = nil) {
            self.configFile = configFile
            self.searchesConfiguration = searchesConfiguration
            self.rulesFolder = rulesFolder
            self.baseline = baseline
        }
    }

    /// What a configured run gives: the result, and the catalogue behind it (the engine's own
    /// plus the rules of every extra rule folder used), for reporters that describe rules.
    public struct ConfiguredResult: Sendable {
        public var result: LintResult
        public var catalogue: Catalogue
    }

    /// The files of `paths`, each with the engine of the configuration that applies to it, and
    /// the catalogue behind all of them (`EngineResolver`), and what the folder walk skipped.
    private func prepare(_ paths: [String], settings: Settings) throws(ConfigurationError)
        -> (files: [(path: String, engine: Engine)], catalogue: Catalogue, problems: [ReaderError]) {
        let collected = FileCollector.collect(paths)
        let files = collected.files
        let resolver = EngineResolver(base: engine, configFile: settings.configFile,
                                      searchesConfiguration: settings.searchesConfiguration, rulesFolder: settings.rulesFolder)
        let resolution = try resolver.resolve(files)
        return (zip(files, resolution.choices).map { ($0, $1.engine) }, resolution.catalogue, collected.problems)
    }

    /// Lints `paths` with the configuration that applies to each file, then applies the
    /// baseline. The engine's options are the base: language, tariff, and `--domain` (which wins
    /// over a configuration's `domain`).
    /// - Throws: configuration problems (exit code 2); unreadable documents are not thrown but
    ///   listed in the result's `errors`, as with `run(_:)`.
    public func run(_ paths: [String], settings: Settings) async throws(ConfigurationError) -> ConfiguredResult {
        let (files, catalogue, problems) = try prepare(paths, settings: settings)
        var documents: [DocumentResult] = []
        // What the folder walk skipped comes first, then the files that could not be read.
        var errors: [InputError] = problems
        for outcome in await lint(files) {
            switch outcome {
            case let .document(d): documents.append(d)
            case let .error(e): errors.append(e)
            }
        }
        var result = LintResult(documents: documents, errors: errors, tariff: engine.options.tariff)
        if let baseline = settings.baseline { result = baseline.apply(to: result) }
        return ConfiguredResult(result: result, catalogue: catalogue)
    }

    /// What a streamed run gives besides its documents.
    public struct StreamedRun: Sendable {
        /// Files that could not be read, one line each, in the order `run` lists them.
        public var errors: [InputError]
        public var staleBaseline: [BaselineEntry]
        public var catalogue: Catalogue
    }

    /// As `run(_:settings:)`, but hands each document (baseline applied) to `emit` in the order of
    /// `run`'s result as soon as it is ready, and keeps none: for reports written as they go, with
    /// memory bounded on any number of files. `prepared` is called once the configurations are
    /// checked and the catalogue is known, before the first document.
    public func stream(_ paths: [String], settings: Settings, prepared: (Catalogue) -> Void = { _ in },
                       emit: (DocumentResult) -> Void) async throws(ConfigurationError) -> StreamedRun {
        let (files, catalogue, problems) = try prepare(paths, settings: settings)
        prepared(catalogue)
        // `run` sorts documents by path (a stable sort) and keeps errors in file order.
        let order = files.indices.sorted { files[$0].path < files[$1].path }
        let sortedFiles = order.map { files[$0] }
        let reader = self.reader
        var matcher = settings.baseline.map(BaselineMatcher.init)
        var errors: [(index: Int, error: ReaderError)] = []
        await LintRun.inOrder(sortedFiles.count, workers: workers, { i in
            LintRun.outcome(sortedFiles[i].path, engine: sortedFiles[i].engine, reader: reader)
        }, emit: { i, outcome in
            switch outcome {
            case var .document(d):
                matcher?.apply(to: &d)
                emit(d)
            case let .error(e):
                errors.append((order[i], e))
            }
        })
        return StreamedRun(errors: problems + errors.sorted { $0.index < $1.index }.map(\.error),
                           staleBaseline: matcher?.stale() ?? [], catalogue: catalogue)
    }
}
