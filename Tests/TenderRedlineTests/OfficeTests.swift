import Foundation
import Testing
import TenderFormats
@testable import TenderRedline

/// The redlined copies against software nobody here wrote: LibreOffice (one headless call for
/// all samples) and python-docx.
@Suite(.serialized) struct OfficeTests {
    static let available = Support.run(["soffice", "--version"]).status == 0

    @Test(.enabled(if: available)) func libreOfficeOpensEveryCopyAndSeesEveryCommentAndChange() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var expected: [String: (comments: Int, changes: Int)] = [:]
        var files: [String] = []
        for name in DocxRedlineTests.samples {
            let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path("samples/formats/\(name).docx"))))
            let result = try Support.redline(input, name: name + ".docx").result
            let path = folder + "/\(name).docx"
            try Data(result.bytes).write(to: URL(fileURLWithPath: path))
            files.append(path)
            expected[name] = (result.comments, result.changes)
        }
        // One soffice for all copies, with a private profile.
        let status = Support.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                                  "--convert-to", "odt", "--outdir", folder + "/odt"] + files).status
        #expect(status == 0)
        for name in DocxRedlineTests.samples {
            // LibreOffice's own reading of the copy, saved as ODT: its annotations and changes.
            let odt = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/odt/\(name).odt")))
            let content = try #require(try Support.entry(odt, "content.xml"))
            let annotations = content.matches(of: /<office:annotation[ >]/).count
            let deletions = content.matches(of: /<text:deletion>/).count
            let insertions = content.matches(of: /<text:insertion>/).count
            #expect(annotations == expected[name]!.comments, "\(name)")
            #expect(deletions == expected[name]!.changes, "\(name)")
            #expect(insertions == expected[name]!.changes, "\(name)")
        }
    }

    static let pythonDocx = Support.run(["python3", "-c", "import docx"]).status == 0

    @Test(.enabled(if: pythonDocx)) func pythonDocxFindsTheComments() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Support.path("samples/formats/inkoopdocument-jeugdhulp.docx"))))
        let result = try Support.redline(input).result
        try Data(result.bytes).write(to: URL(fileURLWithPath: folder + "/c.docx"))
        let out = Support.run(["python3", "-c", "import docx,sys; d=docx.Document(sys.argv[1]); c=list(d.comments); print(len(c)); print(c[0].author); print(c[0].text.splitlines()[0])", folder + "/c.docx"])
        let lines = out.output.split(separator: "\n").map(String.init)
        #expect(lines.first == String(result.comments))
        #expect(lines.dropFirst().first == "Proef")
        #expect(lines.dropFirst(2).first?.hasPrefix("tenderlint — ") == true)
    }
}
