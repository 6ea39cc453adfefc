import Foundation
import TenderFormats
import TenderIsolation
import TenderLint
import TenderRules

/// Scans files and folders into an `InventoryStore`: incremental, parallel, interruptible.
///
/// Up to `jobs` files are read, hashed and linted at once in a task group that shares one
/// `Engine` (with `workers`, each file is parsed in a worker process, see `WorkerPool`); the scanning task itself is the only writer and commits each document with its
/// findings in one transaction. At most `jobs` documents' findings are in memory at any time.
public struct InventoryScanner: Sendable {
    /// The engine every task shares (immutable; its tariff is replaced by the corpus tariff).
    public var engine: Engine
    /// Reads every supported format; the same reader `tenderlint lint` uses.
    public var reader: DocumentReader
    /// Metadata from the path; a sidecar `<document>.meta.yml` overrides it field by field.
    public var template: PathTemplate?
    /// The `--meta` table: metadata by path or file name; a sidecar wins over it field by field.
    public var table: MetadataTable?
    /// How many files are analysed at once (at least 1).
    public var jobs: Int
    /// See `AnalysisKey`: identifies the catalogue and settings behind `engine`.
    public var analysisKey: String
    /// Where `.tenderlint.yml` configurations come from; nil: none are used.
    public var configuration: ScanConfiguration?
    /// The language of the messages the scan prints and stores for unreadable files.
    public var language: Language
    /// Worker processes that parse the documents, so that a document that crashes, hangs or
    /// exhausts a reader is recorded as unreadable and the scan goes on; nil: parsed in this
    /// process. Give the pool at least `jobs` workers to keep the parallelism.
    public var workers: WorkerPool?
    /// How long one document may take to be read in a worker before the worker is killed.
    public var documentTimeLimit: Duration

    /// A scanner with `jobs` tasks (at least 1) and the key of the catalogue behind `engine`.
    public init(engine: Engine, reader: DocumentReader = DocumentReader(), template: PathTemplate? = nil,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount, analysisKey: String,
                configuration: ScanConfiguration? = nil, language: Language = .nl, workers: WorkerPool? = nil,
                documentTimeLimit: Duration = .seconds(120)) {
        self.language = language
        self.engine = engine
        self.reader = reader
        self.template = template
        self.jobs = max(1, jobs)
        self.analysisKey = analysisKey
        self.configuration = configuration
        self.workers = workers
        self.documentTimeLimit = documentTimeLimit
        self.table = nil
    }

    /// File endings of document formats tenderlint cannot read. A folder's files with these
    /// endings are collected all the same, so that the scan names them as unsupported
    /// (`bestek.doc: niet ondersteund formaat: Word 97-2003 …`) instead of leaving them out.
    public static let unsupportedExtensions: Set<String> = ["doc", "dot", "docm", "dotx", "rtf", "wpd", "wps", "pages", "odm", "ott"]

    /// What one scan task hands to the writer.
    enum Outcome: Sendable {
        case unchanged
        case refresh(id: Int64, metadata: DocumentMetadata, source: String?)
        case analysed(DocumentAnalysis)
        /// `analysis` is nil for a file that does not exist (nothing to record).
        case failed(DocumentAnalysis?, message: String)
    }

