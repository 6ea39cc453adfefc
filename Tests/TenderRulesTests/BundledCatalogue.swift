import Foundation
import Testing
import TenderLint
@testable import TenderRules

/// The repository's own `rules/` folder and the engine built from it, loaded once for all tests.
enum BundledCatalogue {
    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("rules").path
    }()

    static let result: Result<Catalogue, CatalogueErrors> = Result { () throws(CatalogueErrors) in try Catalogue.load(from: folder) }

    /// Every example of the loaded catalogue. When the catalogue does not load, one placeholder
    /// that no rule owns stands in its place, so each example test fails (`unknown rule`) instead of
    /// running over an empty list; `RuleExampleTests.theCatalogueHasExamples` names the cause.
    static var examples: [RuleExample] {
        guard let examples = (try? result.get())?.examples, !examples.isEmpty else {
            return [RuleExample(text: "", expectedRanges: [], triggering: true, domain: nil, file: folder, line: 0,
                                ruleId: "<catalogue did not load>", index: 0)]
        }
        return examples
    }

    static let engine: Engine? = (try? result.get()).map { Engine(catalogue: $0) }
}

extension RuleExample: CustomTestStringConvertible {
    public var testDescription: String { "\(ruleId) \(triggering ? "triggering" : "non-triggering") #\(index)" }
}
