import Foundation
import Testing
import TenderInventory
import TenderLint
import TenderRules

/// The bundled catalogue, an engine over it, and temporary corpora built from the catalogue's own
/// examples. Expectations are computed with the engine, never hard-coded: the catalogue grows.
enum InventoryFixture {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static var rulesFolder: String { repository.appendingPathComponent("rules").path }
    static var samplesFolder: String { repository.appendingPathComponent("samples").path }

    /// Loaded once for all tests: compiling the catalogue is the slow part.
    static let loaded: Result<Engine, CatalogueErrors> = Result { () throws(CatalogueErrors) in
        Engine(catalogue: try Catalogue.load(from: rulesFolder))
    }

    static func engine() throws -> Engine { try loaded.get() }

    /// A new empty folder below the system's temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-inventory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a temporary folder; a failure is recorded, not hidden.
    static func remove(_ folder: URL) {
        do { try FileManager.default.removeItem(at: folder) } catch { Issue.record("could not remove \(folder.path): \(error)") }
    }

    /// Tender-like text documents made of the catalogue's triggering examples (each document a
    /// different slice, with a heading per clause) and some non-triggering ones.
    static func documents(count: Int, catalogue: Catalogue) -> [String] {
        let triggering = catalogue.examples.filter(\.triggering).map(\.text)
        let quiet = catalogue.examples.filter { !$0.triggering }.map(\.text)
        return (0..<count).map { n in
            var text = "# Raamovereenkomst sociaal domein \(n + 1)\n\n"
            for i in 0..<6 where !triggering.isEmpty {
                let sentence = triggering[(n * 5 + i * 7) % triggering.count]
                text += "## Artikel \(i + 1)\n\n\(i + 1).1 \(sentence)\n\n"
            }
            if !quiet.isEmpty { text += "## Artikel 7\n\n7.1 \(quiet[n % quiet.count])\n" }
            return text
        }
    }

    /// Writes `texts` as `doc-N.md` below `folder/sub`; returns their paths.
    @discardableResult
    static func write(_ texts: [String], into folder: URL, sub: String = "") throws -> [String] {
        let dir = sub.isEmpty ? folder : folder.appendingPathComponent(sub)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try texts.enumerated().map { i, text in
            let url = dir.appendingPathComponent("doc-\(i + 1).md")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
    }

    static func scanner(engine: Engine, template: PathTemplate? = nil, jobs: Int = 2) -> InventoryScanner {
        InventoryScanner(engine: engine, template: template, jobs: jobs,
                         analysisKey: AnalysisKey.make(catalogueFolders: [rulesFolder], options: engine.options, toolVersion: "test"))
    }
}

/// Collects the events of a scan.
final class EventLog {
    var failures: [String] = []
    var progressed = 0
    func handle(_ event: ScanEvent) {
        switch event {
        case let .failed(message): failures.append(message)
        case .progressed: progressed += 1
        case .started, .finished: break
        }
    }
}
