/// One row of the `finding` table: a finding of one document, with its burden for one provider.
struct FindingRecord: Codable, Sendable {

    var id: Int64?
    var documentId: Int64
    var ruleId: String
    var topic: String
    var category: String
    var severity: String
    /// The clause number as a person cites it (`Artikel 12 lid 2`), if the clause has one.
    var clause: String?
    /// The headings above the clause, joined with ` › `.
    var headingPath: String
    /// Where the match starts, as the report says it (`regel 12, kolom 4`, `alinea 3, kolom 1`).
    var location: String
    var line: Int
    var column: Int
    /// The matched text as it stands in the document.
    var match: String
    var hoursPerOccurrence: Double
    var occurrencesPerYear: Double
    /// hoursPerOccurrence × occurrencesPerYear, for one provider.
    var hoursPerYear: Double
    /// hoursPerYear × the corpus tariff, for one provider.
    var eurosPerYear: Double
    var bearer: String
    /// The engine's fingerprint: survives renumbering and reflowed text.
    var fingerprint: String
    /// Why the finding is silenced, if it is; silenced findings count in no total.
    var suppressed: String?

    /// The columns `InventoryStore.save` writes after `documentId`, in the order of `values`.
    /// `column` is a reserved word in PostgreSQL: quoted (SQLite accepts the quotes too).
    static let columns = [
        "ruleId", "topic", "category", "severity", "clause", "headingPath", "location", "line", "\"column\"", "match",
        "hoursPerOccurrence", "occurrencesPerYear", "hoursPerYear", "eurosPerYear", "bearer", "fingerprint", "suppressed",
    ]

    var values: [any SQLBindable] {
        [ruleId, topic, category, severity, clause, headingPath, location, line, column, match,
         hoursPerOccurrence, occurrencesPerYear, hoursPerYear, eurosPerYear, bearer, fingerprint, suppressed]
    }
}
