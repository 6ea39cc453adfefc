import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TenderDocument
@testable import TenderServer

/// The result page's "document with changes" download, end to end: a real HTTP upload to the
/// running server (raw socket), the link on the page, the download fetched by curl, and the copy
/// opened by python-docx and odfpy (software nobody here wrote).
@Suite struct ServerRedlineTests {
    /// Runs a program; its status and standard output.
    static func run(_ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let curl = run(["curl", "--version"]).status == 0
    /// A Python that imports `module` (the one on PATH or the system's), or nil.
    static func python(with module: String) -> String? {
        ["python3", "/usr/bin/python3"].first { run([$0, "-c", "import " + module]).status == 0 }
    }
    static let pythonDocx = python(with: "docx")
    static let odfpy = python(with: "odf.opendocument")

    /// Uploads `sample` over a real connection; the result page.
    static func upload(port: Int, sample: String, query: String = "") async throws -> String {
        let bytes = try ServerFixture.sample("samples/formats/\(sample)")
        return try await RawHTTP.off { try RawHTTP.exchange(port: port, bytes: RawHTTP.upload(port: port, name: sample, bytes: bytes, query: query)) }
    }

    /// `run` off the cooperative threads (the server under test needs them).
    static func off(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await RawHTTP.off { run(arguments) }
    }

    static func temporaryFolder() throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-serve-redline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    @Test(.enabled(if: curl)) func wordUploadGivesAWordDocumentWithChanges() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let page = try await Self.upload(port: port, sample: "inkoopdocument-jeugdhulp.docx")
            let link = try #require(page.firstMatch(of: /href="(\/r\/[0-9a-f]{32}\/wijzigingen)" download>Download als Word-document met wijzigingen<\/a>/)).1
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let headers = try await Self.off(["curl", "-sS", "-D", "-", "-o", folder + "/copy.docx", "http://127.0.0.1:\(port)\(link)"]).output
            #expect(headers.hasPrefix("HTTP/1.1 200"))
            #expect(headers.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
            #expect(headers.contains("filename=\"inkoopdocument-jeugdhulp.met-wijzigingen.docx\""))
            // python-docx opens it and finds the comments, by tenderlint.
            let check = try await Self.off([Self.pythonDocx ?? "python3", "-c", "import docx,sys; d=docx.Document(sys.argv[1]); c=list(d.comments); print(len(c)); print(c[0].author); print(c[0].text.splitlines()[0])", folder + "/copy.docx"])
            if check.status == 0 {
                let lines = check.output.split(separator: "\n").map(String.init)
                #expect((Int(lines.first ?? "") ?? 0) > 0)
                #expect(lines.dropFirst().first == "tenderlint")
                #expect(lines.dropFirst(2).first?.hasPrefix("tenderlint — ") == true)
            } else {
                Issue.record("python-docx could not open the download (pip install -r scripts/test-requirements.txt)")
            }
            // The copy holds tracked changes.
            let unzip = try await Self.off(["unzip", "-p", folder + "/copy.docx", "word/document.xml"]).output
            #expect(unzip.contains("<w:ins ") && unzip.contains("<w:del "))
        }
    }

    @Test(.enabled(if: curl)) func openDocumentUploadGivesAnOpenDocumentAndTextGivesACopyAndADiff() async throws {
        let app = try ServerFixture.server().application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let page = try await Self.upload(port: port, sample: "raamovereenkomst-wmo-begeleiding.odt", query: "?lang=en")
            let link = try #require(page.firstMatch(of: /href="(\/r\/[0-9a-f]{32}\/wijzigingen)\?lang=en" download>Download as OpenDocument text with changes<\/a>/)).1
            let headers = try await Self.off(["curl", "-sS", "-D", "-", "-o", folder + "/copy.odt", "http://127.0.0.1:\(port)\(link)?lang=en"]).output
            #expect(headers.hasPrefix("HTTP/1.1 200"))
            #expect(headers.contains("application/vnd.oasis.opendocument.text"))
            // odfpy prints parts it cannot parse to standard output (the sample's styles.xml, also
            // in the original): only the line starting with "R " counts.
            let odfpy = try await Self.off([Self.odfpy ?? "python3", "-c", "import sys\nfrom odf.opendocument import load\nfrom odf import office\nprint('R', len(load(sys.argv[1]).getElementsByType(office.Annotation)))", folder + "/copy.odt"])
            if odfpy.status == 0 {
                let count = odfpy.output.split(separator: "\n").first { $0.hasPrefix("R ") }.flatMap { Int($0.dropFirst(2)) } ?? 0
                #expect(count > 0)
            } else {
                Issue.record("odfpy could not open the download (pip install -r scripts/test-requirements.txt)")
            }

            let text = try await Self.upload(port: port, sample: "inkoopdocument-jeugdhulp.txt")
            #expect(text.contains("Download de verbeterde kopie"))
            let diffLink = try #require(text.firstMatch(of: /href="(\/r\/[0-9a-f]{32}\/wijzigingen\.diff)" download>/)).1
            let diff = try await Self.off(["curl", "-sS", "http://127.0.0.1:\(port)\(diffLink)"]).output
            #expect(diff.hasPrefix("--- a/inkoopdocument-jeugdhulp.txt\n+++ b/inkoopdocument-jeugdhulp.txt\n@@ "))
            // The diff applies to the original with patch.
            try FileManager.default.copyItem(atPath: ServerFixture.root.appendingPathComponent("samples/formats/inkoopdocument-jeugdhulp.txt").path,
                                             toPath: folder + "/inkoopdocument-jeugdhulp.txt")
            try Data(diff.utf8).write(to: URL(fileURLWithPath: folder + "/fix.diff"))
            #expect(try await Self.off(["patch", "-p1", "--dry-run", "-d", folder, "-i", folder + "/fix.diff"]).status == 0)

            // A PDF is read, but no copy is offered.
            let pdf = try await Self.upload(port: port, sample: "inkoopdocument-jeugdhulp.pdf")
            #expect(pdf.contains("rapport.json"))
            #expect(!pdf.contains("/wijzigingen"))
        }
    }

    @Test func theKeptUploadsAreBoundedTogether() async throws {
        let store = ResultStore(capacity: 10, lifetime: .seconds(60), maxSourceBytes: 100)
        func entry(_ size: Int) -> ResultStore.Entry {
            let document = Document(path: "x.docx", format: .docx, contentHash: "", blocks: [])
            return ResultStore.Entry(result: .init(documents: [], errors: [], tariff: .standard), outline: .init(document, clauses: []), displayName: "x",
                                     created: .now, source: .init(bytes: Array(repeating: 0, count: size), document: document))
        }
        let a = await store.add(entry(60))
        let b = await store.add(entry(60))
        // The second upload pushed the total past the limit: the oldest result went.
        #expect(await store.entry(a) == nil)
        #expect(await store.entry(b) != nil)
        // One upload larger than the limit is not kept for a copy; its result is.
        let c = await store.add(entry(200))
        #expect(await store.entry(c)?.source == nil)
        #expect(await store.entry(b) != nil)
    }
}
