import Foundation
import Testing

/// The conventions of the linters people know (ruff, ESLint, Vale), through the built binary:
/// usage errors exit 2, `-` is standard input, `--quiet`, the compact report, `--select` and
/// `--ignore`, `--color`, `--version`, typo suggestions, empty folders, `init`.
@Suite struct CommandLineConventionsTests {
    let cli = CommandLineTests()
    static let sample = "samples/inkoopdocument-jeugdhulp.md"

    /// Runs the binary with `input` on standard input.
    func tenderlint(_ arguments: [String], input: Data, cwd: URL = CommandLineTests.root) throws -> CommandLineTests.Run {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        let process = Process()
        process.executableURL = FileManager.default.isExecutableFile(atPath: binary.path) ? binary : CommandLineTests.root.appendingPathComponent(".build/debug/tenderlint")
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        process.environment = env
        let stdin = Pipe(), out = Pipe(), err = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return .init(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tl-conv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func usageErrorsExit2WithTheReason() throws {
        for arguments in [["lint", "--no-such-option", CommandLineConventionsTests.sample], ["lint"], ["lint", CommandLineConventionsTests.sample, "--fail-on", "sometimes"],
                          ["lint", CommandLineConventionsTests.sample, "--color", "purple"]] {
            let run = try cli.tenderlint(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("Usage: tenderlint") || run.stderr.contains("Error:"), "\(arguments): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
    }

    @Test func versionNamesTheTool() throws {
        let run = try cli.tenderlint(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("tenderlint "), "\(run.stdout)")
    }

    @Test func explainSuggestsTheNearestRule() throws {
        let run = try cli.tenderlint(["explain", "vog-afschrift-jeugd"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("bedoelt u vog-afschriften-jeugd?"), "\(run.stderr)")
        let far = try cli.tenderlint(["explain", "iets-heel-anders-dan-een-regel"])
        #expect(far.status == 2)
        #expect(!far.stderr.contains("bedoelt u"), "\(far.stderr)")
    }

    @Test func dashReadsStandardInputAndNamesIt() throws {
        let bytes = try Data(contentsOf: CommandLineTests.root.appendingPathComponent(CommandLineConventionsTests.sample))
        let piped = try tenderlint(["lint", "-", "--format", "compact"], input: bytes)
        let named = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact"])
        #expect(piped.status == 1, "\(piped.stderr)")
        #expect(piped.stdout.hasPrefix("-:"), "\(piped.stdout.prefix(200))")
        #expect(!piped.stdout.contains("tenderlint-stdin"), "the temporary file is never named")
        // The same findings as the file itself, under the name `-`.
        #expect(piped.stdout == named.stdout.replacingOccurrences(of: CommandLineConventionsTests.sample + ":", with: "-:"))
    }

    @Test func compactReportHasOneLinePerFindingAndEachModelArticleOnce() throws {
        let run = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact"])
        #expect(run.status == 1)
        let lines = run.stdout.components(separatedBy: "\n")
        let findings = lines.filter { $0.hasPrefix(CommandLineConventionsTests.sample + ":") }
        #expect(findings.count >= 10)
        let json = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        let all = try #require(documents.first?["findings"] as? [[String: Any]])
        let active = all.filter { $0["suppression"] == nil || $0["suppression"] is NSNull }
        #expect(findings.count == active.count)
        // Every model article named by a finding is printed in full exactly once, after the findings.
        let named = Set(findings.compactMap { line -> String? in
            guard let r = line.range(of: "(model: ", options: .backwards) else { return nil }
            return String(line[r.upperBound...].dropLast())
        })
        #expect(named.count >= 3)
        for id in named {
            #expect(run.stdout.components(separatedBy: "\n[\(id)] ").count == 2, "model \(id) printed once in full")
        }
        #expect(lines.contains { $0.contains("fouten") && $0.contains("waarschuwingen") })
        // --quiet: the findings only.
        let quiet = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--quiet"])
        #expect(quiet.status == 1)
        #expect(!quiet.stdout.contains("waarschuwingen in"), "\(quiet.stdout.suffix(300))")
        #expect(quiet.stdout.components(separatedBy: "\n").filter { $0.hasPrefix(CommandLineConventionsTests.sample + ":") }.count == findings.count)
    }

    @Test func selectAndIgnoreByRuleTopicAndCategory() throws {
        let all = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--quiet"]).stdout
        func rules(_ output: String) -> Set<String> {
            Set(output.components(separatedBy: "\n").compactMap { line -> String? in
                guard let a = line.range(of: " ["), let b = line.range(of: "] ", range: a.upperBound..<line.endIndex) else { return nil }
                return String(line[a.upperBound..<b.lowerBound])
            })
        }
        let everything = rules(all)
        let one = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--quiet", "--select", "kwaliteitssysteem-documenten"])
        #expect(rules(one.stdout) == ["kwaliteitssysteem-documenten"])
        let category = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--quiet", "--ignore", "verantwoordingslast,niet-standaard"])
        #expect(!rules(category.stdout).isEmpty && rules(category.stdout).isStrictSubset(of: everything))
        let json = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "json", "--select", "wettelijk-geregeld"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(((object["documents"] as? [[String: Any]])?.first)?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty && findings.allSatisfy { $0["category"] as? String == "wettelijk-geregeld" })
        let typo = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--select", "wettelijk-geregd"])
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("bedoelt u wettelijk-geregeld?"), "\(typo.stderr)")
    }

    @Test func colorFollowsTheOptionAndNoColor() throws {
        let always = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--color", "always"])
        #expect(always.stdout.contains("\u{1B}["), "--color always paints even with NO_COLOR and a pipe")
        let auto = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact"])
        #expect(!auto.stdout.contains("\u{1B}["))
        let never = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--color", "never"])
        #expect(!never.stdout.contains("\u{1B}["))
    }

    @Test func aFolderWithoutDocumentsIsAnErrorUnlessAllowed() throws {
        let empty = try folder()
        try "geen document".write(to: empty.appendingPathComponent("notities.rtf"), atomically: true, encoding: .utf8)
        let run = try cli.tenderlint(["lint", empty.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(empty.path): geen documenten in deze map"), "\(run.stderr)")
        let allowed = try cli.tenderlint(["lint", empty.path, "--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
    }

    @Test func initWritesACommentedConfigurationThatLoads() throws {
        let dir = try folder()
        let run = try cli.tenderlint(["init"], cwd: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let file = dir.appendingPathComponent(".tenderlint.yml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("version: 1"))
        for key in ["# domain:", "# disable:", "# enable:", "# severity:", "# rule-folders:", "# context:"] {
            #expect(text.contains(key), "\(key) explained")
        }
        // A second init does not overwrite it.
        let again = try cli.tenderlint(["init"], cwd: dir)
        #expect(again.status == 2)
        #expect(again.stderr.contains("bestaat al"))
        // lint picks it up and it changes nothing.
        let sample = CommandLineTests.root.appendingPathComponent(CommandLineConventionsTests.sample)
        try FileManager.default.copyItem(at: sample, to: dir.appendingPathComponent("concept.md"))
        let rules = CommandLineTests.root.appendingPathComponent("rules").path
        let withConfig = try cli.tenderlint(["lint", "concept.md", "--rules", rules, "--format", "compact", "--quiet"], cwd: dir)
        let without = try cli.tenderlint(["lint", CommandLineConventionsTests.sample, "--format", "compact", "--quiet"])
        #expect(withConfig.status == 1, "\(withConfig.stderr)")
        #expect(withConfig.stdout.replacingOccurrences(of: "concept.md:", with: "") == without.stdout.replacingOccurrences(of: CommandLineConventionsTests.sample + ":", with: ""))
    }
}
