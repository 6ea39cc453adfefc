import Foundation
import Testing
import TenderFormats
import TenderLint
@testable import TenderRedline

/// The ODT and FODT copies against software nobody here wrote: LibreOffice (its own reading,
/// accept all and reject all, over UNO by Scripts/office.py, one soffice for all files) and odfpy.
@Suite(.serialized) struct OdfOfficeTests {
    static let python = "/usr/bin/python3"
    static let available = LibreOfficeAcceptTests.available

    /// The copy without its comment marks (the tracked changes exactly as written).
    static func withoutComments(_ bytes: [UInt8], flat: Bool) throws -> [UInt8] {
        var xml = try OdfRedlineTests.contentXML(bytes, flat: flat)
        xml = xml.replacingOccurrences(of: #"<office:annotation office:name="__tenderlint_\d+">.*?</office:annotation>"#, with: "", options: .regularExpression)
        xml = xml.replacingOccurrences(of: #"<office:annotation-end office:name="__tenderlint_\d+"/>"#, with: "", options: .regularExpression)
        return flat ? Array(xml.utf8) : try OdfRedlineTests.replacingEntry(bytes, "content.xml", with: Array(xml.utf8))
    }

    /// LibreOffice's own reading of every copy (one headless conversion to ODT for all): as many
    /// annotations as comments written, and as many deletions and insertions as changes.
    @Test(.enabled(if: OfficeTests.available)) func libreOfficeOpensEveryCopyAndSeesEveryCommentAndChange() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        var expected: [String: Redliner.Output] = [:]
        for sample in OdfRedlineTests.samples {
            let ext = (sample as NSString).pathExtension, base = (sample as NSString).deletingPathExtension
            let input = try OdfRedlineTests.bytes("samples/formats/\(sample)")
            let output = try OdfRedlineTests.redline(input, name: sample).output
            let key = "\(base)-\(ext)-copy"
            try Data(output.bytes).write(to: URL(fileURLWithPath: folder + "/\(key).\(ext)"))
            files.append(folder + "/\(key).\(ext)")
            expected[key] = output
        }
        let status = Support.run(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(folder)/profile",
                                  "--convert-to", "odt", "--outdir", folder + "/odt"] + files).status
        #expect(status == 0)
        for (key, output) in expected {
            let odt = [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/odt/\(key).odt")))
            let content = try #require(try Support.entry(odt, "content.xml"))
            #expect(content.matches(of: /<office:annotation[ >]/).count == output.comments, "\(key)")
            #expect(content.matches(of: /<text:deletion>/).count == output.changes, "\(key)")
            #expect(content.matches(of: /<text:insertion>/).count == output.changes, "\(key)")
        }
    }

    /// LibreOffice's own "accept all" and "reject all" over UNO. LibreOffice 7.4 without its GUI
    /// files (libreoffice-writer-nogui) aborts when a document with comments gets a view (it
    /// cannot build the comment window), so these copies have their comment marks taken out; the
    /// tracked changes are exactly as written.
    @Test(.enabled(if: available)) func libreOfficeAcceptsAndRejectsAllChanges() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var files: [String] = []
        var expected: [String: (plan: RedlinePlan, output: Redliner.Output)] = [:]
        for sample in OdfRedlineTests.samples {
            let ext = (sample as NSString).pathExtension, base = (sample as NSString).deletingPathExtension
            let input = try OdfRedlineTests.bytes("samples/formats/\(sample)")
            let (_, _, plan, output) = try OdfRedlineTests.redline(input, name: sample)
            let key = "\(base)-\(ext)"
            let copy = try Self.withoutComments(output.bytes, flat: ext == "fodt")
            try Data(copy).write(to: URL(fileURLWithPath: folder + "/\(key)-copy.\(ext)"))
            try Data(input).write(to: URL(fileURLWithPath: folder + "/\(key).\(ext)"))
            files += [folder + "/\(key)-copy.\(ext)", folder + "/\(key).\(ext)"]
            expected[key] = (plan, output)
        }
        let script = Support.path("Tests/TenderRedlineTests/Scripts/office.py")
        let run = Support.run([Self.python, script, folder + "/profile", folder] + files)
        #expect(run.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [String: Int]])
        func text(_ file: String) throws -> String { try String(contentsOfFile: folder + "/" + file, encoding: .utf8) }
        for (key, (plan, output)) in expected {
            let ext = key.hasSuffix("-fodt") ? "fodt" : "odt"
            let info = try #require(report[folder + "/\(key)-copy.\(ext)"], "\(key)")
            // One deletion and one insertion per replacement, none left after accepting or rejecting.
            #expect(info["changes"] == 2 * output.changes, "\(key)")
            #expect(info["acceptedChanges"] == 0 && info["rejectedChanges"] == 0, "\(key)")
            // Reject all gives the original text, byte for byte as LibreOffice exports it.
            #expect(try text("\(key)-copy.rejected.txt") == text("\(key).original.txt"), "\(key): reject all gives the original")
            // Accept all: the model articles are there, and the replaced demands are gone.
            let accepted = try DocumentReader().read(path: folder + "/\(key)-copy.accepted.txt")
            let after = Support.engine.lint(accepted).findings
            let acceptedText = try text("\(key)-copy.accepted.txt")
            for edit in plan.edits where edit.replacement != nil {
                #expect(!after.contains { $0.ruleId == edit.finding.ruleId && $0.matchedText == edit.finding.matchedText }, "\(key): \(edit.finding.ruleId)")
                #expect(acceptedText.contains(String(edit.replacementText.prefix(60))), "\(key): \(edit.finding.ruleId)")
            }
        }
    }

    /// A Python that has odfpy: the one on PATH (where `python3 -m pip` installs it) or the system's.
    static let odfpyPython = ["python3", "/usr/bin/python3"].first { Support.run([$0, "-c", "import odf.opendocument"]).status == 0 }
    static let odfpy = odfpyPython != nil

    /// odfpy (PyPI) reads the ODT copy's annotations: as many as comments written, by the
    /// author, and the tracked changes' regions.
    @Test(.enabled(if: odfpy)) func odfpyFindsTheAnnotations() throws {
        let folder = try Support.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = try OdfRedlineTests.bytes("samples/formats/inkoopdocument-jeugdhulp.odt")
        let output = try OdfRedlineTests.redline(input, name: "inkoopdocument-jeugdhulp.odt").output
        try Data(output.bytes).write(to: URL(fileURLWithPath: folder + "/c.odt"))
        let script = """
        import sys
        from odf.opendocument import load
        from odf import office, dc, text, teletype
        d = load(sys.argv[1])
        a = d.getElementsByType(office.Annotation)
        print("R", len(a))
        print("R", teletype.extractText(a[0].getElementsByType(dc.Creator)[0]))
        print("R", teletype.extractText(a[0].getElementsByType(text.P)[0]))
        print("R", len(d.getElementsByType(text.ChangedRegion)))
        """
        let out = Support.run([Self.odfpyPython ?? "python3", "-c", script, folder + "/c.odt"])
        #expect(out.status == 0)
        // odfpy prints a part it cannot parse to standard output (the samples' styles.xml, also
        // in the original): only the result lines count.
        let lines = out.output.split(separator: "\n").filter { $0.hasPrefix("R ") }.map { String($0.dropFirst(2)) }
        #expect(lines.first == String(output.comments))
        #expect(lines.dropFirst().first == "Proef")
        #expect(lines.dropFirst(2).first?.hasPrefix("tenderlint — ") == true)
        #expect(lines.dropFirst(3).first == String(2 * output.changes))
    }
}
