import Foundation
import Testing
import TenderInventory

/// The XLSX workbook read by two programs nobody here wrote: openpyxl (Python) and LibreOffice
/// Calc converting it; both must see the totals of the store, as numbers.
@Suite(.serialized) struct SpreadsheetTests {
    struct Run { var status: Int32; var output: String }

    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Scans the issue-16 corpus and returns the summary, the findings and the scratch folder.
    static func scanned() async throws -> (InventorySummary, [FindingEntry], URL) {
        let engine = try InventoryFixture.engine()
        let folder = try InventoryFixture.temporaryFolder()
        let tablePath = try ShowableInventoryTests.makeCorpus(folder, engine: engine)
        var scanner = InventoryFixture.scanner(engine: engine)
        scanner.table = try MetadataTable.load(path: tablePath)
        let store = try InventoryStore(path: folder.appendingPathComponent("corpus.sqlite").path)
        _ = try await scanner.scan([folder.appendingPathComponent("corpus").path], into: store, parameters: BurdenParameters())
        let parameters = try store.parameters()
        return (try store.summary(parameters: parameters), try store.findings(parameters: parameters), folder)
    }

    @Test func openpyxlAndLibreOfficeReadTheSameTotals() async throws {
        let (summary, findings, folder) = try await Self.scanned()
        defer { InventoryFixture.remove(folder) }
        let xlsx = folder.appendingPathComponent("inventaris.xlsx")
        try Data(try InventorySpreadsheet.xlsx(summary, findings: findings, language: .nl)).write(to: xlsx)

        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = {"sheets": wb.sheetnames}
            totals = {r[0].value: (r[1].value, r[1].number_format) for r in wb["Totalen"].iter_rows(min_row=2)}
            out["totals"] = totals
            ws = wb["Bevindingen"]
            out["findingRows"] = ws.max_row - 1
            out["findingHours"] = sum(r[6].value for r in ws.iter_rows(min_row=2))
            out["header"] = [c.value for c in ws[1]]
            print(json.dumps(out))
            """
        let py = try Self.run(["python3", "-c", script, xlsx.path])
        try #require(py.status == 0, "openpyxl: \(py.output)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(py.output.utf8)) as? [String: Any])
        let sheets = json["sheets"] as? [String] ?? []
        #expect(sheets.contains("Bevindingen") && sheets.contains("Gemeenten") && sheets.contains("Onderwerpen"), "\(sheets)")
        let totals = json["totals"] as? [String: [Any]] ?? [:]
        #expect((totals["Documenten"]?[0] as? NSNumber)?.intValue == summary.totals.documents)
        #expect((totals["Bevindingen"]?[0] as? NSNumber)?.intValue == summary.totals.findings)
        let hours = (totals["Uren per aanbieder"]?[0] as? NSNumber)?.doubleValue ?? -1
        #expect(abs(hours - summary.totals.hoursPerProvider) < 0.01)
        #expect(totals["Uren per aanbieder"]?[1] as? String == "#,##0.0")
        #expect((totals["Euro alle aanbieders"]?[1] as? String)?.contains("€") == true)
        #expect((json["findingRows"] as? NSNumber)?.intValue == summary.totals.findings)
        let findingHours = (json["findingHours"] as? NSNumber)?.doubleValue ?? -1
        #expect(abs(findingHours - summary.totals.hoursPerProvider) < 0.01 * Double(summary.totals.findings))
        #expect((json["header"] as? [String])?.last == "Geciteerde tekst")

        // LibreOffice converts the first sheet (Totalen) to CSV, in one headless call with a private profile.
        let profile = folder.appendingPathComponent("lo-profile")
        let lo = try Self.run(["soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "csv",
                               "--outdir", folder.path, xlsx.path])
        let csvURL = folder.appendingPathComponent("inventaris.csv")
        try #require(FileManager.default.fileExists(atPath: csvURL.path), "soffice: \(lo.output)")
        let csv = try String(contentsOf: csvURL, encoding: .utf8)
        let rows = Dictionary(csv.split(whereSeparator: \.isNewline).compactMap { line -> (String, String)? in
            let parts = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(rows["Documenten"] == String(summary.totals.documents), "\(csv)")
        #expect(rows["Bevindingen"].map { $0.replacingOccurrences(of: ",", with: "") } == String(summary.totals.findings), "\(csv)")
    }

    @Test func csvPerTableInTheDutchAndTheInternationalDialect() async throws {
        let (summary, findings, folder) = try await Self.scanned()
        defer { InventoryFixture.remove(folder) }
        let dutch = InventorySpreadsheet.csv(summary, findings: findings, language: .nl, dialect: .dutch)
        #expect(dutch.map(\.name).contains("gemeenten.csv"))
        let totals = try #require(dutch.first { $0.name == "totalen.csv" }?.text)
        #expect(totals.hasPrefix("\u{FEFF}Grootheid;Waarde\r\n"))
        let hours = String(format: "%.1f", summary.totals.hoursPerProvider).replacingOccurrences(of: ".", with: ",")
        #expect(totals.contains("Uren per aanbieder;\(hours)\r\n"), "\(totals)")
        let international = InventorySpreadsheet.csv(summary, findings: findings, language: .en, dialect: .international)
        let en = try #require(international.first { $0.name == "totals.csv" }?.text)
        #expect(en.contains("Hours per provider,\(String(format: "%.1f", summary.totals.hoursPerProvider))\r\n"), "\(en)")
        let rows = try #require(dutch.first { $0.name == "bevindingen.csv" }?.text).split(separator: "\r\n").count
        #expect(rows == summary.totals.findings + 1)
    }
}

/// A metadata table saved by a spreadsheet program: made by openpyxl, read by `--meta`.
@Suite struct XLSXMetadataTableTests {
    @Test func aTableSavedAsXLSXGivesTheSameMetadataAsCSV() throws {
        let folder = try InventoryFixture.temporaryFolder()
        defer { InventoryFixture.remove(folder) }
        let xlsx = folder.appendingPathComponent("metadata.xlsx")
        let script = """
            import sys, openpyxl
            wb = openpyxl.Workbook()
            ws = wb.active
            ws.title = "Metadata"
            ws.append(["Bestand", "Gemeente", "Regio", "Jaar", "Aantal aanbieders", "Titel"])
            ws.append(["bestek-1.docx", "Zeist", "Utrecht-Oost", 2025, 40, "Jeugdhulp 2025"])
            ws.append(["Leiden/bestek-2.pdf", "Leiden", "Holland Rijnland", 2024, 12, None])
            ws.append(["bestek-3.md", "onbekend", None, None, None, None])
            wb.save(sys.argv[1])
            """
        let py = try SpreadsheetTests.run(["python3", "-c", script, xlsx.path])
        try #require(py.status == 0, "openpyxl: \(py.output)")
        let table = try MetadataTable.load(path: xlsx.path)
        #expect(table.name == "metadata.xlsx")
        #expect(table.metadata(for: "corpus/a/bestek-1.docx") == DocumentMetadata(municipality: "Zeist", region: "Utrecht-Oost", year: 2025,
                                                                                  providers: 40, title: "Jeugdhulp 2025"))
        #expect(table.metadata(for: "corpus/Leiden/bestek-2.pdf")?.year == 2024)
        #expect(table.metadata(for: "corpus/Delft/bestek-2.pdf") == nil, "a path key matches that path only")
        #expect(table.metadata(for: "x/bestek-3.md")?.municipality == nil, "'onbekend' is no municipality")
    }
}
