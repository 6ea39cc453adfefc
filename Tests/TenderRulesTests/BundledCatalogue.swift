import Foundation
import Testing
import TenderLint
import TenderRules

/// The repository's own `rules/` folder and the engine built from it, loaded once for all tests.
enum BundledCatalogue {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("rules").path
    }()

    static let result: Result<Catalogue, CatalogueErrors> = Result { () throws(CatalogueErrors) in try Catalogue.load(from: folder) }

    /// The loaded catalogue; a load failure is reported by `CatalogueTests` and yields an empty list here.
    static var examples: [RuleExample] { (try? result.get())?.examples ?? [] }

    static let engine: Engine? = (try? result.get()).map { Engine(catalogue: $0) }
}

extension RuleExample: CustomTestStringConvertible {
    public var testDescription: String { "\(ruleId) \(triggering ? "triggering" : "non-triggering") #\(index)" }
}
