import TenderDocument
import TenderLint
import TenderRules

/// The body of an HTML report: a summary, then per document its clauses with findings marked in
/// place and a panel per finding. The `html` reporter wraps it in a self-contained page; the web
/// page wraps it in its own layout. Output is deterministic: ids come from positions in the result.
public struct HTMLReportBody {
    /// Where the finding panels go.
    public enum Panels: Sendable {
        /// After the paragraph each finding is in, with a list of links per document (the report file).
        case inText
        /// In a compact list of their own (`findingList()`), each folded in a `<details>` until
        /// opened; the text then carries only the marks, which link to the list (the web page,
        /// where a long tender would otherwise be tens of thousands of pixels tall).
        case folded
    }

    let result: LintResult
    let options: ReportOptions
    let filter: FindingFilter
    let outlines: [String: DocumentOutline]
    let panels: Panels
    let labels: HTMLLabels
    let findingText: FindingText

    /// - Parameters:
    ///   - filter: which findings are marked and explained; the summary always counts all.
    ///   - outlines: the full text per document path. A document with an outline shows every
    ///     clause; one without shows only the clauses that have findings, built from their excerpts.
    ///   - panels: next to the text (the default), or folded in a list of their own.
    public init(result: LintResult, catalogue: Catalogue, options: ReportOptions, filter: FindingFilter = .all,
                outlines: [String: DocumentOutline] = [:], panels: Panels = .inText) {
        self.findingText = FindingText(catalogue: catalogue, language: options.language)
        self.result = result
        self.options = options
        self.filter = filter
        self.outlines = outlines
        self.panels = panels
        self.labels = HTMLLabels(options.language)
    }

    private var language: Language { options.language }

    /// Summary and documents.
    public func render() -> String {
        summary() + documents()
    }

    /// Every document's section, in the result's order.
    public func documents() -> String {
        result.documents.enumerated().map { document($0.element, index: $0.offset + 1) }.joined()
    }

    // MARK: Summary

