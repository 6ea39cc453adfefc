import Testing
@testable import TenderCompare
import TenderDocument

/// The alignment and the word diff on small texts written for each case.
@Suite struct AlignmentTests {
    func compare(_ standard: String, _ document: String) throws -> DocumentComparison {
        let comparator = Comparator(engine: nil)
        return comparator.compare(standard: comparator.prepare(try CompareFixture.document(markdown: standard, path: "standaard.md")),
                                  document: comparator.prepare(try CompareFixture.document(markdown: document, path: "gemeente.md")))
    }

    static let base = """
    ## Artikel 1 Betaling

    1.1 De gemeente betaalt een juiste factuur binnen 30 dagen na ontvangst.

    1.2 Een afgekeurde factuur wordt met redenen teruggestuurd naar de aanbieder.

    ## Artikel 2 Gegevens

    2.1 De gemeente vraagt geen gegevens die zij al heeft of uit een openbare bron kan halen.

    2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft en vernietigt het daarna.

    ## Artikel 3 Looptijd

    3.1 De overeenkomst heeft een looptijd van vier jaar en kan twee keer worden verlengd.
    """

    @Test func identicalTextsHaveNoDeviations() throws {
        let c = try compare(Self.base, Self.base)
        #expect(c.deviations.isEmpty)
        #expect(c.summary.kept == 5 && c.summary.standardClauses == 5)
    }

    @Test func renumberedClausesPairByText() throws {
        let renumbered = Self.base.replacingOccurrences(of: "Artikel 2", with: "Artikel 7")
            .replacingOccurrences(of: "2.1 ", with: "7.1 ").replacingOccurrences(of: "2.2 ", with: "7.2 ")
        let c = try compare(Self.base, renumbered)
        #expect(c.deviations.isEmpty)
    }

    @Test func changedWordsAndNumbers() throws {
        let changed = Self.base.replacingOccurrences(of: "binnen 30 dagen", with: "binnen 45 dagen")
        let c = try compare(Self.base, changed)
        #expect(c.deviations.count == 1)
        let d = try #require(c.deviations.first)
        #expect(d.kind == .changed && d.standard?.number == "1.1" && d.document?.number == "1.1")
        #expect(d.diff == [DiffSegment(op: .equal, text: "De gemeente betaalt een juiste factuur binnen"),
                           DiffSegment(op: .delete, text: "30"), DiffSegment(op: .insert, text: "45"),
                           DiffSegment(op: .equal, text: "dagen na ontvangst")])
        #expect(d.numberChanges.map(\.text) == ["betaling 30 → 45 dagen"])
    }

    @Test func aRemovedArticleIsOneDeviation() throws {
        let without = Self.base.replacingOccurrences(of: """
        ## Artikel 2 Gegevens

        2.1 De gemeente vraagt geen gegevens die zij al heeft of uit een openbare bron kan halen.

        2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft en vernietigt het daarna.


        """, with: "")
        let c = try compare(Self.base, without)
        #expect(c.deviations.map(\.kind) == [.removed])
        #expect(c.deviations.first?.standard?.number == "Artikel 2")
        #expect(c.deviations.first?.standard?.clauses.count == 3)
        #expect(c.summary.removed == 1 && c.summary.kept == 3)
    }

    @Test func movedClauseIsNoDeviation() throws {
        let moved = """
        ## Artikel 1 Looptijd

        1.1 De overeenkomst heeft een looptijd van vier jaar en kan twee keer worden verlengd.

        ## Artikel 2 Betaling

        2.1 De gemeente betaalt een juiste factuur binnen 30 dagen na ontvangst.

        2.2 Een afgekeurde factuur wordt met redenen teruggestuurd naar de aanbieder.

        ## Artikel 3 Gegevens

        3.1 De gemeente vraagt geen gegevens die zij al heeft of uit een openbare bron kan halen.

        3.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft en vernietigt het daarna.
        """
        let c = try compare(Self.base, moved)
        #expect(c.deviations.isEmpty, "\(CompareFixture.keys(c))")
        // Betaling and Gegevens stay in order; the heading and the clause of Looptijd moved.
        #expect(c.moved.map(\.standard.number) == ["Artikel 3", "3.1"])
        #expect(c.moved.map(\.document.number) == ["Artikel 1", "1.1"])
    }

    @Test func splitWithTheSameWordsIsTheSame() throws {
        let split = Self.base.replacingOccurrences(
            of: "2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft en vernietigt het daarna.",
            with: "2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft\n\n2.3 en vernietigt het daarna.")
        let c = try compare(Self.base, split)
        #expect(c.deviations.isEmpty, "\(CompareFixture.keys(c))")
    }

    @Test func splitClausePairsWithBothParts() throws {
        let split = Self.base.replacingOccurrences(
            of: "2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft en vernietigt het daarna.",
            with: "2.2 De aanbieder bewaart het dossier zo lang als de wet voorschrijft.\n\n2.3 Daarna vernietigt de aanbieder het dossier.")
        let c = try compare(Self.base, split)
        #expect(c.deviations.count == 1, "\(CompareFixture.keys(c))")
        let d = try #require(c.deviations.first)
        #expect(d.kind == .changed && d.standard?.number == "2.2" && d.document?.number == "2.2 + 2.3")
    }

    @Test func mergedClausesPairWithTheWhole() throws {
        let merged = Self.base.replacingOccurrences(
            of: "1.1 De gemeente betaalt een juiste factuur binnen 30 dagen na ontvangst.\n\n1.2 Een afgekeurde",
            with: "1.1 De gemeente betaalt een juiste factuur binnen 30 dagen na ontvangst. Een afgekeurde")
        let c = try compare(Self.base, merged)
        #expect(c.deviations.isEmpty, "\(CompareFixture.keys(c))")
        #expect(c.summary.kept == 5)
    }

    @Test func addedClauseIsLocalDemand() throws {
        let added = Self.base + "\n\n3.2 De aanbieder levert ieder kwartaal een rapportage over de wachttijden aan.\n"
        let c = try compare(Self.base, added)
        #expect(CompareFixture.keys(c) == [.init(kind: .added, standard: nil, document: "3.2")])
    }

    @Test func placeholderFilledOrLeftIsTheSame() throws {
        let template = "## Artikel 1 Partijen\n\n1.1 Deze overeenkomst is gesloten door [naam gemeente] en de aanbieder, in [aantal] exemplaren.\n"
        #expect(try compare(template, template).deviations.isEmpty)
        let filled = template.replacingOccurrences(of: "[naam gemeente]", with: "de gemeente Zuidhoven")
            .replacingOccurrences(of: "[aantal]", with: "3")
        #expect(try compare(template, filled).deviations.isEmpty)
        let other = filled.replacingOccurrences(of: "en de aanbieder", with: "en de opdrachtnemer")
        #expect(try compare(template, other).deviations.map(\.kind) == [.changed])
    }

    @Test func wordDiffScript() {
        #expect(WordDiff.script(["a", "b", "c"], ["a", "x", "c"]) == [.equal, .delete, .insert, .equal])
        #expect(WordDiff.script([], ["a"]) == [.insert])
        #expect(WordDiff.script(["a", "b"], ["b"]) == [.delete, .equal])
    }
}
