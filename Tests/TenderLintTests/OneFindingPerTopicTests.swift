import Testing
import TenderDocument
@testable import TenderLint
import TenderRules

/// The engine shows a clause once per topic: two rules of one topic on one clause are one burden.
/// With the bundled catalogue, whose VOG and payment-term topics each have several rules.
@Suite struct OneFindingPerTopicTests {
    static let engine: Engine? = try? Engine(catalogue: Catalogue.load(from: TestCatalogue.bundledFolder))

    func lint(_ text: String, engine: Engine) -> [Finding] {
        engine.lint(TestCatalogue.document("# Artikel 5\n\n" + text), domains: [.jeugd]).findings
    }

    func only(_ rule: String, of engine: Engine) -> Engine {
        var options = engine.options
        options.disabledRules = Set(engine.catalogue.rules.map(\.id).filter { $0 != rule })
        return engine.with(options: options)
    }

    static let vog = "5.1 De Aanbieder stuurt de gemeente jaarlijks kopieën van de VOG van alle medewerkers."

    @Test func twoRulesOfOneTopicGiveOneFinding() throws {
        let engine = try #require(Self.engine)
        // Each rule on its own flags the clause …
        #expect(lint(Self.vog, engine: only("vog-vernieuwing-jeugd", of: engine)).count == 1)
        #expect(lint(Self.vog, engine: only("vog-afschriften-jeugd", of: engine)).count == 1)
        // … together they are one burden.
        let findings = lint(Self.vog, engine: engine).filter { $0.topic == "vog-jeugd" }
        #expect(findings.count == 1)
    }

    @Test func theMostSevereStays() throws {
        let engine = try #require(Self.engine)
        let text = "5.1 Betaling vindt plaats binnen 60 dagen na goedkeuring van de factuur door de gemeente."
        #expect(lint(text, engine: only("betaling-na-goedkeuring-factuur", of: engine)).count == 1)
        let findings = lint(text, engine: engine).filter { $0.topic == "betaaltermijn" }
        #expect(findings.count == 1)
        #expect(findings.first?.severity == .error)
        #expect(findings.first?.ruleId == "betaaltermijn-langer-dan-30-dagen")
    }

    @Test func silencingTheFindingShownBringsUpNoOther() throws {
        let engine = try #require(Self.engine)
        let shown = try #require(lint(Self.vog, engine: engine).first { $0.topic == "vog-jeugd" })
        let marked = Self.vog + " [tenderlint: negeer \(shown.ruleId) — de regio eist dit op advies van de GGD]"
        let findings = lint(marked, engine: engine)
        #expect(findings.filter { $0.topic == "vog-jeugd" && $0.suppression == nil }.isEmpty)
        #expect(findings.filter { $0.topic == "vog-jeugd" && $0.suppression != nil }.map(\.ruleId) == [shown.ruleId])
        #expect(!findings.contains { $0.ruleId.hasPrefix("suppressie-") })
    }
}
