import Foundation
import Testing
import TenderFormats
import TenderLint
@testable import TenderRedline

/// LibreOffice's own "accept all" and "reject all" (driven over UNO by Scripts/office.py, one
/// soffice for all files) on the redlined samples.
///
/// LibreOffice 7.4 driven over UNO crashes loading any DOCX that holds comments (one written by
/// python-docx too), so the copies here have their comment marks taken out of the document part;
/// the tracked changes are exactly as written. (OfficeTests checks the comments via LibreOffice's
/// conversion, which does not crash.)
@Suite(.serialized) struct LibreOfficeAcceptTests {
    static let python = "/usr/bin/python3"
    static let available = Support.run(["soffice", "--version"]).status == 0 && Support.run([python, "-c", "import uno"]).status == 0

    @Test(.enabled(if: available)) func acceptGivesTheModelArticlesAndRejectGivesTheOriginal() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        var plans: [String: RedlinePlan] = [:]
        var changes: [String: Int] = [:]
        for name in DocxRedlineTests.samples {
            let source = Support.path("samples/formats/\(name).docx")
            let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
            let (_, _, plan, result) = try Support.redline(input, name: name + ".docx")
            var xml = try #require(try Support.entry(result.bytes, "word/document.xml"))
            xml = xml.replacingOccurrences(of: #"<w:commentRange(Start|End) w:id="\d+"/>"#, with: "", options: .regularExpression)
            xml = xml.replacingOccurrences(of: #"<w:r><w:commentReference w:id="\d+"/></w:r>"#, with: "", options: .regularExpression)
            let copy = try DocxRedlineTests.replacing(result.bytes, "word/document.xml", with: xml)
            try Data(copy).write(to: URL(fileURLWithPath: folder + "/\(name)-copy.docx"))
            try Data(input).write(to: URL(fileURLWithPath: folder + "/\(name).docx"))
            files += [folder + "/\(name)-copy.docx", folder + "/\(name).docx"]
            plans[name] = plan
            changes[name] = result.changes
        }
        let script = Support.path("Tests/TenderRedlineTests/Scripts/office.py")
        let run = Support.run([Self.python, script, folder + "/profile", folder] + files)
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [String: Int]])
        for name in DocxRedlineTests.samples {
            let info = try #require(report[folder + "/\(name)-copy.docx"])
            // One deletion and one insertion per replacement, none left after accepting or rejecting.
            #expect(info["changes"] == 2 * changes[name]!)
            #expect(info["acceptedChanges"] == 0 && info["rejectedChanges"] == 0)
            func text(_ file: String) throws -> String { try String(contentsOfFile: folder + "/" + file, encoding: .utf8) }
            #expect(try text("\(name)-copy.rejected.txt") == text("\(name).original.txt"), "\(name): reject all gives the original")
            let accepted = try DocumentReader().read(path: folder + "/\(name)-copy.accepted.txt")
            let after = Support.engine.lint(accepted).findings
            for edit in plans[name]!.edits where edit.replacement != nil {
                #expect(!after.contains { $0.ruleId == edit.finding.ruleId && $0.matchedText == edit.finding.matchedText }, "\(name): \(edit.finding.ruleId)")
                #expect(try text("\(name)-copy.accepted.txt").contains(String(edit.replacementText.prefix(60))))
            }
        }
    }
}
