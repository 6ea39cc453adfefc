import Foundation
import Testing
import TenderCompare
import TenderReport

/// The region view without a standard: the three variants grouped with one another.
@Suite struct RegionTests {
    static func region(_ names: [String], lint: Bool = true) async -> RegionResult {
        let run = CompareRun(comparator: Comparator(engine: lint ? CompareFixture.engine : nil), workers: 2)
        return await run.region(names.map(CompareFixture.path))
    }

    @Test func namesTheMunicipalityWithTheExtraReportingDemand() async throws {
        let r = await Self.region(["gemeente-zuidhoven.docx", "gemeente-veldmeer.pdf", "gemeente-oosterlanden.md"])
        #expect(r.errors.isEmpty)
        // The reporting clause only Zuidhoven has: most documents lack it, Zuidhoven adds it.
        let reporting = try #require(r.groups.first { $0.variants.contains { $0.text.flat.contains("ieder kwartaal een rapportage") } })
        #expect(reporting.majority == nil)
        #expect(reporting.variants.count == 1 && reporting.variants[0].documents.map(\.lastPathComponent) == ["gemeente-zuidhoven.docx"])
        let zuidhoven = try #require(r.deviators.first { $0.name == "gemeente-zuidhoven" })
        #expect(zuidhoven.deviations.contains { $0.kind == .added && $0.clause == "27.2" && !$0.findings.isEmpty })
        // Zuidhoven is the only one with an extra reporting clause.
        let extraReporting = r.deviators.filter { d in
            d.deviations.contains { $0.kind == .added && r.groups[$0.group].variants[0].text.contains("rapportage") }
        }
        #expect(extraReporting.map(\.name) == ["gemeente-zuidhoven"])
        // The heaviest burden first: Oosterlanden's certificate demand outweighs the rest.
        #expect(r.deviators.map(\.name) == ["gemeente-oosterlanden", "gemeente-zuidhoven", "gemeente-veldmeer"])
        #expect(zip(r.deviators, r.deviators.dropFirst()).allSatisfy { $0.hoursPerYear >= $1.hoursPerYear })
    }

    @Test func majorityWordingAndWhoDeviates() async throws {
        let r = await Self.region(["gemeente-zuidhoven.md", "gemeente-veldmeer.md", "gemeente-oosterlanden.md"], lint: false)
        let payment = try #require(r.groups.first { $0.variants.contains { $0.text.flat.contains("binnen 60 dagen") } })
        let majority = try #require(payment.majority.map { payment.variants[$0] })
        #expect(majority.text.flat.contains("binnen 30 dagen"))
        #expect(majority.documents.map(\.lastPathComponent) == ["gemeente-veldmeer.md", "gemeente-oosterlanden.md"])
        #expect(majority.clauses == ["19.1", "18.1"])
        // Filling in the own name ("de gemeente Zuidhoven", "Veldmeer") is no variant.
        #expect(!r.groups.contains { g in g.variants.contains { $0.text.contains("2.1 De Aanbieder levert jeugdhulp") } && !g.isUnanimous })
        // Every planted edit is one deviation of one municipality; nothing else differs.
        var kinds: [String: [DeviationKind]] = [:]
        for d in r.deviators { kinds[d.name] = d.deviations.map(\.kind) }
        #expect(kinds["gemeente-zuidhoven"]?.sorted { $0.rawValue < $1.rawValue } == [.added, .changed, .removed])
        #expect(kinds["gemeente-veldmeer"]?.sorted { $0.rawValue < $1.rawValue } == [.added, .changed, .removed])
        #expect(kinds["gemeente-oosterlanden"]?.sorted { $0.rawValue < $1.rawValue } == [.added, .changed, .removed])
    }

    @Test func regionReportsInTextAndJSON() async throws {
        let r = await Self.region(["gemeente-zuidhoven.md", "gemeente-veldmeer.md", "gemeente-oosterlanden.md"])
        let text = try #require(try CompareTextReporter(options: ReportOptions()).report(r))
        #expect(text.contains("1. gemeente-oosterlanden: 3 afwijkingen"))
        #expect(text.contains("2. gemeente-zuidhoven: 3 afwijkingen"))
        #expect(text.contains("extra clausule 27.2 — Artikel 27 Beleidsinformatie"))
        let json = try #require(try CompareJSONReporter(options: ReportOptions()).report(r))
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let deviators = object["deviators"] as! [[String: Any]]
        #expect(deviators.map { $0["municipality"] as? String } == ["gemeente-oosterlanden", "gemeente-zuidhoven", "gemeente-veldmeer"])
    }
}

extension String {
    var lastPathComponent: String { (self as NSString).lastPathComponent }
    /// The text on one line (the fixtures reflow some paragraphs).
    var flat: String { replacingOccurrences(of: "\n", with: " ") }
}
