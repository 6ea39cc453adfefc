import Testing
import TenderLint
import TenderRules

/// The suppression mutation of the rule-example harness, over the bundled catalogue: every
/// triggering example with a marker for its rule appended in the same paragraph is silent.
@Suite struct SuppressionMutationTests {
    static let catalogue: Result<Catalogue, CatalogueErrors> = Result { () throws(CatalogueErrors) in
        try Catalogue.load(from: TestCatalogue.bundledFolder)
    }

    static var triggering: [RuleExample] {
        switch catalogue {
        case let .success(c): return c.examples.filter(\.triggering)
        case .failure: return []
        }
    }

    static let engine: Engine? = { if case let .success(c) = catalogue { return Engine(catalogue: c) } else { return nil } }()

    /// Guards the parameterised test below against running over nothing.
    @Test func bundledCatalogueLoadsAndHasTriggeringExamples() throws {
        let catalogue = try Self.catalogue.get()
        #expect(Self.triggering.count >= 2 * catalogue.rules.count)
    }

    @Test(arguments: SuppressionMutationTests.triggering)
    func markerSilencesTheExample(_ example: RuleExample) throws {
        let engine = try #require(Self.engine)
        if let failure = ExampleRunner.checkSuppressed(example, engine: engine) { Issue.record(Comment(rawValue: failure)) }
    }

    @Test func theMutationFailsWhenSomethingStaysActive() throws {
        let engine = try TestCatalogue.engine()
        let catalogue = try TestCatalogue.catalogue.get()
        var example = try #require(catalogue.examples.first { $0.triggering && $0.ruleId == "vog-kopie" })
        #expect(ExampleRunner.checkSuppressed(example, engine: engine) == nil)
        // A second marker without a reason stays a finding after the harness's own marker silenced the rule.
        example.text += " [tenderlint: negeer vog-kopie]"
        let failure = try #require(ExampleRunner.checkSuppressed(example, engine: engine))
        #expect(failure.contains("(with a suppression marker): expected 1 silenced and no active finding, got 1 silenced, active: [suppressie-zonder-reden]"))
    }
}

extension RuleExample: CustomTestStringConvertible {
    public var testDescription: String { "\(ruleId) triggering #\(index)" }
}
