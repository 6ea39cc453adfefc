import TenderCompare
import TenderDocument
import TenderRules

/// One self-contained HTML page (inline CSS, no script needed, no network): per document a
/// summary and the deviations side by side, the standard left and the document right, words left
/// out struck through, words put in marked, placeholders filled in underlined; the region view as
/// a table of variants per clause and a ranking of the municipalities.
public struct CompareHTMLReporter: CompareReporter {
    public static let identifier = "html"
    let options: ReportOptions
    public init(options: ReportOptions) { self.options = options }

    static let css = """
    main { max-width: 90rem; }
    header.page, footer.page { max-width: 90rem; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.25rem; border-top: 1px solid var(--line); padding: .6rem 0; }
    .pair > div { min-width: 0; }
    .pair h3 { grid-column: 1 / -1; font-size: 1.05rem; margin: .2rem 0 .4rem; }
    .side-label { color: var(--muted); font-size: .85rem; margin: 0 0 .2rem; }
    .clause-text { white-space: pre-line; margin: 0; padding: .4rem .6rem; background: var(--panel); border-radius: 4px; }
    .clause-text.absent { color: var(--muted); font-style: italic; background: transparent; border: 1px dashed var(--line); }
    del { background: #ffd1d6; color: #5c000f; text-decoration: line-through; }
    ins { background: #c9f0d2; color: #0b3d17; text-decoration: none; font-weight: 600; }
    .fill { text-decoration: underline dotted; }
    .kind { display: inline-block; font-size: .8rem; font-weight: 700; padding: .05rem .45rem; border-radius: 3px; margin-right: .4rem; color: #fff; }
    .kind.changed { background: #7a4100; } .kind.added { background: #1b5a86; } .kind.removed { background: #a3001b; }
    ul.findings { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .92rem; }
    .numbers { font-weight: 600; margin: .3rem 0 0; }
    """

    private func e(_ text: String) -> String { HTMLEscaping.escape(text) }

    func page(title: String, body: String) -> String {
        let lang = options.language.rawValue
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"tenderlint \(HTMLEscaping.escape(options.toolVersion))\">\n"
        out += "<title>\(HTMLEscaping.escape(title))</title>\n<style>\n\(HTMLStyle.css)\n\(Self.css)\n</style>\n</head>\n<body>\n"
        out += "<header class=\"page\"><h1>\(HTMLEscaping.escape(title))</h1></header>\n<main>\n\(body)</main>\n"
        out += "<footer class=\"page\"><p>tenderlint \(HTMLEscaping.escape(options.toolVersion))</p></footer>\n</body>\n</html>\n"
        return out
    }

    public func report(_ result: CompareResult) -> String {
        let l = CompareLabels(options.language)
        var body = ""
        for doc in result.documents {
            body += "<section class=\"document\">\n<h2>\(e(doc.path)) <span class=\"meta\">\(e(l.against)) \(e(result.standardPath))</span></h2>\n"
            body += "<p class=\"totals\">\(e(l.summary(doc.summary)))</p>\n"
            if !doc.moved.isEmpty { body += "<p class=\"meta\">\(e(l.movedLine(doc.moved.count)))</p>\n" }
            if doc.deviations.isEmpty { body += "<p>\(e(l.noDeviations))</p>\n" }
            for d in doc.deviations { body += pair(d, labels: l) }
            body += "</section>\n"
        }
        return page(title: l.pageTitle, body: body)
    }