    /// Scans `paths` (files and folders) into `store` with the given burden parameters.
    ///
    /// Unreadable files are reported through `observe(.failed("path: reason"))` and skipped;
    /// the scan goes on. An invalid configuration stops it before any document is read; a store
    /// error stops it where it is.
    public func scan(_ paths: [String], into store: InventoryStore, parameters: BurdenParameters,
                     interruption: ScanInterruption = ScanInterruption(),
                     observe: (ScanEvent) -> Void = { _ in }) async throws(InventoryError) -> ScanSummary {
        let started = Date()
        let clock = ContinuousClock.now
        let roots = paths.map(Self.normalized)
        // Overlapping arguments (`samples samples/formats`) name a file twice; scan it once.
        var listed = Set<String>()
        let collected = FileCollector.collect(roots, alsoCollecting: Self.unsupportedExtensions)
        // A FIFO or device with a document's name is a file of the corpus all the same: it goes
        // to the analyser, which refuses it without opening it and records it as unreadable.
        var special: [String] = []
        var problems: [InputError] = []
        for problem in collected.problems {
            if case let .skipped(path, .notRegularFile) = problem { special.append(path) } else { problems.append(problem) }
        }
        let files = (collected.files + special).filter { listed.insert($0).inserted }
        var summary = ScanSummary()
        summary.files = files.count

        // Findings are priced at the corpus tariff, as `lint` prices them at its `--tariff`.
        var options = engine.options
        options.tariff = parameters.tariffWithSource
        let engine = engine.with(options: options)
        let plan: EnginePlan
        do {
            plan = try EnginePlan(files: files, base: engine, baseKey: analysisKey, configuration: configuration)
        } catch {
            throw .configuration(error.description(language))
        }
        observe(.started(summary))
        // Folders that could not be read, names that are not UTF-8, FIFOs and devices: skipped, said.
        for problem in problems { observe(.failed(problem.message(english: language == .en))) }
        try await store.setParameters(parameters)
        try await store.setTopics(engine.catalogue.taxonomy.topics)
        let known = try store.knownDocuments()
        let scanId = try await store.beginScan(roots: roots, analysisKey: analysisKey, parameters: parameters, at: started)

        let analyser = Analyser(reader: reader, template: template, table: table, english: language == .en,
                                workers: workers, timeLimit: documentTimeLimit)
        var seen = Set<String>()
        var storeError: InventoryError?
        await withTaskGroup(of: Outcome.self) { group in
            var next = 0
            func launch() {
                guard next < files.count, !interruption.isRequested else { return }
                let path = files[next]
                let previous = known[path]
                let (engine, key) = plan.choice(for: path)
                next += 1
                group.addTask { await analyser.outcome(for: path, engine: engine, analysisKey: key, known: previous, at: started) }
            }
            for _ in 0..<jobs { launch() }
            while let outcome = await group.next() {
                // After a store error, only drain the tasks in flight.
                guard storeError == nil else { continue }
                do throws(InventoryError) {
                    switch outcome {
                    case .unchanged:
                        summary.unchanged += 1
                    case let .refresh(id, metadata, source):
                        try await store.refresh(id: id, metadata: metadata, source: source, at: started)
                        summary.refreshed += 1
                    case let .analysed(analysis):
                        try await store.save(analysis)
                        summary.analysed += 1
                        summary.findings += analysis.document.findingCount
                    case let .failed(analysis, message):
                        if let analysis { try await store.save(analysis) }
                        summary.failed += 1
                        summary.failures.append(message)
                        observe(.failed(message))
                    }
                } catch {
                    storeError = error
                    interruption.request()
                    continue
                }
                summary.done += 1
                observe(.progressed(summary))
                launch()
            }
            seen = Set(files[..<next])
        }
        if let storeError { throw storeError }

        summary.interrupted = summary.done < files.count
        // Only a complete scan knows which files are gone.
        if !summary.interrupted {
            summary.deleted = try await store.markDeleted(under: roots, seen: seen, at: started)
        }
        // One tender in several files (copies, other formats) is one document in every total.
        let merged = try await store.mergeDuplicates()
        summary.duplicateFiles = merged.files
        summary.duplicateDocuments = merged.documents
        summary.seconds = Self.seconds(ContinuousClock.now - clock)
        try await store.finishScan(scanId, summary, at: Date())
        observe(.finished(summary))
        return summary
    }

    /// `./samples/` → `samples`: one spelling per folder, so two scans of it meet the same rows.
    static func normalized(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p.isEmpty ? "." : p
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
