import Foundation
import Testing
import TenderCompare
@testable import TenderReport

/// The compare reports on the fixtures: text, JSON (the documented shape), HTML, SARIF (schema).
@Suite struct CompareReportTests {
    static func result(lint: Bool = true) async -> CompareResult {
        let run = CompareRun(comparator: Comparator(engine: lint ? CompareFixture.engine : nil), workers: 2)
        return await run.run(standard: CompareFixture.path("modelovereenkomst.docx"),
                             documents: ["gemeente-zuidhoven.docx", "gemeente-veldmeer.pdf", "gemeente-oosterlanden.docx"].map(CompareFixture.path))
    }

    @Test func textNamesBothClauseNumbersAndTheNumberChange() async throws {
        let text = CompareTextReporter(options: ReportOptions()).report(await Self.result())
        #expect(text.contains(": gewijzigd 18.1 (standaard 18.1)"))
        #expect(text.contains("  betaaltermijn 30 → 60 dagen"))
        #expect(text.contains("[-30-] {+60+}"))
        #expect(text.contains(": toegevoegd 27.2 (geen tegenhanger in de standaard)"))
        #expect(text.contains(": geschrapt standaard 7.3 (geen tegenhanger in het document)"))
        #expect(text.contains("fout [betaaltermijn-langer-dan-30-dagen]"))
        #expect(text.contains("van de standaard ongewijzigd overgenomen"))
        let english = CompareTextReporter(options: ReportOptions(language: .en)).report(await Self.result(lint: false))
        #expect(english.contains(": changed 18.1 (standard 18.1)"))
        #expect(english.contains("of the standard kept"))
    }

    @Test func jsonHasTheDocumentedShape() async throws {
        let json = try CompareJSONReporter(options: ReportOptions()).report(await Self.result())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 3)
        for doc in documents {
            #expect(doc["path"] is String)
            let deviations = try #require(doc["deviations"] as? [[String: Any]])
            #expect(deviations.count == 3)
            for d in deviations {
                let kind = try #require(d["kind"] as? String)
                #expect(["changed", "added", "removed"].contains(kind))
                // Both clause numbers are always there: a string, or null without a counterpart.
                #expect(d.keys.contains("standardClause") && d.keys.contains("documentClause"))
                #expect((d["standardClause"] is NSNull) == (kind == "added"))
                #expect((d["documentClause"] is NSNull) == (kind == "removed"))
                #expect(d["diff"] is [Any] && d["findings"] is [Any] && d.keys.contains("similarity"))
            }
        }
        let zuidhoven = try #require(documents.first { ($0["path"] as! String).hasSuffix("gemeente-zuidhoven.docx") })
        let changed = try #require((zuidhoven["deviations"] as! [[String: Any]]).first { $0["kind"] as? String == "changed" })
        #expect((changed["numberChanges"] as? [[String: Any]])?.first?["text"] as? String == "betaaltermijn 30 → 60 dagen")
        #expect((changed["standardHeadingPath"] as? [String])?.last == "18.1")
    }

    @Test func htmlShowsBothSides() async throws {
        let html = CompareHTMLReporter(options: ReportOptions()).report(await Self.result())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script src") && !html.contains("<link"))
        #expect(html.contains("<del>30</del>") && html.contains("<ins>60</ins>"))
        #expect(html.components(separatedBy: "<div class=\"pair ").count - 1 == 9)
    }

    @Test func sarifIsValidAndHasChangedAndAddedOnly() async throws {
        let sarif = try CompareSARIFReporter(options: ReportOptions()).report(await Self.result())
        #expect(try Self.violations(sarif) == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = ((object["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        #expect(results.count == 6)
        #expect(Set(results.map { $0["ruleId"] as! String }) == ["compare-changed", "compare-added"])
        #expect(results.contains { $0["level"] as? String == "error" })
    }

    /// Violations of the SARIF 2.1.0 schema (the copy in TenderReportTests/Fixtures), via Python's jsonschema.
    static func violations(_ sarif: String) throws -> [String] {
        let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TenderReportTests/Fixtures/sarif-2.1.0.json").path
        let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        instance = json.loads(sys.stdin.buffer.read().decode("utf-8"))
        for e in jsonschema.Draft7Validator(schema).iter_errors(instance):
            print("/".join(map(str, e.absolute_path)) + ": " + e.message)
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(sarif.utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return out.split(separator: "\n").map(String.init)
    }
}
