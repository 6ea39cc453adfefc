import Foundation
import Testing
@testable import TenderCompare
import TenderDocument

/// The fixtures: every planted edit reported once, with both clause numbers, and nothing else,
/// whatever format either side is in.
@Suite struct PlantedEditTests {
    static let variants = ["gemeente-zuidhoven", "gemeente-veldmeer", "gemeente-oosterlanden"]
    static let formats = ["md", "docx", "pdf"]

    @Test(arguments: PlantedEditTests.variants, PlantedEditTests.formats)
    func plantedEditsExactly(variant: String, format: String) throws {
        let comparison = try CompareFixture.compare("modelovereenkomst.docx", "\(variant).\(format)", lint: false)
        #expect(CompareFixture.keys(comparison) == CompareFixture.planted[variant]!)
    }

    @Test(arguments: PlantedEditTests.formats, PlantedEditTests.formats)
    func standardAgainstItselfInAnyFormat(a: String, b: String) throws {
        let comparison = try CompareFixture.compare("modelovereenkomst.\(a)", "modelovereenkomst.\(b)", lint: false)
        #expect(comparison.deviations.isEmpty, "\(CompareFixture.keys(comparison))")
        #expect(comparison.summary.kept == comparison.summary.standardClauses)
        #expect(comparison.summary.standardClauses == 73)
    }

    @Test func variantAgainstItselfHasNoDeviations() throws {
        for v in Self.variants {
            let c = try CompareFixture.compare("\(v).md", "\(v).md", lint: false)
            #expect(c.deviations.isEmpty && c.moved.isEmpty, "\(v): \(CompareFixture.keys(c))")
        }
    }

    /// Above the cell limit the ordered pairs come from the best candidates' longest chain: on the
    /// fixtures that finds the same deviations.
    @Test(arguments: PlantedEditTests.variants)
    func largeInputAlignmentFindsTheSameEdits(variant: String) throws {
        var comparator = Comparator(engine: nil)
        comparator.aligner.maximumCells = 0
        let c = comparator.compare(standard: comparator.prepare(try CompareFixture.read("modelovereenkomst.docx")),
                                   document: comparator.prepare(try CompareFixture.read("\(variant).md")))
        #expect(CompareFixture.keys(c) == CompareFixture.planted[variant]!)
    }

    @Test func changedNumbersAreNamed() throws {
        let z = try CompareFixture.compare("modelovereenkomst.md", "gemeente-zuidhoven.md", lint: false)
        #expect(z.deviations.flatMap(\.numberChanges).map(\.text) == ["betaaltermijn 30 → 60 dagen"])
        let v = try CompareFixture.compare("modelovereenkomst.md", "gemeente-veldmeer.pdf", lint: false)
        #expect(v.deviations.flatMap(\.numberChanges).map(\.text) == ["looptijd 4 → 2 jaar"])
    }

    @Test func wordDiffOfTheChangedClause() throws {
        let o = try CompareFixture.compare("modelovereenkomst.md", "gemeente-oosterlanden.md", lint: false)
        let changed = try #require(o.deviations.first { $0.kind == .changed })
        let deleted = changed.diff.filter { $0.op == .delete }.map(\.text)
        let inserted = changed.diff.filter { $0.op == .insert }.map(\.text)
        let deletedWords = Set(deleted.flatMap { $0.split(separator: " ").map(String.init) })
        let insertedWords = Set(inserted.flatMap { $0.split(separator: " ").map(String.init) })
        #expect(deletedWords.isSuperset(of: ["landelijk", "accountantsprotocol", "landelijke", "modellen"]))
        #expect(insertedWords.isSuperset(of: ["eigen", "controleprotocol", "Oosterlanden", "format"]))
        // The words both keep are not in the diff: at most one shared word (of the LCS's choice) on either side.
        #expect(deletedWords.count <= 5 && insertedWords.count <= 9)
        // "één keer" was retyped "een keer": no change.
        #expect(changed.diff.first?.op == .equal)
    }

    @Test func placeholdersFilledInAreNoChange() throws {
        let z = try CompareFixture.compare("modelovereenkomst.md", "gemeente-zuidhoven.md", lint: false)
        #expect(!z.deviations.contains { $0.standard?.number == "Artikel 43" || $0.standard?.number == "43.1" })
        let v = try CompareFixture.compare("modelovereenkomst.md", "gemeente-veldmeer.md", lint: false)
        let looptijd = try #require(v.deviations.first { $0.kind == .changed })
        let fill = try #require(looptijd.diff.first { $0.op == .fill })
        #expect(fill.text == "[datum]" && fill.replacement == "1 januari 2027")
    }

    @Test func renumberedAndMovedClausesAreKept() throws {
        let v = try CompareFixture.compare("modelovereenkomst.md", "gemeente-veldmeer.md", lint: false)
        // Every article after the new Artikel 13 is renumbered; one article moved.
        #expect(v.summary.kept == v.summary.standardClauses - 2)
        #expect(!v.moved.isEmpty)
        // Privacy (24) and Bewaartermijnen (25) swapped places: one of them is the moved one.
        let swapped: Set<String> = ["Artikel 24", "24.1", "24.2", "Artikel 25", "25.1"]
        #expect(v.moved.allSatisfy { swapped.contains($0.standard.number ?? "") })
    }

    @Test func deviationsCarryTheirFindings() throws {
        guard CompareFixture.engine != nil else { Issue.record("rules/ did not load"); return }
        let z = try CompareFixture.compare("modelovereenkomst.md", "gemeente-zuidhoven.docx")
        let payment = try #require(z.deviations.first { $0.kind == .changed })
        #expect(payment.findings.map(\.ruleId).contains("betaaltermijn-langer-dan-30-dagen"))
        #expect(payment.severity == .error)
        let reporting = try #require(z.deviations.first { $0.kind == .added })
        #expect(!reporting.findings.isEmpty)
        #expect(z.summary.hoursPerYear > 0)
        #expect(z.deviations.first { $0.kind == .removed }?.findings.isEmpty == true)
    }
}
