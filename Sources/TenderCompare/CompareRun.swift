import Foundation
import TenderDocument
import TenderFormats
import TenderLint

/// Reads the files of a comparison on up to `workers` tasks at once and compares them; the
/// result lists documents and errors in the order of the files, whatever order the tasks end in.
public struct CompareRun: Sendable {
    public var comparator: Comparator
    public var reader: DocumentReader
    public var workers: Int
    public var tariff: Double
    public var english: Bool

    public init(comparator: Comparator, reader: DocumentReader = DocumentReader(), workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                tariff: Double = BurdenDefaults.tariff, english: Bool = false) {
        self.comparator = comparator
        self.reader = reader
        self.workers = max(1, workers)
        self.tariff = tariff
        self.english = english
    }

    /// Each document of `paths` (files and folders) compared with the standard at `standard`.
    public func run(standard: String, documents paths: [String]) async -> CompareResult {
        let files = FileCollector.files(paths)
        let prepared = await prepare([standard] + files)
        guard case let .success(standardDocument) = prepared[0] else {
            return CompareResult(standardPath: standard, standardFormat: nil, documents: [],
                                 errors: [prepared[0].failure!], tariff: tariff)
        }
        let comparator = self.comparator
        let others = Array(prepared.dropFirst())
        let compared: [Result<DocumentComparison, Message>] = await CompareRun.inOrder(others.count, workers: workers) { i in
            others[i].map { comparator.compare(standard: standardDocument, document: $0) }
        }
        return CompareResult(standardPath: standard, standardFormat: standardDocument.format,
                             documents: compared.compactMap { try? $0.get() },
                             errors: compared.compactMap(\.failure), tariff: tariff)
    }

    /// The documents of `paths` (files and folders) compared with one another (no standard).
    public func region(_ paths: [String]) async -> RegionResult {
        let files = FileCollector.files(paths)
        let prepared = await prepare(files)
        let documents = prepared.compactMap { try? $0.get() }
        var result = Region.compare(documents)
        result.errors = prepared.compactMap(\.failure)
        result.tariff = tariff
        return result
    }

    /// A one-line error message (`path: reason`).
    public struct Message: Error, Sendable {
        public var text: String
    }

    func prepare(_ files: [String]) async -> [Result<PreparedDocument, Message>] {
        let reader = self.reader, comparator = self.comparator, english = self.english
        return await CompareRun.inOrder(files.count, workers: workers) { i in
            do throws(ReaderError) {
                return .success(comparator.prepare(try reader.read(path: files[i])))
            } catch {
                return .failure(Message(text: error.message(english: english)))
            }
        }
    }

    /// `body(0) … body(count - 1)` on up to `workers` child tasks; the results in index order.
    static func inOrder<T: Sendable>(_ count: Int, workers: Int, _ body: @escaping @Sendable (Int) -> T) async -> [T] {
        guard count > 0 else { return [] }
        if workers == 1 || count == 1 { return (0..<count).map(body) }
        var results = [T?](repeating: nil, count: count)
        await withTaskGroup(of: (Int, T).self) { group in
            var next = 0
            while next < min(workers, count) { let i = next; group.addTask { (i, body(i)) }; next += 1 }
            while let (i, value) = await group.next() {
                results[i] = value
                if next < count { let k = next; group.addTask { (k, body(k)) }; next += 1 }
            }
        }
        return results.map { $0! }
    }
}

extension Result {
    var failure: String? {
        if case let .failure(e) = self { return (e as? CompareRun.Message)?.text }
        return nil
    }
}
