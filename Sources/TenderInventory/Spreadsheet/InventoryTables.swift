import TenderRules
import TenderReport

/// One finding as the spreadsheet's findings sheet lists it.
public struct FindingEntry: Sendable, Equatable {
    public var municipality: String?
    public var region: String?
    /// The document's title, else its file name.
    public var document: String
    public var clause: String?
    public var topic: String
    public var category: String
    public var hoursPerProvider: Double
    public var eurosPerProvider: Double
    /// The quoted text of the clause that the finding matched.
    public var quote: String
}

/// The tables of an inventory, each with typed cells: the one model behind the XLSX sheets and
/// the CSV files, so both hold the same figures.
struct InventoryTable {
    enum Cell: Equatable {
        case text(String)
        case integer(Int)
        case hours(Double)
        case euros(Double)
        case empty
    }

    /// File-name and sheet key: `onderwerpen`, `gemeenten`, …
    var key: String
    /// The sheet's name (at most 31 characters).
    var title: String
    var columns: [String]
    var rows: [[Cell]]

    static func all(_ s: InventorySummary, findings: [FindingEntry], language: Language) -> [InventoryTable] {
        let l = InventoryLabels(language: language)
        let groupColumns = { (first: String) in
            [first, l.documents, l.findings, l.municipalities, l.t("Uren per aanbieder", "Hours per provider"),
             l.t("Euro per aanbieder", "Euros per provider"), l.t("Uren alle aanbieders", "Hours all providers"),
             l.t("Euro alle aanbieders", "Euros all providers")]
        }
        func groupRow(_ name: String, _ g: InventorySummary.Group) -> [Cell] {
            [.text(name), .integer(g.documents), .integer(g.findings), g.municipalities.map(Cell.integer) ?? .empty,
             .hours(g.hoursPerProvider), .euros(g.eurosPerProvider), .hours(g.hoursAllProviders), .euros(g.eurosAllProviders)]
        }
        let t = s.totals
        var tables: [InventoryTable] = []
        tables.append(InventoryTable(key: l.t("totalen", "totals"), title: l.t("Totalen", "Totals"),
                                     columns: [l.t("Grootheid", "Quantity"), l.t("Waarde", "Value")], rows: [
            [.text(l.documents), .integer(t.documents)],
            [.text(l.findings), .integer(t.findings)],
            [.text(l.municipalities), .integer(t.municipalities)],
            [.text(l.t("Regio's", "Regions")), .integer(t.regions)],
            [.text(l.t("Uren per aanbieder", "Hours per provider")), .hours(t.hoursPerProvider)],
            [.text(l.t("Euro per aanbieder", "Euros per provider")), .euros(t.eurosPerProvider)],
            [.text(l.t("Uren alle aanbieders", "Hours all providers")), .hours(t.hoursAllProviders)],
            [.text(l.t("Euro alle aanbieders", "Euros all providers")), .euros(t.eurosAllProviders)],
            [.text(l.t("Uurtarief", "Hourly tariff")), .euros(s.parameters.tariff)],
            [.text(l.t("Uurtarief: bron en status", "Hourly tariff: source and status")),
             .text(Formatting.tariffAssumption(s.parameters.tariffWithSource, l.language))],
            [.text(l.t("Aanbieders per aanbesteding (standaard)", "Providers per tender (default)")), .integer(s.parameters.providersPerTender)],
            [.text(l.t("Bestanden samengevoegd", "Files merged")), .integer(s.mergedFiles)],
            [.text(l.t("Niet gelezen", "Not read")), .integer(s.unread.count)],
        ]))
        tables.append(InventoryTable(key: l.t("categorieen", "categories"), title: l.t("Categorieën", "Categories"),
                                     columns: groupColumns(l.t("Categorie", "Category")),
                                     rows: s.categories.map { groupRow(l.categoryName($0.key), $0) }))
        tables.append(InventoryTable(key: l.t("onderwerpen", "topics"), title: l.t("Onderwerpen", "Topics"),
                                     columns: groupColumns(l.t("Onderwerp", "Topic")),
                                     rows: s.topics.map { groupRow($0.label ?? $0.key ?? "", $0) }))
        tables.append(InventoryTable(key: l.t("gemeenten", "municipalities"), title: l.municipalities,
                                     columns: groupColumns(l.municipality), rows: s.municipalities.map { groupRow($0.key ?? l.unknown, $0) }))
        tables.append(InventoryTable(key: l.t("regios", "regions"), title: l.t("Regio's", "Regions"),
                                     columns: groupColumns(l.region), rows: s.regions.map { groupRow($0.key ?? l.unknown, $0) }))
        tables.append(InventoryTable(key: l.t("jaren", "years"), title: l.t("Jaren", "Years"),
                                     columns: groupColumns(l.year), rows: s.years.map { g in
                                         var row = groupRow(g.key ?? l.unknown, g)
                                         if let y = g.key.flatMap({ Int($0) }) { row[0] = .integer(y) }
                                         return row
                                     }))
        if !s.procedures.isEmpty {
            tables.append(InventoryTable(key: "procedures", title: l.t("Procedures", "Procedures"),
                                         columns: groupColumns(l.procedure), rows: s.procedures.map { groupRow($0.key ?? l.unknown, $0) }))
        }
        tables.append(InventoryTable(key: l.t("documenten", "documents"), title: l.t("Documenten", "Documents"),
                                     columns: [l.document, l.municipality, l.region, l.year, "CPV", l.providers, l.findings,
                                               l.t("Uren per aanbieder", "Hours per provider"), l.t("Euro alle aanbieders", "Euros all providers")],
                                     rows: s.documents.map { d in
            [.text(d.name), d.municipality.map(Cell.text) ?? .empty, d.region.map(Cell.text) ?? .empty, d.year.map(Cell.integer) ?? .empty,
             d.cpv.map(Cell.text) ?? .empty, .integer(d.providers), .integer(d.findings), .hours(d.hoursPerProvider), .euros(d.eurosAllProviders)]
        }))
        tables.append(InventoryTable(key: l.t("bevindingen", "findings"), title: l.t("Bevindingen", "Findings"),
                                     columns: [l.municipality, l.region, l.document, l.t("Clausule", "Clause"), l.t("Onderwerp", "Topic"),
                                               l.t("Categorie", "Category"), l.t("Uren per jaar", "Hours per year"),
                                               l.t("Euro per jaar", "Euros per year"), l.t("Geciteerde tekst", "Quoted text")],
                                     rows: findings.map { f in
            [f.municipality.map(Cell.text) ?? .text(l.unknown), f.region.map(Cell.text) ?? .text(l.unknown), .text(f.document),
             f.clause.map(Cell.text) ?? .empty, .text(f.topic), .text(l.categoryName(f.category)),
             .hours(f.hoursPerProvider), .euros(f.eurosPerProvider), .text(f.quote)]
        }))
        tables.append(InventoryTable(key: l.t("samengevoegd", "merged"), title: l.t("Samengevoegd", "Merged"),
                                     columns: [l.document, l.t("Bestand", "File")],
                                     rows: s.merged.flatMap { m in m.files.map { [.text(m.document), .text($0)] } }))
        tables.append(InventoryTable(key: l.t("niet-gelezen", "not-read"), title: l.t("Niet gelezen", "Not read"),
                                     columns: [l.t("Bestand", "File"), l.t("Reden", "Reason")],
                                     rows: s.unread.map { [.text($0.file), .text($0.reason)] }))
        return tables
    }
}
