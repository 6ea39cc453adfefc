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

    @Test func sampleGivesFindingsWithBasisAndModelInJSON() throws {
        let sample = "samples/inkoopdocument-jeugdhulp.md"
        let run = try tenderlint(["lint", sample, "--format", "json"])
        #expect(run.status == 1, "findings at warning level exit 1; stderr: \(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        let documents = try #require(json["documents"] as? [[String: Any]])
        #expect(documents.count == 1)
        #expect(documents[0]["path"] as? String == sample)
        #expect((documents[0]["domains"] as? [String])?.contains("jeugd") == true)
        let findings = try #require(documents[0]["findings"] as? [[String: Any]])
        #expect(findings.count >= 5)
        for f in findings {
            #expect((f["basis"] as? [Any])?.isEmpty == false)
            #expect(f["model"] is [String: Any])
            #expect((f["match"] as? String)?.isEmpty == false)
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

    @Test func englishOutput() throws {
        let run = try tenderlint(["lint", "samples/inkoopdocument-jeugdhulp.md", "--lang", "en", "--fail-on", "never"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("hours per provider per year"))
    }
}
