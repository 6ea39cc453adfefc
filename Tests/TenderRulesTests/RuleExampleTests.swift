import Testing
import TenderLint
import TenderRules

/// Every example in every rule file is a test: exact ranges and the rendered message, plain and
/// behind a multi-byte prefix.
@Suite struct RuleExampleTests {
    /// The parameterised tests below only mean something when the catalogue loads and has the
    /// examples the rule files hold (every rule has at least two of each kind).
    @Test func theCatalogueHasExamples() throws {
        let catalogue = try BundledCatalogue.result.get()
        #expect(catalogue.rules.count >= 100)
        #expect(catalogue.examples.count >= 4 * catalogue.rules.count)
    }

    @Test(arguments: BundledCatalogue.examples)
    func example(_ example: RuleExample) throws {
        let engine = try #require(BundledCatalogue.engine)
        if let failure = ExampleRunner.check(example, engine: engine) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test(arguments: BundledCatalogue.examples)
    func exampleBehindMultibytePrefix(_ example: RuleExample) throws {
        let engine = try #require(BundledCatalogue.engine)
        if let failure = ExampleRunner.check(example, engine: engine, prefix: ExampleRunner.multibytePrefix) {
            Issue.record(Comment(rawValue: failure))
        }
    }
}
