import Foundation
import Testing
@testable import TenderInventory
import TenderLint

@Suite struct InventoryReportTests {
    /// A store with a small corpus in two municipalities and two years.
    func summary() async throws -> (InventorySummary, URL) {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        let texts = InventoryFixture.documents(count: 4, catalogue: engine.catalogue)
        try InventoryFixture.write(Array(texts[0..<2]), into: folder, sub: "Utrecht/Zeist & Co/2024")
        try InventoryFixture.write(Array(texts[2..<4]), into: folder, sub: "Utrecht/<Amersfoort>/2025")
        let store = try InventoryStore(path: folder.appendingPathComponent("s.sqlite").path)
        _ = try await InventoryFixture.scanner(engine: engine, template: try PathTemplate("{region}/{municipality}/{year}/*"))
            .scan([folder.path], into: store, parameters: BurdenParameters())
        return (try store.summary(parameters: BurdenParameters(), limit: 5), folder)
    }

    @Test func htmlIsSelfContainedWithChartsAndTheMethod() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        let html = try InventoryReportFormat.html.render(s, options: InventoryReportOptions(toolVersion: "test", database: "s.sqlite"))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<html lang=\"nl\">"))
        #expect(html.contains("<svg"))
        #expect(html.contains("<rect"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        // The only URL is the SVG namespace, which is never fetched.
        #expect(html.components(separatedBy: "http").count - 1 == html.components(separatedBy: "http://www.w3.org/2000/svg").count - 1)
        #expect(html.contains("Kosten per jaar = tijd per handeling (uren) × frequentie per jaar × aantal aanbieders × uurtarief"))
        #expect(html.contains("Handboek Meting Regeldrukkosten"))
        #expect(html.contains("Ontwikkeling per jaar"))
        // Names from folders are escaped.
        #expect(html.contains("Zeist &amp; Co"))
        #expect(html.contains("&lt;Amersfoort&gt;"))
        #expect(!html.contains("<Amersfoort>"))
    }

    @Test func htmlInEnglish() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        let html = try InventoryReportFormat.html.render(s, options: InventoryReportOptions(language: .en, toolVersion: "test"))
        #expect(html.contains("<html lang=\"en\">"))
        #expect(html.contains("Cost per year = time per action (hours)"))
    }

    @Test func sameStoreSameBytes() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        for format in InventoryReportFormat.allCases where format != .xlsx && format != .csv {
            let options = InventoryReportOptions(toolVersion: "test")
            #expect(try format.render(s, options: options) == (try format.render(s, options: options)))
        }
        // The spreadsheet formats are files; the same store gives the same bytes there too.
        #expect(try InventorySpreadsheet.xlsx(s, findings: [], language: .nl) == (try InventorySpreadsheet.xlsx(s, findings: [], language: .nl)))
        #expect(InventorySpreadsheet.csv(s, findings: [], language: .nl, dialect: .dutch).map(\.text)
                == InventorySpreadsheet.csv(s, findings: [], language: .nl, dialect: .dutch).map(\.text))
    }

    @Test func csvHasOneHeaderAndASectionPerRow() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        let csv = try InventoryReportFormat.csvLong.render(s, options: InventoryReportOptions(toolVersion: "test"))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first?.hasPrefix("section,key,label,category,documents,findings") == true)
        let sections = Set(lines.dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) })
        #expect(sections.isSuperset(of: ["totals", "category", "topic", "municipality", "region", "year", "document"]))
        #expect(csv.contains(",Zeist & Co,"))
    }

    @Test func csvNeutralisesFormulas() {
        #expect(InventoryCSVReport.quoted("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(InventoryCSVReport.quoted("-12.5") == "-12.5")
        #expect(InventoryCSVReport.quoted("a,b") == "\"a,b\"")
    }

    @Test func jsonCarriesFormulaAssumptionsAndParameters() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        let json = try InventoryReportFormat.json.render(s, options: InventoryReportOptions(toolVersion: "test"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == InventorySummary.schemaVersion)
        #expect((object["formula"] as? String)?.contains("uurtarief") == true)
        #expect((object["assumptions"] as? [String])?.count == 4)
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(parameters["tariff"] as? Double == BurdenDefaults.tariff)
        #expect(parameters["providersPerTender"] as? Int == BurdenDefaults.providersPerTender)
        #expect((object["years"] as? [[String: Any]])?.count == 2)
    }

    @Test func topicTotalsAddUpToCategoryTotalsAndTheCorpusTotal() async throws {
        let (s, folder) = try await summary()
        defer { InventoryFixture.remove(folder) }
        let categories = s.categories.reduce(0) { $0 + $1.hoursAllProviders }
        #expect(abs(categories - s.totals.hoursAllProviders) < 1e-6)
        let municipalities = s.municipalities.reduce(0) { $0 + $1.hoursAllProviders }
        #expect(abs(municipalities - s.totals.hoursAllProviders) < 1e-6)
        #expect(s.categories.count == 4)
    }
}
