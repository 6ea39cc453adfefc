import TenderDocument
import TenderLint
import TenderRules

/// Human-readable output: `path:line:col: severity [rule] message`, the clause with the match
/// highlighted, the legal basis, the proposed model article and the burden; then a summary.
public struct TextReporter: Reporter {
    public static let identifier = "text"
    public static let summary = "leesbare tekst voor de terminal (standaard)"

    let options: ReportOptions
    let catalogue: Catalogue

    public init(options: ReportOptions, catalogue: Catalogue) {
        self.options = options
        self.catalogue = catalogue
    }

    private var en: Bool { options.language == .en }
    private func paint(_ s: String, _ code: String) -> String { options.color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }

    public func report(_ result: LintResult) throws -> String {
        var out = ""
        let lang = options.language
        for document in result.documents {
            for f in document.findings where f.suppression == nil {
                let severityColor = f.severity == .error ? "1;31" : f.severity == .warning ? "1;33" : "1;36"
                out += "\(f.path):\(f.start.lineNumber):\(f.start.column): \(paint(f.severity.label(lang), severityColor)) [\(f.ruleId)] \(f.message)\n"
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
                if let m = f.model {
                    out += "  \(en ? "Model article" : "Modelartikel"): \(m.title) (\(m.id))\n"
                    out += wrap(m.text, indent: "    ")
                }
                if let alt = f.alternativeModel {
                    out += "  \(en ? "Also relevant" : "Ook passend"): \(alt.title) (\(alt.id))\n"
                }
                // The engine's own findings (suppression markers) carry no basis and no burden.
                if !f.basis.isEmpty || f.burden.hoursPerYear > 0 {
                    out += "  \(en ? "Burden" : "Last"): \(Formatting.hours(f.burden.hoursPerYear, lang)) \(en ? "hours per year per" : "uur per jaar per") \(f.burden.bearer) (\(Formatting.euros(f.burden.eurosPerYear, lang)))\n"
                }
                out += "\n"
            }
            for w in document.warnings { out += "\(en ? "warning" : "let op"): \(w)\n" }
        }
        out += deviations(result) + staleBaseline(result)
        out += summaryLine(result) + "\n"
        return out
    }

    /// "Pas toe of leg uit": the silenced findings with their reasons, one line each; the
    /// baselined ones only as a count.
    func deviations(_ result: LintResult) -> String {
        let silenced = result.silenced
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
    func staleBaseline(_ result: LintResult) -> String {
        guard !result.staleBaseline.isEmpty else { return "" }
        var out = (en ? "Stale baseline entries" : "Verouderde baseline-items") + " (\(result.staleBaseline.count)):\n"
        for e in result.staleBaseline {
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
        for word in text.split(separator: " ") {
            if line.count + word.count > 96, line != indent { out += line + "\n"; line = indent }
            line += (line == indent ? "" : " ") + word
        }
        return line == indent ? out : out + line + "\n"
    }

    func summaryLine(_ result: LintResult) -> String {
        let lang = options.language
        let docs = result.documents.count
        let counts = en
            ? "\(result.count(.error)) errors, \(result.count(.warning)) warnings, \(result.count(.info)) advisories"
            : "\(result.count(.error)) fouten, \(result.count(.warning)) waarschuwingen, \(result.count(.info)) adviezen"
        let domains = Set(result.documents.flatMap(\.domains)).sorted().map(\.lawName).joined(separator: ", ")
        var line = en
            ? "\(counts) in \(docs) document\(docs == 1 ? "" : "s"); burden \(Formatting.hours(result.hoursPerYear, lang)) hours per provider per year (\(Formatting.euros(result.eurosPerYear, lang)) at \(Formatting.euros(result.tariff, lang))/hour)"
            : "\(counts) in \(docs) document\(docs == 1 ? "" : "en"); last \(Formatting.hours(result.hoursPerYear, lang)) uur per aanbieder per jaar (\(Formatting.euros(result.eurosPerYear, lang)) bij \(Formatting.euros(result.tariff, lang))/uur)"
        if !domains.isEmpty { line += en ? "; domain: \(domains)" : "; domein: \(domains)" }
        let silenced = result.silenced.count
        if silenced > 0 { line += en ? "; \(silenced) silenced" : "; \(silenced) onderdrukt" }
        return line
    }
}

extension String {
    func replacingNewlines() -> String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
}
