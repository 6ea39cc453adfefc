import Foundation
import Testing

/// `tenderlint redline` as a user runs it: the copy, the input untouched, the refusals.
@Suite struct RedlineCommandTests {
    let cli = CommandLineTests()

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tl-redline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesTheCopyLeavesTheInputAndRefusesToOverwrite() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("concept.docx")
        try FileManager.default.copyItem(at: CommandLineTests.root.appendingPathComponent("samples/formats/inkoopdocument-jeugdhulp.docx"), to: input)
        let before = try Data(contentsOf: input)
        let output = dir.appendingPathComponent("met-wijzigingen.docx").path
        let run = try cli.tenderlint(["redline", input.path, "-o", output])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("opmerkingen"))
        #expect(try Data(contentsOf: input) == before)
        #expect(FileManager.default.fileExists(atPath: output))

        let again = try cli.tenderlint(["redline", input.path, "-o", output])
        #expect(again.status == 2)
        #expect(again.stderr == "\(output): bestaat al; geef --force om te overschrijven\n")
        #expect(try cli.tenderlint(["redline", input.path, "-o", output, "--force"]).status == 0)

        let onto = try cli.tenderlint(["redline", input.path, "-o", input.path, "--force"])
        #expect(onto.status == 2)
        #expect(onto.stderr.split(separator: "\n").count == 1 && onto.stderr.hasPrefix(input.path + ": "))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test(arguments: ["odt", "fodt"])
    func openDocumentCopiesKeepTheirFormat(_ ext: String) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("concept.\(ext)")
        try FileManager.default.copyItem(at: CommandLineTests.root.appendingPathComponent("samples/formats/inkoopdocument-jeugdhulp.\(ext)"), to: input)
        let before = try Data(contentsOf: input)
        let output = dir.appendingPathComponent("met-wijzigingen.\(ext)").path
        let run = try cli.tenderlint(["redline", input.path, "-o", output, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("\(output): ") && run.stderr.contains(" comments, ") && run.stderr.contains(" tracked changes"))
        #expect(try Data(contentsOf: input) == before)
        // Read as accepted, the copy no longer holds the replaced demands.
        let lintedInput = try cli.tenderlint(["lint", input.path, "--format", "json"])
        let lintedCopy = try cli.tenderlint(["lint", output, "--format", "json"])
        #expect(lintedCopy.stdout.matches(of: /"ruleId"/).count < lintedInput.stdout.matches(of: /"ruleId"/).count)
        // A copy named for another format is refused, and nothing is written.
        let wrong = dir.appendingPathComponent("kopie.docx").path
        let refused = try cli.tenderlint(["redline", input.path, "-o", wrong])
        #expect(refused.status == 2)
        #expect(refused.stderr == "\(wrong): de kopie is \(ext.uppercased()), zoals de invoer; geef -o NAAM.\(ext)\n")
        #expect(!FileManager.default.fileExists(atPath: wrong))
    }

    @Test func reproducibleWithSourceDateEpoch() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = "samples/formats/raamovereenkomst-wmo-begeleiding.docx"
        setenv("SOURCE_DATE_EPOCH", "1800000000", 1)
        defer { unsetenv("SOURCE_DATE_EPOCH") }
        let a = dir.appendingPathComponent("a.docx").path, b = dir.appendingPathComponent("b.docx").path
        #expect(try cli.tenderlint(["redline", sample, "-o", a]).status == 0)
        #expect(try cli.tenderlint(["redline", sample, "-o", b]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
    }

    @Test func markdownDiffOnStdoutAndUnwritableFormats() throws {
        let diff = try cli.tenderlint(["redline", "samples/inkoopdocument-jeugdhulp.md", "--diff"])
        #expect(diff.status == 0)
        #expect(diff.stdout.hasPrefix("--- samples/inkoopdocument-jeugdhulp.md\n+++ samples/inkoopdocument-jeugdhulp.md\n@@ "))
        let pdf = try cli.tenderlint(["redline", "samples/formats/inkoopdocument-jeugdhulp.pdf", "-o", "/tmp/tl-never-\(UUID().uuidString).pdf"])
        #expect(pdf.status == 2)
        #expect(pdf.stderr.hasPrefix("samples/formats/inkoopdocument-jeugdhulp.pdf: redline schrijft"))
        let missing = try cli.tenderlint(["redline", "samples/formats/inkoopdocument-jeugdhulp.docx"])
        #expect(missing.status == 2)
    }
}
