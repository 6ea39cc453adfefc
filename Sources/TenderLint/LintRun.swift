import Foundation
import TenderDocument
import TenderFormats
import TenderRules

/// Reads and lints a list of files: the whole of `tenderlint lint` below argument parsing.
///
/// Files are read and linted on up to `workers` tasks at once (structured concurrency, one bounded
/// task group); the result lists documents and errors in the order of the files, whatever order
/// the tasks finish in, so the output is the same bytes on one core or many.
public struct LintRun: Sendable {
    public var engine: Engine
    public var reader: DocumentReader
    /// How many files are linted at once. At least 1.
    public var workers: Int

    public init(engine: Engine, reader: DocumentReader = DocumentReader(), workers: Int = LintRun.defaultWorkers) {
        self.engine = engine
        self.reader = reader
        self.workers = max(1, workers)
    }

    /// One task per core: linting is CPU-bound, and reading a file is short next to linting it.
    public static var defaultWorkers: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Lints `paths` (files and folders). Unreadable files become one-line errors in the result.
    public func run(_ paths: [String]) async -> LintResult {
        let collected = FileCollector.collect(paths)
        let files = collected.files
        let outcomes = await lint(files.map { ($0, engine) })
        var documents: [DocumentResult] = []
        var errors: [ReaderError] = collected.problems
        for outcome in outcomes {
            switch outcome {
            case let .document(d): documents.append(d)
            case let .error(e): errors.append(e)
            }
        }
        return LintResult(documents: documents, errors: errors, tariff: engine.options.tariff)
    }

    /// What linting one file gave.
    public enum Outcome: Sendable {
        case document(DocumentResult)
        /// The file could not be read; `ReaderError.message(english:)` renders the one line naming it.
        case error(ReaderError)
    }

    /// Reads and lints each file with its own engine, on up to `workers` tasks at once.
    /// - Returns: one outcome per file, in the order of `files`.
    public func lint(_ files: [(path: String, engine: Engine)]) async -> [Outcome] {
        let reader = self.reader
        return await LintRun.inOrder(files.count, workers: workers) { i in
            LintRun.outcome(files[i].path, engine: files[i].engine, reader: reader)
        }
    }

    /// Reads and lints one file.
    static func outcome(_ path: String, engine: Engine, reader: DocumentReader) -> Outcome {
        do throws(ReaderError) {
            return .document(engine.lint(try reader.read(path: path)))
        } catch {
            return .error(error)
        }
    }

    /// `body(0) … body(count - 1)` on up to `workers` child tasks at once; the results in index order.
    static func inOrder<T: Sendable>(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        var results: [T] = []
        results.reserveCapacity(count)
        await inOrder(count, workers: workers, body) { _, value in results.append(value) }
        return results
    }

    /// `body(0) … body(count - 1)` on up to `workers` child tasks at once, handing each result to
    /// `emit` in index order as soon as it and all before it are done, and keeping no result after
    /// that: memory holds only the results waiting for an earlier one.
    static func inOrder<T: Sendable>(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T,
                                     emit: (Int, T) -> Void) async {
        guard count > 0 else { return }
        let workers = max(1, min(workers, count))
        guard workers > 1 else {
            for i in 0..<count { emit(i, body(i)) }
            return
        }
        // Indices are handed out in small contiguous batches, so a task group of `workers` tasks is
        // never larger than `workers` and the per-task overhead stays small next to a document.
        // Four batches per worker at least, so a slow batch at the end does not leave a core idle
        // for long; at most 16 files per batch.
        let batch = max(1, min(16, count / (workers * 4)))
        let batches = stride(from: 0, to: count, by: batch).map { $0..<min($0 + batch, count) }
        var waiting: [Int: [T]] = [:]      // finished batches, by first index, not yet emitted
        var nextToEmit = 0
        await withTaskGroup(of: (Range<Int>, [T]).self) { group in
            var next = 0
            func submit() {
                let range = batches[next]
                next += 1
                group.addTask { (range, range.map(body)) }
            }
            while next < min(workers, batches.count) { submit() }
            while let (range, values) = await group.next() {
                waiting[range.lowerBound] = values
                while let ready = waiting.removeValue(forKey: nextToEmit) {
                    for v in ready { emit(nextToEmit, v); nextToEmit += 1 }
                }
                if next < batches.count { submit() }
            }
        }
    }
}

