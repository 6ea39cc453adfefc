/// The inventory as one CSV table (RFC 4180: comma-separated, quoted where needed, `.` as the
/// decimal mark), for spreadsheets. The column `section` says what a row is: `totals`,
/// `category`, `topic`, `municipality`, `region`, `year`, `procedure` or `document`; `key` is
/// empty for "unknown". Header names stay English whatever the language, so scripts can rely
/// on them; labels (topic titles, category names) follow `--lang`.
struct InventoryCSVReport {
    let options: InventoryReportOptions

    static let header = ["section", "key", "label", "category", "documents", "findings", "municipalities", "providers",
                         "hours_per_provider", "euros_per_provider", "hours_all_providers", "euros_all_providers", "tariff_eur_per_hour"]

    func render(_ s: InventorySummary) -> String {
        let labels = InventoryLabels(language: options.language)
        let tariff = NumberText.plain(s.parameters.tariff)
        var lines = [Self.header.joined(separator: ",")]
        func add(_ fields: [String]) { lines.append(fields.map(Self.quoted).joined(separator: ",")) }
        func add(_ section: String, _ g: InventorySummary.Group, label: String) {
            add([section, g.key ?? "", label, g.category ?? "", String(g.documents), String(g.findings),
                 g.municipalities.map(String.init) ?? "", "", NumberText.plain(g.hoursPerProvider), NumberText.plain(g.eurosPerProvider),
                 NumberText.plain(g.hoursAllProviders), NumberText.plain(g.eurosAllProviders), tariff])
        }
        let t = s.totals
        add(["totals", "", labels.t("alle documenten", "all documents"), "", String(t.documents), String(t.findings), String(t.municipalities),
             String(s.parameters.providersPerTender), NumberText.plain(t.hoursPerProvider), NumberText.plain(t.eurosPerProvider),
             NumberText.plain(t.hoursAllProviders), NumberText.plain(t.eurosAllProviders), tariff])
        for g in s.categories { add("category", g, label: labels.categoryName(g.key)) }
        for g in s.topics { add("topic", g, label: g.label ?? g.key ?? "") }
        for g in s.municipalities { add("municipality", g, label: g.key ?? labels.unknown) }
        for g in s.regions { add("region", g, label: g.key ?? labels.unknown) }
        for g in s.years { add("year", g, label: g.key ?? labels.unknown) }
        for g in s.procedures { add("procedure", g, label: g.key ?? labels.unknown) }
        for d in s.documents {
            let label = [d.municipality, d.region, d.year.map(String.init), d.procedure].compactMap { $0 }.joined(separator: " · ")
            add(["document", d.path, label, "", "1", String(d.findings), "", String(d.providers),
                 NumberText.plain(d.hoursPerProvider), NumberText.plain(d.eurosPerProvider),
                 NumberText.plain(d.hoursAllProviders), NumberText.plain(d.eurosAllProviders), tariff])
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A field, quoted when it holds a comma, quote or line break (quotes doubled). A field that
    /// starts with `=`, `+`, `-` or `@` gets a leading apostrophe, so a spreadsheet does not run
    /// it as a formula (paths and names come from untrusted documents' folders).
    static func quoted(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
