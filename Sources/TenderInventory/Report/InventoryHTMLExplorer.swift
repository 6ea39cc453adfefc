import Foundation
import TenderFormats
import TenderRules

/// The parts of the HTML report that make it a tool: filters (domain, year, region,
/// municipality, category) run by one inline script that the page's content-security policy
/// allows by its hash; a section per municipality with its heaviest burdens and quoted example
/// clauses; "Gemeenten × onderwerpen" per region with what deviates from the region's majority
/// marked; and the trend per topic over the years. Without script every section is shown.
///
/// Elements that a filter can hide carry `data-filter` and, per dimension they belong to,
/// `data-domein`, `data-jaar`, `data-regio`, `data-gemeente` or `data-categorie` (several values
/// separated by `|`). A filter hides an element that has its attribute without the chosen value.
struct InventoryHTMLExplorer {
    let labels: InventoryLabels
    let language: Language

    static let script = """
        (function(){var f=document.getElementById('filters');if(!f)return;f.hidden=false;\
        var sel=Array.prototype.slice.call(f.querySelectorAll('select'));\
        function apply(){var v={};sel.forEach(function(s){if(s.value)v[s.name]=s.value;});\
        document.querySelectorAll('[data-filter]').forEach(function(el){var show=true;\
        for(var k in v){var a=el.getAttribute('data-'+k);if(a!==null&&a.split('|').indexOf(v[k])<0)show=false;}\
        el.hidden=!show;});var h=[];for(var k in v)h.push(k+'='+encodeURIComponent(v[k]));\
        var n=document.getElementById('filter-note');if(n)n.hidden=!h.length;\
        try{history.replaceState(null,'',h.length?'#'+h.join('&'):location.pathname);}catch(e){}}\
        sel.forEach(function(s){s.addEventListener('change',apply);});\
        location.hash.slice(1).split('&').forEach(function(p){var kv=p.split('=');\
        sel.forEach(function(s){if(s.name===kv[0])s.value=decodeURIComponent(kv[1]||'');});});apply();})();
        """

    /// `'sha256-…'` of the script, for the page's `script-src`.
    static var scriptHash: String {
        let hex = ContentHash.sha256(Array(script.utf8))
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return "'sha256-\(Data(bytes).base64EncodedString())'"
    }

    static let csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src \(scriptHash)"

    static let style = """
        [hidden]{display:none!important}
        .filters{display:flex;flex-wrap:wrap;gap:12px;padding:12px 16px;background:var(--soft);border:1px solid var(--line);border-radius:8px;margin:16px 0}
        .filters label{display:flex;flex-direction:column;font-size:13px;color:var(--muted)}
        .filters select{font:inherit;padding:4px 6px;min-width:140px}
        article.gemeente{border-top:1px solid var(--line);padding-top:8px;margin-top:16px}
        blockquote{margin:6px 0 10px;padding:6px 12px;border-left:3px solid var(--accent);background:var(--soft);font-size:14px}
        td.extra{background:#fde2e1;font-weight:600}td.absent{background:#e6f4ea;color:var(--muted)}
        .legend span{display:inline-block;padding:0 6px;margin-right:8px}
        @media print{.filters{display:none}article.gemeente,section.regio{break-inside:avoid-page}a{color:inherit}}
        """

    func attribute(_ name: String, _ values: [String]) -> String {
        values.isEmpty ? "" : " data-\(name)=\"\(HTMLText.escape(values.joined(separator: "|")))\""
    }

    func render(_ s: InventorySummary, _ d: InventoryDetails) -> String {
        var html = filters(s, d)
        html += municipalities(d)
        html += regions(d)
        html += trends(d)
        return html
    }

