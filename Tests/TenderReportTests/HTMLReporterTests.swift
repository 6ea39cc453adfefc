import Foundation
import Testing
import TenderDocument
import TenderLint
@testable import TenderReport
import TenderRules

/// The `html` reporter: a golden page for a fixed result, escaping, marks that overlap, links
/// that must not be followed, the full-text outline and the English labels.
@Suite struct HTMLReporterTests {
    static let goldenFolder: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `actual` with the golden file; `TENDERLINT_UPDATE_GOLDEN=1` rewrites it instead.
    func expectGolden(_ actual: String, _ name: String) throws {
        let url = HTMLReporterTests.goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["TENDERLINT_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: HTMLReporterTests.goldenFolder, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            // Writing the golden file and then comparing with it could never fail: the update run
            // records an issue instead, so a run that rewrote goldens is never green.
            Issue.record("\(name) rewritten (TENDERLINT_UPDATE_GOLDEN=1); check the diff and rerun without it.")
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            Issue.record("\(name) differs from the golden file at line \(line + 1): got «\(line < a.count ? a[line] : "<end>")», expected «\(line < e.count ? e[line] : "<end>")». Rerun with TENDERLINT_UPDATE_GOLDEN=1 after checking the change.")
        }
    }

    @Test func goldenDutchPage() throws {
        let page = HTMLReporter.page(body: HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions(language: .nl, toolVersion: "0.0.0-test")).render(),
                                     options: ReportOptions(language: .nl, toolVersion: "0.0.0-test"))
        try expectGolden(page, "HTMLReporter.nl.html")
    }

    @Test func goldenEnglishPageWithOutline() throws {
        let options = ReportOptions(language: .en, toolVersion: "0.0.0-test")
        let body = HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: options,
                                  outlines: [HTMLReportFixture.path: HTMLReportFixture.outline()])
        try expectGolden(HTMLReporter.page(body: body.render(), options: options), "HTMLReporter.en-outline.html")
    }

    @Test func reporterIsRegisteredAndSameInputGivesSameBytes() throws {
        #expect(Reporters.reporter(for: "html") == HTMLReporter.self)
        let body1 = HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions()).render()
        let body2 = HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions()).render()
        #expect(body1 == body2)
    }

    @Test func pageIsSelfContained() {
        let page = HTMLReporter.page(body: HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions()).render(), options: ReportOptions())
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"))
        #expect(page.contains("<style>"))
        // No external resources: nothing is loaded from elsewhere, links to statutes are plain anchors.
        #expect(!page.contains("<link"))
        #expect(!page.contains("src="))
        #expect(!page.contains("@import"))
        #expect(!page.contains("url("))
    }

    @Test func everythingFromTheDocumentIsEscaped() {
        let body = HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions()).render()
        #expect(!body.contains("<script>alert(1)</script>"))
        #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // A rule file's javascript: link is shown as text, never as a link.
        #expect(!body.contains("href=\"javascript:"))
        #expect(body.contains("href=\"https://wetten.overheid.nl/BWBR0034925/2025-01-01#Hoofdstuk4\""))
    }

    @Test func overlappingFindingsBecomeAdjacentMarks() {
        let text = "De aanbieder levert elk kwartaal een uitgebreide rapportage aan."
        let placed = [
            HTMLHighlighter.Placed(range: 20..<33, number: 1, anchor: "m1", panel: "f1", severity: .warning, linkLabel: "een"),
            HTMLHighlighter.Placed(range: 27..<59, number: 2, anchor: "m2", panel: "f2", severity: .error, linkLabel: "twee"),
        ]
        let html = HTMLHighlighter.render(text, placed)
        #expect(html == "De aanbieder levert <mark class=\"sev-warning\" id=\"m1\">elk kwa</mark><mark class=\"sev-error\" id=\"m2\">rtaal </mark>"
            + "<a class=\"ref\" href=\"#f1\" aria-label=\"een\">[1]</a><mark class=\"sev-error\">een uitgebreide rapportage</mark>"
            + "<a class=\"ref\" href=\"#f2\" aria-label=\"twee\">[2]</a> aan.")
        #expect(!html.contains("<mark class=\"sev-warning\"><mark"))
    }

    @Test func rangesOutsideTheTextAreClamped() {
        let html = HTMLHighlighter.render("kort", [HTMLHighlighter.Placed(range: 2..<40, number: 1, anchor: "a", panel: "p", severity: .info, linkLabel: "x")])
        #expect(html == "ko<mark class=\"sev-info\" id=\"a\">rt</mark><a class=\"ref\" href=\"#p\" aria-label=\"x\">[1]</a>")
    }

    @Test func filterLimitsMarksButNotTheSummary() {
        let body = HTMLReportBody(result: HTMLReportFixture.result(), catalogue: HTMLReportFixture.catalogue, options: ReportOptions(),
                                  filter: FindingFilter(categories: [], severities: [.error])).render()
        #expect(body.contains("Getoond: 1 van 3 bevindingen (filter actief)."))
        #expect(body.components(separatedBy: "<aside class=\"finding").count - 1 == 1)
        // The summary still counts every active finding.
        #expect(body.contains("3 bevindingen in 1 document."))
    }

    @Test func escapingAndLinks() {
        #expect(HTMLEscaping.escape("a<b>&\"c'\u{0}") == "a&lt;b&gt;&amp;&quot;c&#39;\u{FFFD}")
        #expect(HTMLEscaping.safeLink("javascript:alert(1)") == nil)
        #expect(HTMLEscaping.safeLink("https://example.org/a b") == nil)
        #expect(HTMLEscaping.safeLink("https://wetten.overheid.nl/BWBR0035362") == "https://wetten.overheid.nl/BWBR0035362")
    }
}
