import TenderDocument
import TenderLint
import TenderRules

/// Human-readable output: `path:line:col: severity [rule] message`, the clause with the match
/// highlighted, the legal basis, the proposed model article and the burden; then a summary.
public struct TextReporter: StreamingReporter {
    public static let identifier = "text"
    public static let summary = "leesbare tekst voor de terminal (standaard)"

    let options: ReportOptions
    let catalogue: Catalogue
    let text: FindingText

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
        self.text = FindingText(catalogue: catalogue, language: options.language)
    }

    private var en: Bool { options.language == .en }
    private func paint(_ s: String, _ code: String) -> String { options.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func section(_ document: DocumentResult) -> String {
        var out = ""
        let lang = options.language
        do {
            for f in document.findings where f.suppression == nil {
                let severityColor = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
                out += "\(f.path):\(f.start.lineNumber):\(f.start.column): \(paint(f.severity.label(lang), severityColor)) [\(f.ruleId)] \(text.message(f))\n"
                let place = f.headingPath.isEmpty ? (en ? "(before the first heading)" : "(vóór de eerste kop)") : f.headingPath.joined(separator: " › ")
                out += "  \(en ? "Clause" : "Clausule"): \(place)"
                if case .line = f.start {} else { out += " — \(f.start.describe(english: en))" }
                out += "\n"
                out += "  | \(excerpt(f))\n"
                let basis = f.basis.map { b -> String in
                    var s = b.citation
                    if let bwb = b.bwb { s += " (\(bwb))" }
                    return s + " [\(verification(b.status))]"
                }.joined(separator: "; ")
                if !f.basis.isEmpty { out += "  \(en ? "Basis" : "Grondslag"): \(basis)\n" }
                // A rule that holds for a period says which one applied, and why (the date).
                if let period = f.period {
                    out += "  \(en ? "Period" : "Periode"): \(Formatting.period(period, lang)); \(Formatting.judgedBy(document, lang))\n"
                }
                if let m = text.model(of: f) {
                    out += "  \(en ? "Model article" : "Modelartikel"): \(m.title) (\(m.id))\n"
                    out += wrap(m.text, indent: "    ")
                }
                if let alt = text.alternativeModel(of: f) {
                    out += "  \(en ? "Also relevant" : "Ook passend"): \(alt.title) (\(alt.id))\n"
                }
                // The engine's own findings (suppression markers) carry no basis and no burden.
                if !f.basis.isEmpty || f.burden.hoursPerYear > 0 {
                    out += "  \(en ? "Burden" : "Last"): \(Formatting.burdenFormula(f.burden, lang))\n"
                    if let saved = Formatting.savedHours(f.burden, lang) { out += "  \(en ? "With the model article" : "Met het modelartikel"): \(saved)\n" }
                }
                out += "\n"
            }
            for w in document.warnings { out += "\(en ? "warning" : "let op"): \(w.message(english: en))\n" }
        }
        return out
    }

    /// The explained deviations, stale baseline entries and the summary line. Unreadable files
    /// are not part of the text report (the command prints them on stderr).
    public func closing(_ totals: LintTotals, staleBaseline entries: [BaselineEntry], errors: [InputError]) -> String {
        deviations(totals.silenced) + staleBaseline(entries) + summaryLine(totals) + "\n"
    }

    /// "Pas toe of leg uit": the silenced findings with their reasons, one line each; the
    /// baselined ones only as a count.
    func deviations(_ silenced: [Finding]) -> String {
        guard !silenced.isEmpty else { return "" }
        let explained = silenced.filter { $0.suppressionKind != .baseline }
        let baselined = silenced.count - explained.count
        var out = (en ? "Explained deviations" : "Verklaarde afwijkingen") + " (\(silenced.count)):\n"
        for f in explained {
            let source = f.suppressionKind?.label(english: en) ?? "?"
            out += "  \(f.path):\(f.start.lineNumber):\(f.start.column): [\(f.ruleId)] \(f.suppression ?? "") (\(source))\n"
        }
        if baselined > 0 {
            out += en ? "  \(baselined) accepted in the baseline\n" : "  \(baselined) aanvaard in de baseline\n"
        }
        return out + "\n"
    }

    /// Baseline entries that match no finding any more: the baseline can be renewed.
    func staleBaseline(_ entries: [BaselineEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        var out = (en ? "Stale baseline entries" : "Verouderde baseline-items") + " (\(entries.count)):\n"
        for e in entries {
            let clause = e.clause.map { " \($0)" } ?? ""
            out += "  \(e.path)\(clause) [\(e.rule)] \"\(e.match.replacingNewlines())\"\n"
        }
        out += en ? "  The findings no longer occur; renew the baseline with `tenderlint baseline`.\n\n"
                  : "  Deze bevindingen komen niet meer voor; vernieuw de baseline met `tenderlint baseline`.\n\n"
        return out
    }

    private func verification(_ status: Verification) -> String {
        switch status {
        case .verified: return en ? "verified" : "geverifieerd"
        case .partial: return en ? "partly verified" : "deels geverifieerd"
        case .unverified: return en ? "unverified" : "niet geverifieerd"
        }
    }

    /// The sentence or stretch around the match, with the match highlighted.
    private func excerpt(_ f: Finding) -> String {
        let utf8 = f.excerpt.utf8
        let lo = utf8.index(utf8.startIndex, offsetBy: f.excerptRange.lowerBound)
        let hi = utf8.index(utf8.startIndex, offsetBy: f.excerptRange.upperBound)
        var before = String(f.excerpt[..<lo]).replacingNewlines()
        var after = String(f.excerpt[hi...]).replacingNewlines()
        if before.count > 90 { before = "…" + before.suffix(90) }
        if after.count > 90 { after = after.prefix(90) + "…" }
        let match = String(f.excerpt[lo..<hi]).replacingNewlines()
        let marked = options.color ? paint(match, "1;4") : "»" + match + "«"
        return before + marked + after
    }

    private func wrap(_ text: String, indent: String) -> String {
        var out = ""
        var line = indent
        let indentWidth = indent.count
        var width = indentWidth          // line.count, kept up to date instead of counted per word
        var hasWord = false
        for word in text.utf8.split(separator: 0x20).map({ Substring($0) }) {
            let wordWidth = word.count
            if width + wordWidth > 96, hasWord { out += line + "\n"; line = indent; width = indentWidth; hasWord = false }
            if hasWord { line += " "; width += 1 }
            line += word
            width += wordWidth
            hasWord = true
        }
        return hasWord ? out + line + "\n" : out
    }

    func summaryLine(_ result: LintResult) -> String { summaryLine(result.totals) }

    func summaryLine(_ totals: LintTotals) -> String {
        let lang = options.language
        let docs = totals.documents
        let counts = en
            ? "\(totals.count(.error)) errors, \(totals.count(.warning)) warnings, \(totals.count(.info)) advisories"
            : "\(totals.count(.error)) fouten, \(totals.count(.warning)) waarschuwingen, \(totals.count(.info)) adviezen"
        let domains = totals.domains.sorted().map(\.lawName).joined(separator: ", ")
        var line = en
            ? "\(counts) in \(docs) document\(docs == 1 ? "" : "s"); burden \(Formatting.hours(totals.hoursPerYear, lang)) hours per provider per year (\(Formatting.euros(totals.eurosPerYear, lang)) at \(Formatting.tariffRate(totals, lang))\(Formatting.municipalitiesNote(totals.municipalitiesPerProvider, lang)); \(Formatting.tariffAssumption(totals, lang)))"
            : "\(counts) in \(docs) document\(docs == 1 ? "" : "en"); last \(Formatting.hours(totals.hoursPerYear, lang)) uur per aanbieder per jaar (\(Formatting.euros(totals.eurosPerYear, lang)) bij \(Formatting.tariffRate(totals, lang))\(Formatting.municipalitiesNote(totals.municipalitiesPerProvider, lang)); \(Formatting.tariffAssumption(totals, lang)))"
        if !domains.isEmpty { line += en ? "; domain: \(domains)" : "; domein: \(domains)" }
        let silenced = totals.silenced.count
        if silenced > 0 { line += en ? "; \(silenced) silenced" : "; \(silenced) onderdrukt" }
        if let undated = Formatting.undatedNote(totals, lang) { line += "; " + undated }
        return line
    }
}

extension String {
    func replacingNewlines() -> String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
}