    func filters(_ s: InventorySummary, _ d: InventoryDetails) -> String {
        let l = labels
        func select(_ name: String, _ label: String, _ options: [(String, String)]) -> String {
            var html = "<label>\(HTMLText.escape(label))<select name=\"\(name)\"><option value=\"\">\(l.t("alle", "all"))</option>"
            for (value, text) in options { html += "<option value=\"\(HTMLText.escape(value))\">\(HTMLText.escape(text))</option>" }
            return html + "</select></label>"
        }
        let domains = Array(Set(d.municipalities.flatMap(\.domains))).sorted()
        let domainName: (String) -> String = { Domain(rawValue: $0)?.lawName ?? $0 }
        var html = "<form id=\"filters\" class=\"filters\" hidden aria-label=\"\(l.t("Filters", "Filters"))\">"
        html += select("domein", l.t("Domein", "Domain"), domains.map { ($0, domainName($0)) })
        html += select("jaar", l.year, Array(Set(d.years + d.municipalities.flatMap(\.years))).sorted().map { (String($0), String($0)) })
        html += select("regio", l.region, d.regions.map { ($0.name, $0.name) })
        html += select("gemeente", l.municipality, d.municipalities.map(\.name).sorted().map { ($0, $0) })
        html += select("categorie", l.t("Categorie", "Category"), Category.allCases.map { ($0.rawValue, l.categoryName($0.rawValue)) })
        // The totals of the cards, the chart and the corpus-wide tables are not recomputed in the
        // page: while a filter is chosen, say so where the filters are.
        html += "<p id=\"filter-note\" class=\"muted\" hidden>\(HTMLText.escape(l.t("Gefilterd: de secties per gemeente, ‘Gemeenten × onderwerpen’ en de trends tonen de keuze; de kaarten, de grafieken en de overige tabellen blijven de totalen van alle documenten (de tabellen per onderwerp en per categorie volgen wel het categoriefilter).", "Filtered: the sections by municipality, ‘Municipalities × topics’ and the trends show the choice; the cards, the charts and the other tables keep the totals of all documents (the tables by topic and by category do follow the category filter).")))</p>"
        return html + "</form>\n"
    }

