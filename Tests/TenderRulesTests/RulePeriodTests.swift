import Foundation
import Testing
import TenderDocument
@testable import TenderRules

/// `valid: {from:, until:}` and an example's `date:` are checked by the loader with typed reasons.
@Suite struct RulePeriodValidationTests {
    let base = CatalogueValidationTests()

    func errors(_ rule: String) throws -> [CatalogueError] { try base.errors(rule) }

    @Test func aPeriodLoadsAndHoldsItsDays() throws {
        let result = try base.load(rule: CatalogueValidationTests.valid + "\nvalid: {from: 2026-01-01, until: 2026-12-31}\n")
        let catalogue = try result.get()
        let period = try #require(catalogue.rule("r1")?.valid)
        #expect(period == RulePeriod(from: "2026-01-01", until: "2026-12-31"))
        #expect(period.contains("2026-01-01") && period.contains("2026-12-31") && period.contains("2026-06-15"))
        #expect(!period.contains("2025-12-31") && !period.contains("2027-01-01"))
        #expect(RulePeriod(until: "2025-12-31").contains("1999-01-01"))
    }

    @Test func aDayThatIsNoCalendarDayIsRejected() throws {
        let errs = try errors(CatalogueValidationTests.valid + "\nvalid: {from: 2026-02-30}\n")
        #expect(errs.contains { if case .invalidDate("2026-02-30") = $0.reason { return true } else { return false } })
        #expect(errs.contains { $0.reason.text(.en).contains("is not a date written yyyy-mm-dd") })
    }

    @Test func aPeriodNeedsAnEndAndMayNotBeEmpty() throws {
        #expect(try errors(CatalogueValidationTests.valid + "\nvalid: {}\n").contains { $0.reason == .periodNeedsBound })
        let errs = try errors(CatalogueValidationTests.valid + "\nvalid: {from: 2026-01-01, until: 2025-12-31}\n")
        #expect(errs.contains { $0.reason == .emptyPeriod(from: "2026-01-01", until: "2025-12-31") })
        #expect(try errors(CatalogueValidationTests.valid + "\nvalid: {from: 2026-01-01, tot: 2026-02-01}\n").contains {
            $0.reason.text(.nl).contains("onbekende sleutel 'tot'")
        })
    }

    @Test func anExampleDatedOutsideItsRulesPeriodIsRejected() throws {
        let rule = CatalogueValidationTests.valid
            .replacingOccurrences(of: "- \"Aanbieder heeft een VOG.\"", with: "- {text: \"Aanbieder heeft een VOG.\", date: 2025-05-01}")
            + "\nvalid: {from: 2026-01-01}\n"
        let errs = try errors(rule)
        #expect(errs.contains { $0.reason == .exampleOutsidePeriod("2025-05-01") })
        let bad = CatalogueValidationTests.valid
            .replacingOccurrences(of: "- \"Aanbieder heeft een VOG.\"", with: "- {text: \"Aanbieder heeft een VOG.\", date: 1 mei 2025}")
        #expect(try errors(bad).contains { $0.reason == .invalidDate("1 mei 2025") })
    }
}
