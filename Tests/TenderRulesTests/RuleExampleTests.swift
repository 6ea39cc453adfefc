import Testing
import TenderLint
import TenderRules

/// Every example in every rule file is a test: exact ranges and the rendered message, plain and
/// behind a multi-byte prefix.
@Suite struct RuleExampleTests {
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
