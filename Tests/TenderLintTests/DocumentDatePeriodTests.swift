import Foundation
import Testing
import TenderDocument
@testable import TenderLint
@testable import TenderRules

/// The accountant's threshold per period: € 125.000 before 2026, € 200.000 from 2026.
@Suite struct AccountantThresholdPeriodTests {
    static let between = "Een controleverklaring is vereist indien de aanbieder in het verantwoordingsjaar meer dan € 150.000 heeft gedeclareerd."
    static let below = "Een controleverklaring is vereist indien de aanbieder in het verantwoordingsjaar meer dan € 100.000 heeft gedeclareerd."

    func engine(date: String? = nil, today: String = "2026-12-02") throws -> Engine {
        var options = EngineOptions()
        options.date = date.flatMap { DocumentDate(day: $0, source: .option) }
        options.today = today
        return Engine(catalogue: try TestCatalogue.bundled.get(), options: options)
    }

    func thresholdFindings(_ result: DocumentResult) -> [Finding] {
        result.findings.filter { $0.topic == "accountantsverklaring-drempel" }
    }

    @Test func aThresholdBetweenTheTwoIsFlaggedOnlyInTheNewPeriod() throws {
        let old = try engine().lint(TestCatalogue.lines([Self.between], issued: "2024-05-01"), domains: [.jeugd])
        #expect(thresholdFindings(old).isEmpty)
        #expect(old.date == DocumentDate(day: "2024-05-01", source: .properties))
        #expect(old.lawDay == "2024-05-01")
        let new = try engine().lint(TestCatalogue.lines([Self.between], issued: "2026-03-02"), domains: [.jeugd])
        let finding = try #require(thresholdFindings(new).first)
        #expect(finding.ruleId == "accountantsverklaring-lage-drempel")
        #expect(finding.period == RulePeriod(from: "2026-01-01"))
    }

    @Test func aThresholdBelowTheOldOneIsFlaggedInBothPeriods() throws {
        let old = try engine().lint(TestCatalogue.lines([Self.below], issued: "2024-05-01"), domains: [.jeugd])
        #expect(thresholdFindings(old).map(\.ruleId) == ["accountantsverklaring-oude-drempel"])
        #expect(thresholdFindings(old).first?.period == RulePeriod(until: "2025-12-31"))
        let new = try engine().lint(TestCatalogue.lines([Self.below], issued: "2026-03-02"), domains: [.jeugd])
        #expect(thresholdFindings(new).map(\.ruleId) == ["accountantsverklaring-lage-drempel"])
    }

    @Test func theDateOptionWinsAndADatedLineCounts() throws {
        let dated = TestCatalogue.lines(["Inkoopdocument Jeugdhulp", "Datum: 12 maart 2024", Self.between], issued: "2026-03-02")
        #expect(thresholdFindings(try engine(date: "2024-01-10").lint(dated, domains: [.jeugd])).isEmpty)
        let byLine = try engine().lint(TestCatalogue.lines(["Inkoopdocument Jeugdhulp", "Datum: 12 maart 2024", Self.between]), domains: [.jeugd])
        #expect(byLine.date == DocumentDate(day: "2024-03-12", source: .text))
        #expect(thresholdFindings(byLine).isEmpty)
    }

    @Test func withoutADateTodaysLawApplies() throws {
        let undated = try engine(today: "2026-12-02").lint(TestCatalogue.lines([Self.between]), domains: [.jeugd])
        #expect(undated.date == nil)
        #expect(undated.lawDay == "2026-12-02")
        #expect(thresholdFindings(undated).map(\.ruleId) == ["accountantsverklaring-lage-drempel"])
        // Run on a day before the change, the old law is today's.
        let earlier = try engine(today: "2025-06-01").lint(TestCatalogue.lines([Self.between]), domains: [.jeugd])
        #expect(thresholdFindings(earlier).isEmpty)
        var totals = LintTotals()
        totals.add(undated)
        #expect(totals.undated == 1 && totals.undatedLawDay == "2026-12-02")
    }
}

