import Foundation
import Testing
import TenderInventory

/// The HTML report as a tool, in a real headless Chromium: its inline script runs under the
/// page's content-security policy (a wrong hash would block it) and a filter changes what is shown.
@Suite(.serialized) struct HTMLExplorerTests {
    /// The DOM after the page's script ran, for `url`.
    static func dumpDOM(_ url: String, profile: URL) throws -> String {
        let chromium = ["chromium", "chromium-browser", "google-chrome"].first { name in
            (try? SpreadsheetTests.run(["which", name]).status) == 0
        }
        let browser = try #require(chromium, "chromium is not installed: run scripts/install-deps.sh")
        let run = try SpreadsheetTests.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                            "--disable-extensions", "--disable-background-networking", "--disable-sync",
                                            "--user-data-dir=\(profile.path)", "--virtual-time-budget=2000", "--dump-dom", url])
        try #require(run.status == 0, "chromium: \(run.output.suffix(500))")
        return run.output
    }

    /// The opening tag of the element whose attribute list contains `marker`.
    static func tag(_ dom: String, _ marker: String) -> String? {
        guard let range = dom.range(of: marker) else { return nil }
        let start = dom[..<range.lowerBound].lastIndex(of: "<") ?? range.lowerBound
        let end = dom[range.upperBound...].firstIndex(of: ">") ?? dom.endIndex
        return String(dom[start..<end])
    }

    @Test func aRegionFilterShowsOnlyThatRegion() async throws {
        let (summary, _, folder) = try await SpreadsheetTests.scanned()
        defer { InventoryFixture.remove(folder) }
        let store = try InventoryStore(path: folder.appendingPathComponent("corpus.sqlite").path)
        let details = try store.details(parameters: store.parameters())
        #expect(details.regions.map(\.name) == ["Holland Rijnland", "Twente", "Utrecht-Oost"])
        #expect(details.municipalities.count == 12)
        #expect(details.municipalities.allSatisfy { !$0.examples.isEmpty })
        let html = InventoryReportFormat.html(summary, details: details, options: InventoryReportOptions(toolVersion: "test"))
        #expect(html.contains("<h2>Gemeenten × onderwerpen</h2>"))
        #expect(html.contains("Content-Security-Policy"))
        #expect(html.contains("<form id=\"filters\" class=\"filters\" hidden"), "without script the filters stay hidden, everything shows")
        let page = folder.appendingPathComponent("inventaris.html")
        try html.write(to: page, atomically: true, encoding: .utf8)

        let all = try Self.dumpDOM(page.absoluteString, profile: folder.appendingPathComponent("chromium-1"))
        let zeistAll = try #require(Self.tag(all, "data-gemeente=\"Zeist\" data-domein"))
        #expect(!zeistAll.contains("hidden"), "\(zeistAll)")
        #expect(Self.tag(all, "id=\"filters\"").map { !$0.contains("hidden") } == true, "the script ran and showed the filters")

        let twente = try Self.dumpDOM(page.absoluteString + "#regio=Twente", profile: folder.appendingPathComponent("chromium-2"))
        let zeist = try #require(Self.tag(twente, "data-gemeente=\"Zeist\" data-domein"))
        let enschede = try #require(Self.tag(twente, "data-gemeente=\"Enschede\" data-domein"))
        #expect(zeist.contains("hidden"), "\(zeist)")
        #expect(!enschede.contains("hidden"), "\(enschede)")
        let regionUtrecht = try #require(Self.tag(twente, "class=\"regio\" data-filter=\"\" data-regio=\"Utrecht-Oost\""))
        #expect(regionUtrecht.contains("hidden"))
        let regionTwente = try #require(Self.tag(twente, "class=\"regio\" data-filter=\"\" data-regio=\"Twente\""))
        #expect(!regionTwente.contains("hidden"))
        // With a filter chosen the page says which parts keep the corpus totals; without, it does not.
        #expect(Self.tag(all, "id=\"filter-note\"").map { $0.contains("hidden") } == true)
        #expect(Self.tag(twente, "id=\"filter-note\"").map { !$0.contains("hidden") } == true)

        // The category filter hides the topics of the other categories in the corpus-wide table.
        let reporting = try Self.dumpDOM(page.absoluteString + "#categorie=verantwoordingslast", profile: folder.appendingPathComponent("chromium-3"))
        let topicRows = reporting.matches(of: /<tr data-filter="" data-categorie="([a-z-]+)"( hidden="")?>/).map { ($0.output.1, $0.output.2 != nil) }
        #expect(!topicRows.isEmpty)
        #expect(topicRows.allSatisfy { category, hidden in hidden == (category != "verantwoordingslast") }, "\(topicRows)")
    }

    @Test func deviationsFromTheRegionsMajorityAreMarked() {
        let region = InventoryDetails.Region(name: "R", municipalities: ["A", "B", "C"], topics: [("t", "T", "disproportioneel")],
                                             hours: ["A": ["t": 2], "B": ["t": 3], "C": [:]])
        #expect(region.majorityImposes("t"))
        let lone = InventoryDetails.Region(name: "R", municipalities: ["A", "B", "C"], topics: [("t", "T", "disproportioneel")],
                                           hours: ["A": ["t": 2]])
        #expect(!lone.majorityImposes("t"))
    }
}