    func pair(_ d: Deviation, labels l: CompareLabels) -> String {
        let s = d.standard?.number ?? "—", c = d.document?.number ?? "—"
        var out = "<div class=\"pair \(d.kind.rawValue)\">\n"
        let heading = (d.document ?? d.standard)!.headingPath.joined(separator: " › ")
        out += "<h3><span class=\"kind \(d.kind.rawValue)\">\(e(l.kind(d.kind)))</span>\(e(s)) → \(e(c)) <span class=\"meta\">\(e(heading))</span></h3>\n"
        var left = "", right = ""
        switch d.kind {
        case .changed:
            for seg in d.diff {
                switch seg.op {
                case .equal: left += e(seg.text) + " "; right += e(seg.text) + " "
                case .delete: left += "<del>\(e(seg.text))</del> "
                case .insert: right += "<ins>\(e(seg.text))</ins> "
                case .fill: left += "<span class=\"fill\">\(e(seg.text))</span> "; right += "<span class=\"fill\">\(e(seg.replacement ?? ""))</span> "
                }
            }
            left = "<p class=\"clause-text\">\(left)</p>"
            right = "<p class=\"clause-text\">\(right)</p>"
        case .added:
            left = "<p class=\"clause-text absent\">\(e(l.noCounterpartInStandard))</p>"
            right = "<p class=\"clause-text\"><ins>\(e(d.document!.text))</ins></p>"
        case .removed:
            left = "<p class=\"clause-text\"><del>\(e(d.standard!.text))</del></p>"
            right = "<p class=\"clause-text absent\">\(e(l.noCounterpartInDocument))</p>"
        }
        out += "<div><p class=\"side-label\">\(e(l.standard)) \(e(s))</p>\(left)</div>\n"
        out += "<div><p class=\"side-label\">\(e(l.document)) \(e(c))</p>\(right)"
        if !d.numberChanges.isEmpty { out += "<p class=\"numbers\">\(e(d.numberChanges.map(\.text).joined(separator: "; ")))</p>" }
        if !d.findings.isEmpty {
            out += "<ul class=\"findings\">"
            for f in d.findings {
                out += "<li><strong>\(e(f.severity.label(options.language)))</strong> [\(e(f.ruleId))] \(e(f.title)) (\(e(l.findingBurden(f.hoursPerYear))))</li>"
            }
            out += "</ul>"
        }
        out += "</div>\n</div>\n"
        return out
    }

    public func report(_ region: RegionResult) -> String? {
        let l = CompareLabels(options.language)
        let differing = region.groups.filter { !$0.isUnanimous }
        var body = "<p class=\"totals\">\(e(l.regionSummary(documents: region.documents.count, groups: region.groups.count, differing: differing.count)))</p>\n"
        body += "<h2>\(e(l.ranking))</h2>\n<ol>\n"
        for d in region.deviators {
            body += "<li><strong>\(e(d.name))</strong>: \(e(l.deviations(d.deviations.count))), \(e(Formatting.hours(d.hoursPerYear, options.language))) \(e(l.perYear))<ul>"
            for dev in d.deviations {
                let g = region.groups[dev.group]
                body += "<li><span class=\"kind \(dev.kind.rawValue)\">\(e(l.regionKind(dev.kind)))</span>\(e(dev.clause ?? dev.majorityClause ?? g.number ?? "—")) \(e(RegionText.title(g.headingPath)))</li>"
            }
            body += "</ul></li>\n"
        }
        body += "</ol>\n<h2>\(e(l.regionHeading))</h2>\n"
        for g in differing {
            body += "<div class=\"pair\"><h3>\(e(g.number ?? "—")) <span class=\"meta\">\(e(g.headingPath.joined(separator: " › ")))</span></h3>\n"
            for (i, v) in g.variants.enumerated() {
                let names = zip(v.documents, v.clauses).map { "\(RegionText.name($0)) (\($1 ?? "—"))" }.joined(separator: ", ")
                body += "<div><p class=\"side-label\">\(i == g.majority ? "<strong>\(e(l.majority))</strong>: " : "")\(e(names))</p>"
                body += "<p class=\"clause-text\">\(e(v.text))</p></div>\n"
            }
            if !g.absent.isEmpty {
                body += "<div><p class=\"side-label\">\(g.majority == nil ? "<strong>\(e(l.majority))</strong>: " : "")\(e(l.absent)): \(e(g.absent.map(RegionText.name).joined(separator: ", ")))</p></div>\n"
            }
            body += "</div>\n"
        }
        return page(title: l.regionTitle, body: body)
    }
}
