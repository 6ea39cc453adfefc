import TenderRules

/// The inventory as one self-contained HTML page: inline CSS and inline SVG bar charts, nothing
/// fetched from the network, so it can be mailed, archived and printed. With `details`, one
/// inline script (allowed by the page's CSP hash) adds filters; see `InventoryHTMLExplorer`.
/// Written for a policy officer: plain headings, the figures first, the method stated.
struct InventoryHTMLReport {
    let options: InventoryReportOptions
    /// Per municipality, per region and per year; with it the page gets its filters and the
    /// sections of `InventoryHTMLExplorer`.
    var details: InventoryDetails? = nil
    var labels: InventoryLabels { InventoryLabels(language: options.language) }
    var language: Language { options.language }

    static let neutral = "#0f766e"

    static func color(_ category: String?) -> String {
        switch category.flatMap(Category.init(rawValue:)) {
        case .wettelijkGeregeld: return "#2563eb"
        case .nietStandaard: return "#d97706"
        case .disproportioneel: return "#dc2626"
        case .verantwoordingslast: return "#7c3aed"
        case nil: return neutral
        }
    }

    func render(_ s: InventorySummary) -> String {
        let l = labels
        var html = """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="tenderlint \(HTMLText.escape(options.toolVersion))">
        <title>\(HTMLText.escape(l.title)) — tenderlint</title>
        \(details == nil ? "" : "<meta http-equiv=\"Content-Security-Policy\" content=\"\(InventoryHTMLExplorer.csp)\">")
        <style>\(Self.style)\(details == nil ? "" : InventoryHTMLExplorer.style)</style>
        </head>
        <body>
        <main>

        """
        html += header(s)
        let explorer = details.map { (InventoryHTMLExplorer(labels: l, language: language), $0) }
        if let (e, d) = explorer { html += e.filters(s, d) }
        html += cards(s)
        html += method(s)
        html += topics(s)
        html += categories(s)
        html += places(s.municipalities, title: l.t("Gemeenten met de meeste lasten", "Municipalities imposing the most burden"),
                       column: l.municipality, plural: l.t("gemeenten", "municipalities"), count: s.counts["municipalities"] ?? 0, limit: s.limit, showMunicipalities: false)
        html += places(s.regions, title: l.t("Regio's met de meeste lasten", "Regions imposing the most burden"),
                       column: l.region, plural: l.t("regio's", "regions"), count: s.counts["regions"] ?? 0, limit: s.limit, showMunicipalities: true)
        html += years(s)
        if !s.procedures.isEmpty {
            html += places(s.procedures, title: l.t("Per procedure", "By procedure"), column: l.procedure,
                           plural: l.t("procedures", "procedures"), count: s.counts["procedures"] ?? 0, limit: s.limit, showMunicipalities: true, chart: false)
        }
        html += heaviest(s)
        if let (e, d) = explorer {
            html += e.municipalities(d)
            html += e.regions(d)
            html += e.trends(d)
        }
        html += accounted(s)
        html += footer(s)
        if explorer != nil { html += "<script>\(InventoryHTMLExplorer.script)</script>\n" }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    // MARK: Sections

    func header(_ s: InventorySummary) -> String {
        let l = labels
        let documents = formatted(s.totals.documents), municipalities = formatted(s.totals.municipalities)
        var lead = l.t("Deze inventarisatie telt de lasten die \(documents) aanbestedingsdocumenten",
                       "This inventory counts the burden that \(documents) tender documents")
        if s.totals.municipalities > 0 {
            lead += l.t(" van \(municipalities) gemeenten", " from \(municipalities) municipalities")
        }
        lead += l.t(" aan zorg- en welzijnsaanbieders opleggen, geschat met het Standaardkostenmodel.",
                    " impose on care and welfare providers, estimated with the Standard Cost Model.")
        var html = "<header>\n<p class=\"kicker\">tenderlint · \(l.t("inventarisatie", "inventory"))</p>\n"
        html += "<h1>\(HTMLText.escape(l.title))</h1>\n<p class=\"lead\">\(HTMLText.escape(lead))</p>\n"
        if let last = s.lastScan {
            html += "<p class=\"muted\">\(l.t("Laatste scan", "Last scan")): \(NumberText.timestamp(last))</p>\n"
        }
        return html + "</header>\n"
    }

    func cards(_ s: InventorySummary) -> String {
        let l = labels
        let t = s.totals
        func card(_ value: String, _ label: String, _ note: String) -> String {
            "<div class=\"card\"><div class=\"figure\">\(HTMLText.escape(value))</div><div class=\"what\">\(HTMLText.escape(label))</div><div class=\"note\">\(HTMLText.escape(note))</div></div>\n"
        }
        var html = "<section class=\"cards\" aria-label=\"\(l.t("Kerncijfers", "Key figures"))\">\n"
        html += card(NumberText.number(Double(t.documents), language), l.documents,
                     l.t("\(formatted(t.documentsWithFindings)) met bevindingen", "\(formatted(t.documentsWithFindings)) with findings"))
        html += card(NumberText.number(Double(t.findings), language), l.findings,
                     l.t("lasten die de regels herkennen", "burdens the rules recognise"))
        html += card(NumberText.hours(t.hoursAllProviders, language), l.t("uren per jaar", "hours per year"),
                     l.t("alle aanbieders samen", "all providers together"))
        let average = NumberText.euros(Self.perTender(t.eurosPerProvider, t.documents), language)
        html += card(NumberText.shortEuros(t.eurosAllProviders, language), l.t("kosten per jaar", "cost per year"),
                     l.t("alle aanbieders samen; gemiddeld \(average) per aanbieder per aanbesteding",
                         "all providers together; on average \(average) per provider per tender"))
        return html + "</section>\n"
    }

    func method(_ s: InventorySummary) -> String {
        let l = labels
        var html = "<section id=\"methode\">\n<h2>\(l.t("Hoe is dit berekend?", "How was this calculated?"))</h2>\n"
        html += "<p class=\"formula\">\(HTMLText.escape(l.formula))</p>\n"
        html += "<p>\(HTMLText.escape(l.t("Eén document legt één aanbieder de last op die tenderlint lint per document meldt. Voor alle aanbieders samen wordt die last vermenigvuldigd met het aantal aanbieders dat aan het document moet voldoen, en opgeteld over de documenten. ‘Per aanbieder per aanbesteding’ is het gemiddelde over de documenten waarin de last voorkomt.", "One document puts on one provider the burden that tenderlint lint reports per document. For all providers together, that burden is multiplied by the number of providers that must comply with the document, and added up over the documents. ‘Per provider per tender’ is the average over the documents in which the burden occurs.")))</p>\n"
        html += "<h3>\(l.t("Aannames", "Assumptions"))</h3>\n<ul>\n"
        for a in l.assumptions(s.parameters) { html += "<li>\(HTMLText.escape(a))</li>\n" }
        return html + "</ul>\n</section>\n"
    }

    func topics(_ s: InventorySummary) -> String {
        let l = labels
        var html = "<section id=\"onderwerpen\">\n<h2>\(l.t("Welke lasten komen het meest terug?", "Which burdens recur most?"))</h2>\n"
        guard !s.topics.isEmpty else {
            return html + "<p class=\"muted\">\(l.t("Geen bevindingen in deze documenten.", "No findings in these documents."))</p>\n</section>\n"
        }
        html += "<p>\(HTMLText.escape(limitNote(shown: s.topics.count, of: s.counts["topics"] ?? s.topics.count, what: l.t("onderwerpen", "topics"))))</p>\n"
        let bars = s.topics.map { BarChart.Bar(label: $0.label ?? $0.key ?? l.unknown, value: $0.eurosAllProviders,
                                               valueText: NumberText.shortEuros($0.eurosAllProviders, language), color: Self.color($0.category)) }
        html += "<figure>" + BarChart(bars: bars, caption: "\(l.eurosAll) — \(l.topic)").horizontal()
        html += "<figcaption>\(legend(Set(s.topics.compactMap(\.category))))</figcaption></figure>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.topic)</th><th>\(l.category)</th><th class=\"n\">\(l.documents)</th>"
        // Without municipality metadata the column would only show zeros.
        let byMunicipality = s.totals.municipalities > 0
        if byMunicipality { html += "<th class=\"n\">\(l.municipalities)</th>" }
        html += "<th class=\"n\">\(l.findings)</th><th class=\"n\">\(l.perTender)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
        for g in s.topics {
            // A topic belongs to one category: the category filter hides it exactly.
            html += "<tr data-filter data-categorie=\"\(HTMLText.escape(g.category ?? ""))\"><td>\(HTMLText.escape(g.label ?? g.key ?? l.unknown))<div class=\"id\">\(HTMLText.escape(g.key ?? ""))</div></td>"
            html += "<td class=\"cat\"><span class=\"dot\" style=\"background:\(Self.color(g.category))\"></span>\(HTMLText.escape(l.categoryName(g.category)))</td>"
            html += "<td class=\"n\">\(formatted(g.documents))</td>"
            if byMunicipality { html += "<td class=\"n\">\(formatted(g.municipalities ?? 0))</td>" }
            html += "<td class=\"n\">\(formatted(g.findings))</td>"
            html += "<td class=\"n\">\(NumberText.euros(Self.perTender(g.eurosPerProvider, g.documents), language))</td><td class=\"n\">\(NumberText.euros(g.eurosAllProviders, language))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    func categories(_ s: InventorySummary) -> String {
        let l = labels
        var html = "<section id=\"categorieen\">\n<h2>\(l.t("Per categorie", "By category"))</h2>\n"
        let bars = s.categories.map { BarChart.Bar(label: l.categoryName($0.key), value: $0.eurosAllProviders,
                                                   valueText: NumberText.shortEuros($0.eurosAllProviders, language), color: Self.color($0.key)) }
        html += "<figure>" + BarChart(bars: bars, caption: "\(l.eurosAll) — \(l.category)").horizontal() + "</figure>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.category)</th><th class=\"n\">\(l.documents)</th><th class=\"n\">\(l.findings)</th><th class=\"n\">\(l.perTender)</th><th class=\"n\">\(l.hoursAll)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
        for g in s.categories {
            html += "<tr data-filter data-categorie=\"\(HTMLText.escape(g.key ?? ""))\"><td class=\"cat\"><span class=\"dot\" style=\"background:\(Self.color(g.key))\"></span>\(HTMLText.escape(l.categoryName(g.key)))</td>"
            html += "<td class=\"n\">\(formatted(g.documents))</td><td class=\"n\">\(formatted(g.findings))</td><td class=\"n\">\(NumberText.euros(Self.perTender(g.eurosPerProvider, g.documents), language))</td>"
            html += "<td class=\"n\">\(NumberText.hours(g.hoursAllProviders, language))</td><td class=\"n\">\(NumberText.euros(g.eurosAllProviders, language))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    func places(_ groups: [InventorySummary.Group], title: String, column: String, plural: String, count: Int, limit: Int,
                showMunicipalities: Bool, chart: Bool = true) -> String {
        let l = labels
        var html = "<section>\n<h2>\(HTMLText.escape(title))</h2>\n"
        guard !groups.isEmpty else { return html + "<p class=\"muted\">\(l.t("Geen documenten.", "No documents."))</p>\n</section>\n" }
        if groups.allSatisfy({ $0.key == nil }) {
            html += "<p class=\"muted\">\(HTMLText.escape(l.t("Geen document heeft deze metadata. Geef een metadatatabel met --meta, een bestand <document>.meta.yml of --meta-template (zie docs/inventory.md).", "No document has this metadata. Give a metadata table with --meta, a <document>.meta.yml file or --meta-template (see docs/inventory.md).")))</p>\n"
        } else {
            // "onbekend" is shown as a row but is not one of the municipalities (regions, …) counted.
            var note = limitNote(shown: groups.filter { $0.key != nil }.count, of: count, what: plural)
            if let unknown = groups.first(where: { $0.key == nil }) {
                note += l.t(" Daarnaast \(unknown.documents) documenten zonder deze metadata (onbekend).",
                            " Besides, \(unknown.documents) documents without this metadata (unknown).")
            }
            html += "<p>\(HTMLText.escape(note))</p>\n"
        }
        if chart {
            let bars = groups.map { BarChart.Bar(label: $0.key ?? l.unknown, value: $0.eurosAllProviders,
                                                 valueText: NumberText.shortEuros($0.eurosAllProviders, language), color: Self.neutral) }
            html += "<figure>" + BarChart(bars: bars, caption: "\(l.eurosAll) — \(column)").horizontal() + "</figure>\n"
        }
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(HTMLText.escape(column))</th><th class=\"n\">\(l.documents)</th>"
        if showMunicipalities { html += "<th class=\"n\">\(l.municipalities)</th>" }
        html += "<th class=\"n\">\(l.findings)</th><th class=\"n\">\(l.perTender)</th><th class=\"n\">\(l.hoursAll)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
        for g in groups {
            html += "<tr><td>\(HTMLText.escape(g.key ?? l.unknown))</td><td class=\"n\">\(formatted(g.documents))</td>"
            if showMunicipalities { html += "<td class=\"n\">\(formatted(g.municipalities ?? 0))</td>" }
            html += "<td class=\"n\">\(formatted(g.findings))</td><td class=\"n\">\(NumberText.euros(Self.perTender(g.eurosPerProvider, g.documents), language))</td>"
            html += "<td class=\"n\">\(NumberText.hours(g.hoursAllProviders, language))</td><td class=\"n\">\(NumberText.euros(g.eurosAllProviders, language))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    func years(_ s: InventorySummary) -> String {
        let l = labels
        var html = "<section id=\"jaren\">\n<h2>\(l.t("Ontwikkeling per jaar", "Trend by year"))</h2>\n"
        guard !s.years.isEmpty else {
            return html + "<p class=\"muted\">\(HTMLText.escape(l.t("Geen document heeft een jaar in zijn metadata.", "No document has a year in its metadata.")))</p>\n</section>\n"
        }
        html += "<p>\(HTMLText.escape(l.t("De lasten van de documenten per jaar van aanbesteding. Een jaar met meer documenten telt vanzelf meer op; de kolom per aanbieder per aanbesteding maakt jaren vergelijkbaar.", "The burden of the documents by tender year. A year with more documents adds up to more; the per-provider-per-tender column makes years comparable.")))</p>\n"
        let bars = s.years.map { BarChart.Bar(label: $0.key ?? l.unknown, value: $0.eurosAllProviders,
                                              valueText: NumberText.shortEuros($0.eurosAllProviders, language), color: Self.neutral) }
        html += "<figure>" + BarChart(bars: bars, caption: "\(l.eurosAll) — \(l.year)").vertical() + "</figure>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.year)</th><th class=\"n\">\(l.documents)</th><th class=\"n\">\(l.municipalities)</th><th class=\"n\">\(l.findings)</th><th class=\"n\">\(l.perTender)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
        for g in s.years {
            html += "<tr><td>\(HTMLText.escape(g.key ?? l.unknown))</td><td class=\"n\">\(formatted(g.documents))</td><td class=\"n\">\(formatted(g.municipalities ?? 0))</td>"
            html += "<td class=\"n\">\(formatted(g.findings))</td><td class=\"n\">\(NumberText.euros(Self.perTender(g.eurosPerProvider, g.documents), language))</td><td class=\"n\">\(NumberText.euros(g.eurosAllProviders, language))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    func heaviest(_ s: InventorySummary) -> String {
        let l = labels
        var html = "<section id=\"documenten\">\n<h2>\(l.t("Documenten met de zwaarste last", "Documents with the heaviest burden"))</h2>\n"
        guard !s.documents.isEmpty else {
            return html + "<p class=\"muted\">\(l.t("Geen documenten met bevindingen.", "No documents with findings."))</p>\n</section>\n"
        }
        html += "<p>\(HTMLText.escape(limitNote(shown: s.documents.count, of: s.counts["documents"] ?? s.documents.count, what: l.t("documenten met bevindingen", "documents with findings"))))</p>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.document)</th><th>\(l.municipality)</th><th>\(l.region)</th><th class=\"n\">\(l.year)</th><th class=\"n\">\(l.providers)</th><th class=\"n\">\(l.findings)</th><th class=\"n\">\(l.hoursPerProvider)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
        for d in s.documents {
            let cpv = d.cpv.map { "<br><small class=\"muted\">CPV \(HTMLText.escape($0))</small>" } ?? ""
            html += "<tr><td class=\"path\">\(HTMLText.escape(d.name))\(cpv)</td><td>\(HTMLText.escape(d.municipality ?? "–"))</td><td>\(HTMLText.escape(d.region ?? "–"))</td>"
            html += "<td class=\"n\">\(d.year.map(String.init) ?? "–")</td><td class=\"n\">\(formatted(d.providers))</td><td class=\"n\">\(formatted(d.findings))</td>"
            html += "<td class=\"n\">\(NumberText.hours(d.hoursPerProvider, language))</td><td class=\"n\">\(NumberText.euros(d.eurosAllProviders, language))</td></tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }

    /// Every file accounted for: the tenders found in several files (counted once) and the
    /// files that are in no total, with the reason.
    func accounted(_ s: InventorySummary) -> String {
        let l = labels
        guard !s.merged.isEmpty || !s.unread.isEmpty else { return "" }
        var html = "<section id=\"bestanden\">\n<h2>\(l.t("Alle bestanden verantwoord", "Every file accounted for"))</h2>\n"
        if !s.merged.isEmpty {
            let note = l.t(
                "\(s.mergedFiles) bestanden bevatten dezelfde aanbesteding (kopieën of dezelfde tekst in een ander formaat) en zijn samengevoegd tot \(s.merged.count) documenten; elk telt één keer mee.",
                "\(s.mergedFiles) files hold the same tender (copies, or the same text in another format) and were merged into \(s.merged.count) documents; each counts once.")
            html += "<h3>\(l.t("Eén keer geteld", "Counted once"))</h3>\n<p>\(HTMLText.escape(note))</p>\n"
            html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.document)</th><th>\(l.t("Bestanden", "Files"))</th></tr></thead>\n<tbody>\n"
            for m in s.merged {
                html += "<tr><td>\(HTMLText.escape(m.document))</td><td class=\"path\">\(m.files.map(HTMLText.escape).joined(separator: "<br>"))</td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        if !s.unread.isEmpty {
            let note = l.t(
                "\(s.unread.count) bestanden konden niet worden gelezen of hebben een formaat dat tenderlint niet leest; ze tellen niet mee.",
                "\(s.unread.count) files could not be read or are in a format tenderlint does not read; they are not counted.")
            html += "<h3>\(l.t("Niet gelezen", "Not read"))</h3>\n<p>\(HTMLText.escape(note))</p>\n"
            html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.t("Bestand", "File"))</th><th>\(l.t("Reden", "Reason"))</th></tr></thead>\n<tbody>\n"
            for u in s.unread {
                html += "<tr><td class=\"path\">\(HTMLText.escape(u.file))</td><td>\(HTMLText.escape(u.reason))</td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
        }
        return html + "</section>\n"
    }

    func footer(_ s: InventorySummary) -> String {
        let l = labels
        var notes: [String] = []
        if s.totals.unreadable > 0 {
            notes.append(l.t("\(s.totals.unreadable) bestanden konden niet worden gelezen en tellen niet mee.",
                             "\(s.totals.unreadable) files could not be read and are not counted."))
        }
        if s.totals.deleted > 0 {
            notes.append(l.t("\(s.totals.deleted) eerder gescande bestanden bestaan niet meer en tellen niet mee.",
                             "\(s.totals.deleted) previously scanned files no longer exist and are not counted."))
        }
        if s.totals.documentsWithoutMetadata > 0 {
            notes.append(l.t("\(s.totals.documentsWithoutMetadata) documenten hebben geen metadata (gemeente, regio of jaar) en staan onder 'onbekend'.",
                             "\(s.totals.documentsWithoutMetadata) documents have no metadata (municipality, region or year) and are listed as 'unknown'."))
        }
        var html = "<footer>\n"
        for n in notes { html += "<p>\(HTMLText.escape(n))</p>\n" }
        var made = l.t("Gemaakt met tenderlint \(options.toolVersion)", "Made with tenderlint \(options.toolVersion)")
        if let db = options.database { made += l.t(" uit \(db)", " from \(db)") }
        made += l.t(". De bedragen zijn schattingen om lasten te vergelijken en te agenderen, geen meting.",
                    ". The amounts are estimates to compare and raise burdens, not a measurement.")
        html += "<p class=\"muted\">\(HTMLText.escape(made))</p>\n</footer>\n"
        return html
    }

    // MARK: Pieces

    /// A count with thousands separators.
    func formatted(_ n: Int) -> String { NumberText.number(Double(n), language) }

    /// The average per-provider amount per document: the sum over documents ÷ their number.
    static func perTender(_ sum: Double, _ documents: Int) -> Double {
        documents > 0 ? sum / Double(documents) : 0
    }

    func legend(_ categories: Set<String>) -> String {
        Category.allCases.filter { categories.contains($0.rawValue) }.map { c in
            "<span class=\"legend\"><span class=\"dot\" style=\"background:\(Self.color(c.rawValue))\"></span>\(HTMLText.escape(c.label(language)))</span>"
        }.joined(separator: " ")
    }

    func limitNote(shown: Int, of total: Int, what: String) -> String {
        let l = labels
        return shown < total
            ? l.t("De \(shown) zwaarste van \(total) \(what), naar kosten per jaar voor alle aanbieders.",
                  "The \(shown) heaviest of \(total) \(what), by cost per year for all providers.")
            : l.t("Alle \(total) \(what), naar kosten per jaar voor alle aanbieders.",
                  "All \(total) \(what), by cost per year for all providers.")
    }

    static let style = """
    :root{--ink:#1f2933;--muted:#5f6b7a;--line:#d9dee5;--soft:#f4f6f8;--accent:#0f766e}
    *{box-sizing:border-box}
    body{margin:0;background:#fff;color:var(--ink);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
    main{max-width:1000px;margin:0 auto;padding:32px 24px 48px}
    h1{font-size:30px;line-height:1.2;margin:4px 0 12px}
    h2{font-size:22px;margin:40px 0 8px;padding-top:12px;border-top:1px solid var(--line)}
    h3{font-size:17px;margin:20px 0 6px}
    .kicker{margin:0;color:var(--accent);font-weight:600;text-transform:uppercase;letter-spacing:.06em;font-size:13px}
    .lead{font-size:18px;max-width:46em}
    .muted,.note,.id{color:var(--muted)}
    .id{font-size:12px;font-family:ui-monospace,Menlo,Consolas,monospace}
    .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:12px;margin:24px 0}
    .card{background:var(--soft);border-radius:8px;padding:14px 16px}
    .figure{font-size:28px;font-weight:700;line-height:1.1}
    .what{font-weight:600;margin-top:4px}
    .note{font-size:13px}
    .formula{background:var(--soft);border-left:4px solid var(--accent);padding:10px 14px;font-weight:600}
    figure{margin:12px 0 16px}
    figcaption{font-size:13px;color:var(--muted);margin-top:4px}
    .chart{width:100%;height:auto;display:block}
    .chart text{font-size:13px;fill:var(--ink);font-family:inherit}
    .chart .value{fill:var(--muted)}
    .chart .axis{stroke:var(--line);stroke-width:1}
    table{width:100%;border-collapse:collapse;font-size:14px;margin:8px 0 16px}
    th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
    th{background:var(--soft);font-weight:600}
    .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    th.n{white-space:normal;min-width:5.5em}
    .scroll{overflow-x:auto}
    .cat{white-space:nowrap}
    .path{word-break:break-all;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px}
    .dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px;vertical-align:baseline}
    .legend{margin-right:14px;white-space:nowrap}
    footer{margin-top:40px;border-top:1px solid var(--line);padding-top:12px;font-size:14px}
    @media print{main{padding:0}h2{break-after:avoid}figure,tr{break-inside:avoid}}
    """
}