    /// The summary section: totals, counts and burden per category and per severity, documents, input errors.
    public func summary() -> String {
        let active = result.findings
        var out = "<section class=\"summary\" aria-labelledby=\"summary-title\">\n"
        out += "<h2 id=\"summary-title\">\(labels.summary)</h2>\n"
        out += "<p class=\"totals\">" + HTMLEscaping.escape(labels.totals(
            findings: active.count, documents: result.documents.count,
            hours: Formatting.hours(result.hoursPerYear, language), euros: Formatting.euros(result.eurosPerYear, language),
            tariff: Formatting.tariffRate(result.totals, language),
            municipalities: Formatting.municipalitiesNote(result.totals.municipalitiesPerProvider, language))
            + " " + Formatting.tariffAssumption(result.totals, language).capitalisedFirst + ".") + "</p>\n"
        out += "<div class=\"tables\">\n"
        out += "<table>\n<caption>\(labels.perCategory)</caption>\n<thead><tr><th scope=\"col\">\(labels.category)</th><th scope=\"col\" class=\"num\">\(labels.count)</th>"
        out += "<th scope=\"col\" class=\"num\">\(labels.hoursPerYear)</th><th scope=\"col\" class=\"num\">\(labels.eurosPerYear)</th></tr></thead>\n<tbody>\n"
        for category in Category.allCases {
            let some = active.filter { $0.category == category }
            let hours = some.reduce(0) { $0 + $1.burden.hoursPerYear }
            let euros = some.reduce(0) { $0 + $1.burden.eurosPerYear }
            out += "<tr><th scope=\"row\">\(HTMLEscaping.escape(category.label(language)))</th><td class=\"num\">\(some.count)</td>"
            out += "<td class=\"num\">\(Formatting.hours(hours, language))</td><td class=\"num\">\(HTMLEscaping.escape(Formatting.euros(euros, language)))</td></tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><th scope=\"row\">\(labels.total)</th><td class=\"num\">\(active.count)</td>"
        out += "<td class=\"num\">\(Formatting.hours(result.hoursPerYear, language))</td><td class=\"num\">\(HTMLEscaping.escape(Formatting.euros(result.eurosPerYear, language)))</td></tr></tfoot>\n</table>\n"
        out += "<table>\n<caption>\(labels.perSeverity)</caption>\n<thead><tr><th scope=\"col\">\(labels.severity)</th><th scope=\"col\" class=\"num\">\(labels.count)</th></tr></thead>\n<tbody>\n"
        for severity in Severity.allCases.reversed() {
            out += "<tr><th scope=\"row\"><span class=\"badge sev-\(severity.rawValue)\">\(HTMLEscaping.escape(severity.label(language)))</span></th><td class=\"num\">\(result.count(severity))</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        out += "<p class=\"hint\">\(labels.estimateNote)</p>\n"
        if !result.errors.isEmpty {
            out += "<div class=\"alert\" role=\"alert\"><p><strong>\(labels.unreadable)</strong></p><ul>\n"
            for e in result.errors { out += "<li>\(HTMLEscaping.escape(e.message(english: language == .en)))</li>\n" }
            out += "</ul></div>\n"
        }
        out += "</section>\n"
        return out
    }

    // MARK: Documents

    /// One finding as displayed: its number and the ids of its mark and panel.
    private struct Shown {
        var finding: Finding
        var number: Int
        var anchor: String
        var panel: String
    }

    /// The findings of a document that the filter lets through, numbered as they are shown.
    private func shownFindings(_ document: DocumentResult, index: Int) -> (active: [Finding], shown: [Shown]) {
        let active = document.findings.filter { $0.suppression == nil }
        let shown = active.filter(filter.includes).enumerated().map { i, f in
            Shown(finding: f, number: i + 1, anchor: "m-\(index)-\(i + 1)", panel: "f-\(index)-\(i + 1)")
        }
        return (active, shown)
    }

    /// A document section with its clauses and finding panels.
    func document(_ document: DocumentResult, index: Int) -> String {
        let (active, shown) = shownFindings(document, index: index)
        var out = "<section class=\"document\" aria-labelledby=\"doc-\(index)-title\">\n"
        out += "<h2 id=\"doc-\(index)-title\">\(labels.document): \(HTMLEscaping.escape(document.path))</h2>\n"
        out += "<dl class=\"meta\">"
        out += "<dt>\(labels.format)</dt><dd>\(HTMLEscaping.escape(document.format.rawValue))</dd>"
        out += "<dt>\(labels.domain)</dt><dd>\(HTMLEscaping.escape(domainText(document)))</dd>"
        out += "<dt>\(language == .en ? "Law of" : "Recht van")</dt><dd>\(HTMLEscaping.escape(Formatting.judgedBy(document, language)))</dd>"
        out += "<dt>\(labels.clauses)</dt><dd>\(document.clauseCount)</dd>"
        out += "<dt>\(labels.rulesChecked)</dt><dd>\(document.checkedRules.count)</dd>"
        out += "<dt>\(labels.burden)</dt><dd>\(Formatting.hours(document.hoursPerYear, language)) \(language == .en ? "hours per year" : "uur per jaar") (\(HTMLEscaping.escape(Formatting.euros(document.eurosPerYear, language))))</dd>"
        out += "</dl>\n"
        if !document.warnings.isEmpty {
            out += "<div class=\"notice\"><p><strong>\(labels.readerWarnings)</strong></p><ul>\n"
            for w in document.warnings { out += "<li>\(HTMLEscaping.escape(w.message(english: language == .en)))</li>\n" }
            out += "</ul></div>\n"
        }
        if active.isEmpty {
            out += "<p class=\"notice\" role=\"status\">\(labels.noFindings)</p>\n"
        } else if !filter.isEmpty {
            out += "<p class=\"notice\" role=\"status\">\(HTMLEscaping.escape(labels.shown(shown.count, of: active.count)))"
            if shown.isEmpty { out += " " + labels.noneUnderFilter }
            out += "</p>\n"
        }
        if !shown.isEmpty, panels == .inText {
            // A list of the findings with links to their panels: the way in for keyboard and
            // screen-reader users, and a table of contents for a long document.
            out += "<nav class=\"finding-index\" aria-labelledby=\"d\(index)-index\">\n<h3 id=\"d\(index)-index\">\(labels.findingIndex)</h3>\n<ol>\n"
            for s in shown {
                out += "<li><a href=\"#\(s.panel)\">\(HTMLEscaping.escape(findingText.title(s.finding)))</a> — \(HTMLEscaping.escape(clauseTitle(s.finding)))"
                out += " <span class=\"badge sev-\(s.finding.severity.rawValue)\">\(HTMLEscaping.escape(s.finding.severity.label(language)))</span></li>\n"
            }
            out += "</ol>\n</nav>\n"
        }
        if let outline = outlines[document.path] {
            out += fullText(outline, shown: shown, idPrefix: "d\(index)")
        } else {
            out += clausesWithFindings(shown, idPrefix: "d\(index)")
        }
        let silenced = document.findings.filter { $0.suppression != nil }
        if !silenced.isEmpty {
            out += "<details class=\"silenced\"><summary>\(labels.silenced) (\(silenced.count))</summary><ul>\n"
            for f in silenced {
                out += "<li><code>\(HTMLEscaping.escape(f.ruleId))</code> — \(HTMLEscaping.escape(placeText(f))): \(HTMLEscaping.escape(findingText.title(f))); \(labels.reason): \(HTMLEscaping.escape(f.suppression ?? ""))</li>\n"
            }
            out += "</ul></details>\n"
        }
        out += "</section>\n"
        return out
    }

    private func domainText(_ document: DocumentResult) -> String {
        guard !document.domains.isEmpty else { return labels.noDomain }
        let names = document.domains.map(\.lawName).joined(separator: ", ")
        switch document.domainSource {
        case .detected: return "\(names) (\(labels.detected))"
        case .option: return "\(names) (\(labels.given))"
        case .none: return names
        }
    }

    /// Every clause of the outline in order; findings are placed on the block they were found in.
    private func fullText(_ outline: DocumentOutline, shown: [Shown], idPrefix: String) -> String {
        // A finding belongs to the block with its excerpt whose location at the match start is
        // the finding's start: exact even when a paragraph's text occurs twice.
        var byText: [String: [Int]] = [:]
        for (i, s) in shown.enumerated() { byText[s.finding.excerpt, default: []].append(i) }
        var placed = Set<Int>()
        var out = ""
        var headingLevel = 2
        for section in outline.sections {
            var body = ""
            var sectionHasFindings = false
            for block in section.blocks {
                let here = (byText[block.text] ?? []).filter { i in
                    !placed.contains(i) && block.location(atUTF8Offset: shown[i].finding.excerptRange.lowerBound) == shown[i].finding.start
                }
                placed.formUnion(here)
                sectionHasFindings = sectionHasFindings || !here.isEmpty
                if case let .heading(level) = block.kind {
                    headingLevel = min(6, 2 + max(1, level))
                    let marked = highlighted(block.text, here.map { shown[$0] })
                    body += "<h\(headingLevel) class=\"block heading\">\(marked)</h\(headingLevel)>\n"
                } else {
                    body += "<p class=\"block \(blockClass(block.kind))\">\(highlighted(block.text, here.map { shown[$0] }))</p>\n"
                }
                if panels == .inText {
                    for i in here { body += panel(shown[i], headingLevel: min(6, headingLevel + 1)) }
                }
            }
            let label = section.number.map { " data-clause=\"\(HTMLEscaping.escape($0))\"" } ?? ""
            out += "<div class=\"clause\(sectionHasFindings ? " has-findings" : "")\"\(label)>\n" + body + "</div>\n"
        }
        let unplaced = shown.indices.filter { !placed.contains($0) }
        if !unplaced.isEmpty {
            out += "<section class=\"clause has-findings\" aria-labelledby=\"\(idPrefix)-outside\">\n"
            out += "<h3 id=\"\(idPrefix)-outside\">\(labels.findingsOutsideText)</h3>\n"
            out += clausesWithFindings(unplaced.map { shown[$0] }, idPrefix: "\(idPrefix)-outside")
            out += "</section>\n"
        }
        return out
    }

    /// Only the clauses that have findings, grouped by heading path and clause number in the
    /// order of their first finding; each flagged paragraph is shown once with all its marks.
    private func clausesWithFindings(_ shown: [Shown], idPrefix: String) -> String {
        struct Group { var title: String; var blocks: [(text: String, items: [Shown])] }
        var groups: [Group] = []
        var groupIndex: [String: Int] = [:]
        for s in shown {
            let title = clauseTitle(s.finding)
            let key = s.finding.headingPath.joined(separator: "\u{1F}") + "\u{1E}" + (s.finding.clauseNumber ?? "")
            let g: Int
            if let existing = groupIndex[key] { g = existing } else {
                g = groups.count
                groupIndex[key] = g
                groups.append(Group(title: title, blocks: []))
            }
            if let b = groups[g].blocks.firstIndex(where: { $0.text == s.finding.excerpt }) {
                groups[g].blocks[b].items.append(s)
            } else {
                groups[g].blocks.append((s.finding.excerpt, [s]))
            }
        }
        var out = ""
        for (g, group) in groups.enumerated() {
            let id = "\(idPrefix)-clause-\(g + 1)"
            out += "<section class=\"clause has-findings\" aria-labelledby=\"\(id)\">\n"
            out += "<h3 id=\"\(id)\">\(HTMLEscaping.escape(group.title))</h3>\n"
            for block in group.blocks {
                out += "<p class=\"block\">\(highlighted(block.text, block.items))</p>\n"
                if panels == .inText {
                    for item in block.items { out += panel(item, headingLevel: 4) }
                }
            }
            out += "</section>\n"
        }
        return out
    }

    /// The two innermost headings of a finding (with its clause number), such as "Artikel 7
    /// Personeel › 7.1": the short form of `clauseTitle` for one line of the list; the panel
    /// gives the whole path.
    private func nearestHeading(_ f: Finding) -> String {
        var title = f.headingPath.isEmpty ? labels.beforeFirstHeading : f.headingPath.suffix(2).joined(separator: " › ")
        if let number = f.clauseNumber, !title.contains(number) { title += " › \(number)" }
        return title
    }

    private func clauseTitle(_ f: Finding) -> String {
        var title = f.headingPath.isEmpty ? labels.beforeFirstHeading : f.headingPath.joined(separator: " › ")
        if let number = f.clauseNumber, !(f.headingPath.last ?? "").contains(number) { title += " › \(number)" }
        return title
    }

    private func blockClass(_ kind: BlockKind) -> String {
        switch kind {
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .listItem: return "list-item"
        case .tableCell: return "table-cell"
        case .noticeField: return "notice-field"
        }
    }

    private func highlighted(_ text: String, _ items: [Shown]) -> String {
        HTMLHighlighter.render(text, items.map {
            HTMLHighlighter.Placed(range: $0.finding.excerptRange, number: $0.number, anchor: $0.anchor, panel: $0.panel,
                                   severity: $0.finding.severity, linkLabel: labels.findingLink($0.number, title: findingText.title($0.finding)))
        })
    }

    private func placeText(_ f: Finding) -> String {
        f.start.describe(english: language == .en)
    }

    // MARK: Folded list

    /// The findings as a compact list, one line each (severity, title, the matched words, where),
    /// each folding open to its panel: a `<details>` element, so it works without script. Per
    /// document with findings a section, in the result's order. Meant for
    /// `panels: .folded`, whose marks in the text link here.
    public func findingList() -> String {
        var out = ""
        let many = result.documents.count > 1
        for (offset, document) in result.documents.enumerated() {
            let index = offset + 1
            let (active, shown) = shownFindings(document, index: index)
            guard !active.isEmpty else { continue }
            let title = many ? "\(labels.findings): \(HTMLEscaping.escape(document.path))" : labels.findings
            out += "<section class=\"finding-list\" aria-labelledby=\"d\(index)-list\">\n"
            out += "<h2 id=\"d\(index)-list\">\(title) (\(shown.count))</h2>\n"
            if !filter.isEmpty {
                out += "<p class=\"notice\" role=\"status\">\(HTMLEscaping.escape(labels.shown(shown.count, of: active.count)))"
                if shown.isEmpty { out += " " + labels.noneUnderFilter }
                out += "</p>\n"
            }
            if !shown.isEmpty {
                out += "<p class=\"hint\">\(labels.openHint)</p>\n<ol class=\"findings\">\n"
                for s in shown { out += "<li>" + foldedPanel(s) + "</li>\n" }
                out += "</ol>\n"
            }
            out += "</section>\n"
        }
        return out
    }

    /// One finding of the list: the compact line as the summary of a `<details>` holding the panel.
    private func foldedPanel(_ s: Shown) -> String {
        let f = s.finding
        let sev = f.severity.rawValue
        var out = "<details class=\"finding sev-\(sev)\" id=\"\(s.panel)\">\n<summary>"
        out += "<span class=\"badge sev-\(sev)\">\(HTMLEscaping.escape(f.severity.label(language)))</span>"
        out += "<span class=\"number\">\(s.number).</span> <strong class=\"title\">\(HTMLEscaping.escape(findingText.title(f)))</strong>"
        out += " <q class=\"match\">\(HTMLEscaping.escape(Self.shortened(f.matchedTextFolded, limit: 90)))</q>"
        out += " <span class=\"where\">\(HTMLEscaping.escape(nearestHeading(f))) · \(HTMLEscaping.escape(placeText(f)))</span>"
        out += "</summary>\n"
        out += panelDetails(s, headingLevel: 2)
        out += "</details>\n"
        return out
    }

    /// `text` cut at a word boundary to at most `limit` characters, with an ellipsis when cut.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let word = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return word + " …"
    }

    // MARK: Finding panel

    /// The panel for one finding: message, facts, legal basis, model article with copy button, burden.
    private func panel(_ s: Shown, headingLevel h: Int) -> String {
        let f = s.finding
        let sev = f.severity.rawValue
        var out = "<aside class=\"finding sev-\(sev)\" id=\"\(s.panel)\" aria-labelledby=\"\(s.panel)-title\">\n"
        out += "<h\(h) id=\"\(s.panel)-title\"><span class=\"badge sev-\(sev)\">\(HTMLEscaping.escape(f.severity.label(language)))</span>"
        out += "\(labels.finding) \(s.number): \(HTMLEscaping.escape(findingText.title(f)))</h\(h)>\n"
        out += panelDetails(s, headingLevel: h)
        out += "</aside>\n"
        return out
    }

    /// What a panel says below its title; `h` is the level of the panel's title.
    private func panelDetails(_ s: Shown, headingLevel h: Int) -> String {
        let f = s.finding
        var out = "<p class=\"message\">\(HTMLEscaping.escape(findingText.message(f)))</p>\n"
        out += "<dl>"
        out += "<dt>\(labels.category)</dt><dd>\(HTMLEscaping.escape(f.category.label(language)))</dd>"
        out += "<dt>\(labels.rule)</dt><dd><code>\(HTMLEscaping.escape(f.ruleId))</code></dd>"
        out += "<dt>\(labels.place)</dt><dd>\(HTMLEscaping.escape(clauseTitle(f))) — \(HTMLEscaping.escape(placeText(f)))</dd>"
        out += "<dt>\(labels.burden)</dt><dd>" + HTMLEscaping.escape(Formatting.burdenFormula(f.burden, language) + ".") + "</dd>"
        if let saved = Formatting.savedHours(f.burden, language) {
            out += "<dt>\(language == .en ? "With the model article" : "Met het modelartikel")</dt><dd>\(HTMLEscaping.escape(saved)).</dd>"
        }
        out += "</dl>\n"
        if !f.basis.isEmpty {
            let sub = min(6, h + 1)
            out += "<h\(sub)>\(labels.legalBasis)</h\(sub)>\n<ul class=\"basis\">\n"
            for b in f.basis { out += "<li>\(basisItem(b))</li>\n" }
            out += "</ul>\n"
            if let period = f.period {
                out += "<p class=\"period\">\(language == .en ? "Period" : "Periode"): \(HTMLEscaping.escape(Formatting.period(period, language)))</p>\n"
            }
        }
        if let model = findingText.model(of: f) {
            out += modelSection(model, id: "\(s.panel)-model", title: labels.modelArticle, headingLevel: min(6, h + 1))
        }
        if let alternative = findingText.alternativeModel(of: f) {
            out += "<details class=\"alternative\"><summary>\(labels.alsoRelevant): \(HTMLEscaping.escape(alternative.title))</summary>\n"
            out += modelSection(alternative, id: "\(s.panel)-alt", title: labels.alsoRelevant, headingLevel: min(6, h + 1))
            out += "</details>\n"
        }
        out += "<p><a href=\"#\(s.anchor)\">\(panels == .inText ? labels.backToText : labels.showInText)</a></p>\n"
        return out
    }

    private func basisItem(_ b: LegalBasis) -> String {
        let citation = HTMLEscaping.escape(b.citation)
        var link: String?
        if let url = b.url { link = HTMLEscaping.safeLink(url) }
        if link == nil, let bwb = b.bwb, bwb.hasPrefix("BWBR"), bwb.dropFirst(4).allSatisfy(\.isNumber), bwb.count > 4 {
            link = "https://wetten.overheid.nl/\(bwb)"
        }
        var out = link.map { "<a href=\"\(HTMLEscaping.escape($0))\" rel=\"noopener noreferrer\">\(citation)</a>" } ?? citation
        if let bwb = b.bwb { out += " (\(HTMLEscaping.escape(bwb)))" }
        out += " — " + labels.verification(b.status)
        return out
    }

    private func modelSection(_ model: RenderedModel, id: String, title: String, headingLevel h: Int) -> String {
        var out = "<h\(h)>\(title): \(HTMLEscaping.escape(model.title)) <span class=\"meta\">(\(HTMLEscaping.escape(model.id)))</span></h\(h)>\n"
        out += "<blockquote class=\"model-text\" id=\"\(id)\">\(HTMLEscaping.escape(model.text.trimmingBlanksAndNewlines()))</blockquote>\n"
        out += "<button type=\"button\" class=\"copy\" data-copy=\"\(id)\" data-done=\"\(labels.copied)\" hidden>\(labels.copyModel)</button>\n"
        return out
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingBlanksAndNewlines() -> String {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !blank($0) }), let last = lastIndex(where: { !blank($0) }) else { return "" }
        return String(self[first...last])
    }
}
