import Foundation
import Testing

/// `tenderlint compare` as a user runs it: exit codes, the one-line error, formats.
@Suite struct CompareCommandTests {
    let cli = CommandLineTests()
    static let fixtures = "Tests/TenderCompareTests/Fixtures/"

    @Test func deviationsExitOneAndNoneExitZero() throws {
        let run = try cli.tenderlint(["compare", "--standard", Self.fixtures + "modelovereenkomst.docx", Self.fixtures + "gemeente-zuidhoven.pdf"])
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("gewijzigd 18.1 (standaard 18.1)"))
        #expect(run.stdout.contains("betaaltermijn 30 → 60 dagen"))
        let same = try cli.tenderlint(["compare", "--standard", Self.fixtures + "modelovereenkomst.docx",
                                       Self.fixtures + "source/modelovereenkomst.md", "--lang", "en"])
        #expect(same.status == 0, "stderr: \(same.stderr)")
        #expect(same.stdout.contains("no deviations from the standard"))
    }

    @Test func failOnNeverAndJSON() throws {
        let run = try cli.tenderlint(["compare", "--standard", Self.fixtures + "source/modelovereenkomst.md",
                                      Self.fixtures + "gemeente-veldmeer.docx", "--format", "json", "--fail-on", "never"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let docs = try #require(json["documents"] as? [[String: Any]])
        #expect((docs.first?["deviations"] as? [Any])?.count == 3)
    }

    @Test func missingFileIsOneLineAndExitTwo() throws {
        let run = try cli.tenderlint(["compare", "--standard", "geen-standaard.docx", Self.fixtures + "gemeente-veldmeer.docx"])
        #expect(run.status == 2)
        #expect(run.stderr == "geen-standaard.docx: bestand niet gevonden\n")
        let one = try cli.tenderlint(["compare", Self.fixtures + "gemeente-veldmeer.docx"])
        #expect(one.status == 2)
        #expect(one.stderr.split(separator: "\n").count == 1)
        let format = try cli.tenderlint(["compare", Self.fixtures + "gemeente-veldmeer.docx", Self.fixtures + "gemeente-zuidhoven.docx", "--format", "sarif"])
        #expect(format.status == 2 && format.stderr.contains("--standard"))
    }

    @Test func regionNamesTheMunicipalityWithTheExtraReportingDemand() throws {
        let run = try cli.tenderlint(["compare", Self.fixtures + "gemeente-zuidhoven.docx", Self.fixtures + "gemeente-veldmeer.docx",
                                      Self.fixtures + "gemeente-oosterlanden.pdf", "--fail-on", "never"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("gemeente-zuidhoven: 3 afwijkingen"))
        #expect(run.stdout.contains("extra clausule 27.2 — Artikel 27 Beleidsinformatie"))
    }
}
