import Foundation
import Testing

/// The document date as a user meets it: an eForms notice dated 2024 or 2026, `--date`, a text
/// document with a dated first line, and no date at all (today's law, said once).
@Suite struct DocumentDateCommandTests {
    let cli = CommandLineTests()
    static let clause = "Een controleverklaring is vereist indien de jeugdhulpaanbieder in het verantwoordingsjaar meer dan € 150.000 aan jeugdhulp heeft gedeclareerd."

    static func notice(issued: String) -> String {
        """
        <ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:IssueDate>\(issued)Z</cbc:IssueDate>
          <cac:ProcurementProject><cbc:Name>Jeugdhulp</cbc:Name><cbc:Description>\(clause)</cbc:Description></cac:ProcurementProject>
        </ContractNotice>
        """
    }

    func json(_ arguments: [String]) throws -> (document: [String: Any], summary: [String: Any], status: Int32) {
        let run = try cli.tenderlint(["lint", "--format", "json", "--domain", "jeugd", "--fail-on", "never"] + arguments)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stderr: \(run.stderr)")
        let document = try #require((object["documents"] as? [[String: Any]])?.first)
        return (document, try #require(object["summary"] as? [String: Any]), run.status)
    }

    func thresholdRules(_ document: [String: Any]) -> [String] {
        ((document["findings"] as? [[String: Any]]) ?? []).filter { ($0["topic"] as? String) == "accountantsverklaring-drempel" }
            .compactMap { $0["ruleId"] as? String }
    }

    @Test func anEFormsNoticeOf2024IsJudgedByTheOldThresholdAndOneOf2026ByTheNew() throws {
        let old = try cli.scratch("notice-2024.xml", Self.notice(issued: "2024-04-02"))
        let new = try cli.scratch("notice-2026.xml", Self.notice(issued: "2026-04-02"))
        defer { try? FileManager.default.removeItem(atPath: old); try? FileManager.default.removeItem(atPath: new) }
        let before = try json([old])
        #expect(thresholdRules(before.document).isEmpty)
        #expect((before.document["date"] as? [String: Any])?["source"] as? String == "properties")
        #expect(before.document["lawDay"] as? String == "2024-04-02")
        #expect(before.summary["undatedDocuments"] == nil)
        let after = try json([new])
        #expect(thresholdRules(after.document) == ["accountantsverklaring-lage-drempel"])
        let finding = try #require((after.document["findings"] as? [[String: Any]])?.first { ($0["ruleId"] as? String) == "accountantsverklaring-lage-drempel" })
        #expect((finding["period"] as? [String: Any])?["from"] as? String == "2026-01-01")
    }

    @Test func theDateOptionJudgesEveryDocumentByThatDay() throws {
        let path = try cli.scratch("clause.txt", Self.clause + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(thresholdRules(try json([path, "--date", "2025-06-30"]).document).isEmpty)
        let dated = try json([path, "--date", "2026-01-01"])
        #expect(thresholdRules(dated.document) == ["accountantsverklaring-lage-drempel"])
        #expect((dated.document["date"] as? [String: Any])?["source"] as? String == "option")
        let bad = try cli.tenderlint(["lint", path, "--date", "30-06-2025"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--date: '30-06-2025' is geen datum in de vorm jjjj-mm-dd"))
    }

    @Test func aTextDocumentWithADatedFirstLineIsJudgedByThatDate() throws {
        let path = try cli.scratch("dated.txt", "Datum: 12 maart 2024\n\n" + Self.clause + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try json([path])
        #expect(thresholdRules(result.document).isEmpty)
        let date = try #require(result.document["date"] as? [String: Any])
        #expect(date["day"] as? String == "2024-03-12" && date["source"] as? String == "text")
    }

    @Test func withoutADateTheReportSaysOnceThatTodaysLawApplied() throws {
        let path = try cli.scratch("undated.txt", Self.clause + "\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try json([path])
        #expect(thresholdRules(result.document) == ["accountantsverklaring-lage-drempel"])
        #expect(result.document["date"] == nil)
        #expect(result.summary["undatedDocuments"] as? Int == 1)
        #expect((result.summary["undatedNote"] as? String)?.contains("zonder datum, beoordeeld naar het recht van vandaag") == true)
        let text = try cli.tenderlint(["lint", path, "--domain", "jeugd", "--fail-on", "never"])
        #expect(text.stdout.components(separatedBy: "recht van vandaag").count == 3)   // the finding's period line and the summary
        #expect(text.stdout.contains("Periode: geldt vanaf 2026-01-01; geen documentdatum: het recht van vandaag ("))
        #expect(text.stdout.contains("1 document zonder datum, beoordeeld naar het recht van vandaag ("))
        let english = try cli.tenderlint(["lint", path, "--domain", "jeugd", "--fail-on", "never", "--lang", "en"])
        #expect(english.stdout.contains("Period: applies from 2026-01-01; no document date: today's law ("))
        #expect(english.stdout.contains("1 document without a date, judged by today's law ("))
        let dated = try cli.tenderlint(["lint", path, "--domain", "jeugd", "--fail-on", "never", "--date", "2026-02-01"])
        #expect(!dated.stdout.contains("zonder datum"))
        #expect(dated.stdout.contains("Periode: geldt vanaf 2026-01-01; documentdatum 2026-02-01 (opgegeven datum)"))
    }

    @Test func evaluateHonoursAnEntrysDate() throws {
        let set = try cli.scratch("dated-set.yml", """
            - id: oud
              domain: jeugd
              date: 2025-05-01
              text: "\(Self.clause)"
              topics: []
            - id: nieuw
              domain: jeugd
              date: 2026-05-01
              text: "\(Self.clause)"
              topics: [accountantsverklaring-drempel]
            """)
        defer { try? FileManager.default.removeItem(atPath: set) }
        let run = try cli.tenderlint(["evaluate", set, "--format", "json", "--min-precision", "1", "--min-recall", "1"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let bad = try cli.scratch("bad-date-set.yml", "- {id: x, date: 1 mei 2025, text: \"Tekst.\", topics: []}\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        let failed = try cli.tenderlint(["evaluate", bad])
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("x: '1 mei 2025' is geen datum"))
    }
}