    func municipalities(_ d: InventoryDetails) -> String {
        let l = labels
        guard !d.municipalities.isEmpty else { return "" }
        var html = "<section id=\"per-gemeente\">\n<h2>\(l.t("Per gemeente", "By municipality"))</h2>\n"
        html += "<p>\(HTMLText.escape(l.t("Per gemeente de zwaarste lasten en voorbeelden van de clausules die ze opleggen.", "For each municipality its heaviest burdens and examples of the clauses that impose them.")))</p>\n"
        for m in d.municipalities {
            html += "<article class=\"gemeente\" data-filter\(attribute("regio", m.region.map { [$0] } ?? []))\(attribute("gemeente", [m.name]))"
            html += "\(attribute("domein", m.domains))\(attribute("jaar", m.years.map(String.init)))>\n"
            html += "<h3>\(HTMLText.escape(m.name))\(m.region.map { " <span class=\"muted\">· \(HTMLText.escape($0))</span>" } ?? "")</h3>\n"
            let summary = l.t("\(m.documents) documenten, \(NumberText.euros(m.eurosAllProviders, language)) per jaar voor alle aanbieders.",
                              "\(m.documents) documents, \(NumberText.euros(m.eurosAllProviders, language)) a year for all providers.")
            html += "<p class=\"muted\">\(HTMLText.escape(summary))</p>\n"
            html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.t("Onderwerp", "Topic"))</th><th>\(l.t("Categorie", "Category"))</th><th class=\"n\">\(l.hoursPerProvider)</th><th class=\"n\">\(l.eurosAll)</th></tr></thead>\n<tbody>\n"
            for t in m.topics {
                html += "<tr data-filter\(attribute("categorie", [t.category]))><td>\(HTMLText.escape(t.title))</td><td>\(HTMLText.escape(l.categoryName(t.category)))</td>"
                html += "<td class=\"n\">\(NumberText.hours(t.hoursPerProvider, language))</td><td class=\"n\">\(NumberText.euros(t.eurosAllProviders, language))</td></tr>\n"
            }
            html += "</tbody>\n</table></div>\n"
            for e in m.examples {
                let place = [e.document, e.clause].compactMap { $0 }.joined(separator: " · ")
                html += "<p><strong>\(HTMLText.escape(e.topic))</strong> <span class=\"muted\">(\(HTMLText.escape(place)))</span></p>\n"
                html += "<blockquote>\(HTMLText.escape(e.quote))</blockquote>\n"
            }
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    func regions(_ d: InventoryDetails) -> String {
        let l = labels
        guard !d.regions.isEmpty else { return "" }
        var html = "<section id=\"gemeenten-onderwerpen\">\n<h2>\(l.t("Gemeenten × onderwerpen", "Municipalities × topics"))</h2>\n"
        html += "<p>\(HTMLText.escape(l.t("Per regio de uren per jaar per aanbieder, per gemeente en onderwerp. Gemarkeerd: wat afwijkt van de meerderheid van de regio.", "Per region the hours a year per provider, per municipality and topic. Marked: what deviates from the region's majority.")))</p>\n"
        html += "<p class=\"legend\"><span class=\"extra\" style=\"background:#fde2e1\">\(l.t("legt op, de meeste gemeenten niet", "imposes it, most municipalities do not"))</span>"
        html += "<span style=\"background:#e6f4ea\">\(l.t("legt niet op, de meeste gemeenten wel", "does not impose it, most municipalities do"))</span></p>\n"
        for r in d.regions {
            html += "<section class=\"regio\" data-filter\(attribute("regio", [r.name]))>\n<h3>\(HTMLText.escape(r.name))</h3>\n"
            html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.municipality)</th>"
            for t in r.topics { html += "<th class=\"n\" data-filter\(attribute("categorie", [t.category]))>\(HTMLText.escape(t.title))</th>" }
            html += "</tr></thead>\n<tbody>\n"
            let members = d.municipalities.filter { $0.region == r.name }
            for m in members {
                html += "<tr data-filter\(attribute("gemeente", [m.name]))\(attribute("domein", m.domains))\(attribute("jaar", m.years.map(String.init)))><td>\(HTMLText.escape(m.name))</td>"
                for t in r.topics {
                    let hours = r.hours[m.name]?[t.id] ?? 0
                    let majority = r.majorityImposes(t.id)
                    let mark = hours > 0 && !majority ? " extra" : hours == 0 && majority ? " absent" : ""
                    let text = hours > 0 ? NumberText.hours(hours, language) : "–"
                    html += "<td class=\"n\(mark)\" data-filter\(attribute("categorie", [t.category]))>\(text)</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n</table></div>\n</section>\n"
        }
        return html + "</section>\n"
    }

    func trends(_ d: InventoryDetails) -> String {
        let l = labels
        guard d.years.count > 1 else { return "" }
        var html = "<section id=\"trends\">\n<h2>\(l.t("Trend per onderwerp", "Trend by topic"))</h2>\n"
        html += "<p>\(HTMLText.escape(l.t("Uren per jaar per aanbieder, opgeteld over de documenten van elk jaar.", "Hours a year per provider, summed over each year's documents.")))</p>\n"
        html += "<div class=\"scroll\"><table>\n<thead><tr><th>\(l.t("Onderwerp", "Topic"))</th>"
        for y in d.years { html += "<th class=\"n\" data-filter\(attribute("jaar", [String(y)]))>\(y)</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for t in d.trends {
            html += "<tr data-filter\(attribute("categorie", [t.category]))><td>\(HTMLText.escape(t.title))</td>"
            for y in d.years {
                html += "<td class=\"n\" data-filter\(attribute("jaar", [String(y)]))>\(t.hours[y].map { NumberText.hours($0, language) } ?? "–")</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table></div>\n</section>\n"
    }
}
