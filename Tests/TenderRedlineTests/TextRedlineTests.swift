import Foundation
import Testing
import TenderFormats
import TenderLint
@testable import TenderRedline

@Suite struct TextRedlineTests {
    @Test(arguments: ["samples/inkoopdocument-jeugdhulp.md", "samples/formats/raamovereenkomst-wmo-begeleiding.txt"])
    func diffAppliesWithGitAndPatchAndGivesTheCorrectedCopy(_ sample: String) throws {
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path(sample))))
        let name = URL(fileURLWithPath: sample).lastPathComponent
        let document = try DocumentReader().read(bytes: input, path: name)
        let findings = Support.engine.lint(document).findings
        let plan = RedlinePlan(document: document, findings: findings, text: FindingText(catalogue: Support.engine.catalogue, language: .nl), options: Support.options)
        let result = try TextRedliner.redline(input, document: document, plan: plan)
        #expect(result.changes == plan.edits.filter { $0.replacement != nil }.count)
        #expect(result.changes > 0)
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data(input).write(to: URL(fileURLWithPath: folder + "/" + name))
        try Data(result.diff(oldName: "a/" + name, newName: "b/" + name).utf8).write(to: URL(fileURLWithPath: folder + "/fix.patch"))
        #expect(Support.run(["git", "apply", "--check", "fix.patch"], in: folder).status == 0)
        #expect(Support.run(["patch", "-p1", "--dry-run", "-i", "fix.patch"], in: folder).status == 0)
        #expect(Support.run(["patch", "-p1", "-s", "-i", "fix.patch"], in: folder).status == 0)
        let patched = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
        #expect(patched == result.corrected)
        // The replaced demands are gone from the corrected copy.
        let after = Support.engine.lint(try DocumentReader().read(bytes: patched, path: name)).findings
        for edit in plan.edits where edit.replacement != nil {
            #expect(!after.contains { $0.ruleId == edit.finding.ruleId && $0.matchedText == edit.finding.matchedText })
        }
    }

    @Test func noChangeNoDiff() {
        #expect(UnifiedDiff.make(old: Array("a\nb\n".utf8), new: Array("a\nb\n".utf8), oldName: "x", newName: "x") == "")
        #expect(UnifiedDiff.make(old: Array("a\nb\nc\n".utf8), new: Array("a\nB\nc\n".utf8), oldName: "x", newName: "y")
                == "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n")
    }
}
