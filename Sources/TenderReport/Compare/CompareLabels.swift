import TenderCompare
import TenderRules

/// The words of the compare reports, Dutch or English.
struct CompareLabels {
    let language: Language
    init(_ language: Language) { self.language = language }
    private var en: Bool { language == .en }

    func kind(_ kind: DeviationKind) -> String {
        switch (kind, en) {
        case (.changed, false): return "gewijzigd"
        case (.added, false): return "toegevoegd"
        case (.removed, false): return "geschrapt"
        case (.changed, true): return "changed"
        case (.added, true): return "added"
        case (.removed, true): return "removed"
        }
    }

    var against: String { en ? "against" : "tegen" }
    var standard: String { en ? "standard" : "standaard" }
    var document: String { en ? "document" : "document" }
    var noCounterpartInStandard: String { en ? "no counterpart in the standard" : "geen tegenhanger in de standaard" }
    var noCounterpartInDocument: String { en ? "no counterpart in the document" : "geen tegenhanger in het document" }
    var similarity: String { en ? "similarity" : "gelijkenis" }
    var moved: String { en ? "moved" : "verplaatst" }
    var unnumbered: String { en ? "(unnumbered)" : "(zonder nummer)" }
    var noDeviations: String { en ? "no deviations from the standard" : "geen afwijkingen van de standaard" }
    var pageTitle: String { en ? "tenderlint: comparison with the standard" : "tenderlint: vergelijking met de standaard" }
    var regionTitle: String { en ? "tenderlint: clauses compared across the region" : "tenderlint: clausules vergeleken in de regio" }
    var perYear: String { en ? "hours per provider per year" : "uur per aanbieder per jaar" }

    func movedLine(_ count: Int) -> String {
        en ? "\(count) clause\(count == 1 ? "" : "s") kept unchanged at another place or number"
           : "\(count) \(count == 1 ? "clausule" : "clausules") ongewijzigd op een andere plaats of onder een ander nummer"
    }

    func summary(_ s: ComparisonSummary) -> String {
        let share = Formatting.number(s.keptShare * 100, decimals: 0, language)
        let burden = "\(Formatting.hours(s.hoursPerYear, language)) \(perYear) (\(Formatting.euros(s.eurosPerYear, language)))"
        if en {
            return "\(share)% of the standard kept (\(s.kept) of \(s.standardClauses) clauses); \(s.changed) changed, "
                + "\(s.added) local addition\(s.added == 1 ? "" : "s"), \(s.removed) removed; burden of the deviations \(burden)"
        }
        return "\(share)% van de standaard ongewijzigd overgenomen (\(s.kept) van \(s.standardClauses) clausules); \(s.changed) gewijzigd, "
            + "\(s.added) lokale \(s.added == 1 ? "toevoeging" : "toevoegingen"), \(s.removed) geschrapt; last van de afwijkingen \(burden)"
    }

    func findingBurden(_ hours: Double) -> String {
        "\(Formatting.hours(hours, language)) \(en ? "h/year" : "uur/jaar")"
    }

    // Region
    var regionHeading: String { en ? "Clauses that differ across the region" : "Clausules die in de regio verschillen" }
    var ranking: String { en ? "Municipalities deviating from the majority, heaviest burden first" : "Gemeenten die van de meerderheid afwijken, zwaarste last eerst" }
    var majority: String { en ? "majority" : "meerderheid" }
    var absent: String { en ? "absent" : "ontbreekt" }
    var absentInMajority: String { en ? "most documents do not have this clause" : "de meeste documenten hebben deze clausule niet" }
    func regionKind(_ kind: DeviationKind) -> String {
        switch (kind, en) {
        case (.changed, false): return "andere formulering"
        case (.added, false): return "extra clausule"
        case (.removed, false): return "clausule ontbreekt"
        case (.changed, true): return "other wording"
        case (.added, true): return "extra clause"
        case (.removed, true): return "clause missing"
        }
    }
    func regionSummary(documents: Int, groups: Int, differing: Int) -> String {
        en ? "\(documents) documents, \(groups) groups of equivalent clauses, \(differing) of them differ"
           : "\(documents) documenten, \(groups) groepen gelijkwaardige clausules, waarvan \(differing) verschillen"
    }
    func deviations(_ n: Int) -> String {
        en ? "\(n) deviation\(n == 1 ? "" : "s")" : "\(n) \(n == 1 ? "afwijking" : "afwijkingen")"
    }
}
