import Foundation
import Testing

/// Runs the built `tenderlint` executable as a user would and checks exit codes and output.
@Suite struct CommandLineTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func tenderlint(_ arguments: [String], cwd: URL = CommandLineTests.root) throws -> Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        let executable = FileManager.default.isExecutableFile(atPath: binary.path)
            ? binary : CommandLineTests.root.appendingPathComponent(".build/debug/tenderlint")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func scratch(_ name: String, _ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tl-e2e-\(UUID().uuidString)-\(name)").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The burden names its municipalities factor: the default multiplies every finding by 5,
    /// `--municipalities-per-provider 1` gives the tender alone, and each finding with a model
    /// article says what the article still asks and saves.
    @Test func theBurdenNamesTheMunicipalitiesFactorAndTheHoursSaved() throws {
        let sample = "samples/inkoopdocument-jeugdhulp.md"
        func summary(_ extra: [String]) throws -> (summary: [String: Any], findings: [[String: Any]]) {
            let run = try tenderlint(["lint", sample, "--format", "json"] + extra)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stderr: \(run.stderr)")
            let documents = try #require(json["documents"] as? [[String: Any]])
            return (try #require(json["summary"] as? [String: Any]), try #require(documents.first?["findings"] as? [[String: Any]]))
        }
        let five = try summary([]), one = try summary(["--municipalities-per-provider", "1"])
        #expect(five.summary["municipalitiesPerProvider"] as? Int == 5)
        #expect(one.summary["municipalitiesPerProvider"] as? Int == 1)
        let hoursFive = try #require(five.summary["hoursPerYear"] as? Double), hoursOne = try #require(one.summary["hoursPerYear"] as? Double)
        #expect(hoursOne > 0 && abs(hoursFive - 5 * hoursOne) < 0.5, "\(hoursFive) vs \(hoursOne)")
        var withSaving = 0
        for f in five.findings {
            let burden = try #require(f["burden"] as? [String: Any])
            #expect(burden["municipalities"] as? Int == 5)
            if let saved = burden["savedHoursPerYear"] as? Double, let remaining = burden["remainingHoursPerYear"] as? Double,
               let hours = burden["hoursPerYear"] as? Double {
                withSaving += 1
                #expect(saved >= 0 && abs(saved - max(0, hours - remaining)) < 0.01)
            }
        }
        #expect(withSaving == five.findings.count, "every bundled model article states what it still asks")
        let text = try tenderlint(["lint", sample]).stdout
        #expect(text.contains("× 5 gemeenten per aanbieder = "))
        #expect(text.contains("Met het modelartikel: "))
        #expect(text.contains("bij € 54/uur, 5 gemeenten per aanbieder; het uurtarief is een aanname: Handboek Meting Regeldrukkosten, niet geverifieerd, jaar onbekend)"))
        #expect(try tenderlint(["lint", sample, "--municipalities-per-provider", "0"]).status == 2)
    }

    /// The tariff's source and year are configuration (command line or `.tenderlint.yml`), and
    /// every report says beside its euros that the tariff is an assumption and where it comes from.
    @Test func theTariffCarriesItsSourceAndYearAndIsCalledAnAssumption() throws {
        let sample = CommandLineTests.root.appendingPathComponent("samples/inkoopdocument-jeugdhulp.md").path
        func json(_ arguments: [String], cwd: URL = CommandLineTests.root) throws -> [String: Any] {
            let run = try tenderlint(arguments + ["--format", "json"], cwd: cwd)
            #expect(run.status == 1, "stderr: \(run.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
            return try #require(object["summary"] as? [String: Any])
        }
        let standard = try json(["lint", sample])
        #expect(standard["tariffPerHour"] as? Double == 54)
        #expect(standard["tariffSource"] as? String == "Handboek Meting Regeldrukkosten")
        #expect(standard["tariffYear"] == nil)
        #expect((standard["tariffNote"] as? String)?.contains("niet geverifieerd") == true)
        let hours = try #require(standard["hoursPerYear"] as? Double)

        // On the command line.
        let given = try json(["lint", sample, "--tariff", "60", "--tariff-source", "CAO Jeugdzorg, schaal 8", "--tariff-year", "2026"])
        #expect(given["tariffPerHour"] as? Double == 60)
        #expect(given["tariffYear"] as? Int == 2026)
        #expect(given["tariffNote"] as? String == "het uurtarief is een aanname: CAO Jeugdzorg, schaal 8, 2026")
        #expect(abs((given["eurosPerYear"] as? Double ?? 0) - hours * 60) < 1)
        let english = try tenderlint(["lint", sample, "--tariff", "60", "--tariff-year", "2026", "--lang", "en"]).stdout
        #expect(english.contains("at € 60/hour, 5 municipalities per provider; the hourly tariff is an assumption: 2026)"), "\(english.suffix(300))")
        #expect(try tenderlint(["lint", sample, "--tariff-source", "CAO"]).status == 2, "a source needs the tariff it describes")
        #expect(try tenderlint(["lint", sample, "--tariff", "0"]).status == 2)

        // In .tenderlint.yml, for the documents below it; the command line wins.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-tariff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: sample, toPath: folder.appendingPathComponent("concept.md").path)
        try "burden:\n  tariff: 62.5\n  tariff-source: \"eigen calculatie regio\"\n  tariff-year: 2025\n"
            .write(to: folder.appendingPathComponent(".tenderlint.yml"), atomically: true, encoding: .utf8)
        let rules = CommandLineTests.root.appendingPathComponent("rules").path
        let configured = try json(["lint", "concept.md", "--rules", rules], cwd: folder)
        #expect(configured["tariffPerHour"] as? Double == 62.5)
        #expect(configured["tariffSource"] as? String == "eigen calculatie regio")
        #expect(abs((configured["eurosPerYear"] as? Double ?? 0) - hours * 62.5) < 1)
        let text = try tenderlint(["lint", "concept.md", "--rules", rules], cwd: folder).stdout
        #expect(text.contains("bij € 62,50/uur, 5 gemeenten per aanbieder;"), "\(text.suffix(300))")
        #expect(text.contains("het uurtarief is een aanname: eigen calculatie regio, 2025)"))
        let overridden = try json(["lint", "concept.md", "--rules", rules, "--tariff", "40"], cwd: folder)
        #expect(overridden["tariffPerHour"] as? Double == 40)
        #expect(overridden["tariffSource"] == nil)

        // A wrong value in the file is an error at its position.
        try "burden:\n  tariff-year: 2025\n".write(to: folder.appendingPathComponent(".tenderlint.yml"), atomically: true, encoding: .utf8)
        let broken = try tenderlint(["lint", "concept.md", "--rules", rules], cwd: folder)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".tenderlint.yml:2:16: tariff-year beschrijft het uurtarief: geef ook 'tariff'"), "\(broken.stderr)")
    }

    @Test func sampleGivesFindingsWithBasisAndModelInJSON() throws {
        let sample = "samples/inkoopdocument-jeugdhulp.md"
        let run = try tenderlint(["lint", sample, "--format", "json"])
        #expect(run.status == 1, "findings at warning level exit 1; stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 2)
        let documents = try #require(json["documents"] as? [[String: Any]])
        let modelTexts = try #require(json["modelTexts"] as? [String: [String: Any]])
        let rules = try #require(json["rules"] as? [String: [String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["path"] as? String == sample)
        #expect((documents[0]["domains"] as? [String])?.contains("jeugd") == true)
        let findings = try #require(documents[0]["findings"] as? [[String: Any]])
        #expect(findings.count >= 5)
        for f in findings {
            #expect((f["basis"] as? [Any])?.isEmpty == false)
            let model = try #require(f["model"] as? [String: Any])
            let ref = try #require(model["ref"] as? String)
            #expect((modelTexts[ref]?["text"] as? String)?.isEmpty == false, "model text \(ref) once per report")
            #expect(rules[f["ruleId"] as? String ?? ""]?["title"] is String)
            #expect((f["match"] as? String)?.isEmpty == false)
        }
    }

    /// Swift seeds its hashing per process: a dictionary walked in hash order would give other
    /// bytes in another process. Two processes must write the same bytes for every format.
    @Test(arguments: ["text", "json", "jsonl", "sarif", "junit", "checkstyle", "github", "html"])
    func twoProcessesWriteTheSameBytes(format: String) throws {
        let args = ["lint", "samples/inkoopdocument-jeugdhulp.md", "samples/raamovereenkomst-wmo-begeleiding.md",
                    "samples/formats/inkoopdocument-jeugdhulp.pdf", "--format", format]
        let first = try tenderlint(args), second = try tenderlint(args)
        #expect(first.status == 1, "stderr: \(first.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
    }

    /// JSON Lines: one self-contained object per document, then a summary line.
    @Test func jsonLinesHasOneLinePerDocumentAndASummary() throws {
        let run = try tenderlint(["lint", "samples/inkoopdocument-jeugdhulp.md", "samples/raamovereenkomst-wmo-begeleiding.md", "--format", "jsonl"])
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let objects = try lines.map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.map { $0["type"] as? String } == ["document", "document", "summary"])
        let document = try #require(objects[0]["document"] as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let texts = try #require(objects[0]["modelTexts"] as? [String: Any])
        for f in findings { if let m = f["model"] as? [String: Any] { #expect(texts[m["ref"] as? String ?? ""] != nil) } }
        #expect((objects[2]["summary"] as? [String: Any])?["documents"] as? Int == 2)
    }

    /// The PDF reader numbers lines per page; findings still come in reading order, and a match
    /// broken over two lines of the page shows on one line of the report.
    @Test func pdfFindingsComeInReadingOrderOnOneLine() throws {
        let run = try tenderlint(["lint", "samples/formats/inkoopdocument-jeugdhulp.pdf", "--format", "json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let documents = try #require(json["documents"] as? [[String: Any]])
        let findings = try #require(documents.first?["findings"] as? [[String: Any]])
        #expect(findings.count > 10)
        let pages = findings.compactMap { ($0["start"] as? [String: Any])?["page"] as? Int }
        #expect(pages.count == findings.count)
        #expect(pages == pages.sorted(), "pages in reading order: \(pages)")
        for f in findings { #expect(!(f["message"] as? String ?? "").contains("\n")) }
        let text = try tenderlint(["lint", "samples/formats/inkoopdocument-jeugdhulp.pdf"])
        let findingLines = text.stdout.split(separator: "\n").filter { $0.hasPrefix("samples/") }
        #expect(findingLines.count == findings.count, "every finding one line: path:line:col: … message")
    }

    /// Nothing Dutch under --lang en: a corrupt DOCX gives one English line.
    @Test func englishReaderErrorsAreEnglish() throws {
        let path = try scratch("kapot.docx", "PK\u{3}\u{4} dit is geen zip")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try tenderlint(["lint", path, "--lang", "en"])
        #expect(run.status == 2)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(path + ": ") == true)
        for dutch in ["geen", "beschadigd", "leesbaar", "bestand", "archief"] {
            #expect(!run.stderr.contains(dutch), "Dutch word '\(dutch)' in: \(run.stderr)")
        }
    }

    @Test func textOnlyReferringToTheLawIsClean() throws {
        let path = try scratch("wet.md", """
        # Artikel 4 Kwaliteit

        4.1 Conform artikel 4.1.6 Jeugdwet beschikt de aanbieder over een VOG voor iedere medewerker.

        4.2 De gemeente vraagt geen kopieën van VOG's op; het toezicht ligt bij de inspecties.
        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let run = try tenderlint(["lint", path])
        #expect(run.status == 0, "stdout: \(run.stdout)")
        #expect(run.stdout.contains("0 fouten, 0 waarschuwingen, 0 adviezen"))
    }

    @Test func missingFileIsOneLineAndExitTwo() throws {
        let run = try tenderlint(["lint", "bestaat-niet.docx"])
        #expect(run.status == 2)
        #expect(run.stderr == "bestaat-niet.docx: bestand niet gevonden\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func unknownFormatIsAUsageError() throws {
        let run = try tenderlint(["lint", "samples", "--format", "yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("onbekend formaat 'yaml'"))
    }

    @Test func explainWorksForEveryRule() throws {
        let list = try tenderlint(["rules", "--format", "json"])
        #expect(list.status == 0)
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(!rules.isEmpty)
        for rule in rules {
            let id = try #require(rule["id"] as? String)
            let run = try tenderlint(["explain", id])
            #expect(run.status == 0, "explain \(id): \(run.stderr)")
            #expect(run.stdout.contains("Grondslag"))
            #expect(run.stdout.contains("Modelartikel"))
        }
        #expect(try tenderlint(["explain", "geen-regel"]).status == 2)
    }

    /// `explain` lists a rule's exceptions with the reason each one gives (Dutch data, also
    /// under the English heading).
    @Test func explainListsTheExceptionsWithTheirReasons() throws {
        let nl = try tenderlint(["explain", "vog-afschriften-jeugd"])
        #expect(nl.status == 0)
        let section = try #require(nl.stdout.components(separatedBy: "\nUitzonderingen:\n").dropFirst().first, "\(nl.stdout)")
        let items = section.components(separatedBy: "\n").prefix { $0.hasPrefix("- ") }
        #expect(items.count == 5, "\(section)")
        #expect(items.contains { $0.contains("(vermoeden / vermoedt / vermoed)") })
        let en = try tenderlint(["explain", "vog-afschriften-jeugd", "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("\nExceptions (reason as written in the rule, in Dutch):\n" + items.joined(separator: "\n") + "\n"))
    }

    @Test func englishOutput() throws {
        let run = try tenderlint(["lint", "samples/inkoopdocument-jeugdhulp.md", "--lang", "en", "--fail-on", "never"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("hours per provider per year"))
    }
}
