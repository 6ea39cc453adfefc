import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import TenderServer

/// The web page in a real headless Chromium: the test starts the server on a free loopback port
/// and runs `Browser/browser_upload.py`, which uploads a sample through the page's form over the
/// DevTools protocol and checks the annotated result. Chromium is required (scripts/install-deps.sh
/// installs it); without it this test fails.
@Suite(.serialized) struct BrowserTests {
    static let script = ServerFixture.root.appendingPathComponent("Tests/TenderServerTests/Browser/browser_upload.py")

    /// Runs the browser script against `port` and returns its exit status and output.
    func runBrowser(port: Int, sample: String, screenshots: URL, extra: [String] = []) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let path = sample.hasPrefix("/") ? sample : ServerFixture.root.appendingPathComponent(sample).path
        process.arguments = ["python3", BrowserTests.script.path, "--url", "http://localhost:\(port)",
                             "--sample", path, "--screenshots", screenshots.path] + extra
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Read on a worker thread: the pipe must be drained while the script runs.
        let data = await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: output.fileHandleForReading.readDataToEndOfFile()) }
        }
        let status = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume(returning: process.terminationStatus)
            }
        }
        return (status, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: ["samples/formats/inkoopdocument-jeugdhulp.docx", "samples/raamovereenkomst-wmo-begeleiding.md"])
    func uploadThroughTheBrowserForm(sample: String) async throws {
        let screenshots = FileManager.default.temporaryDirectory
            .appendingPathComponent("tenderlint-browser-\(URL(fileURLWithPath: sample).lastPathComponent)-\(UUID().uuidString)")
        let app = try ServerFixture.server(maxUploadBytes: 20 * 1_048_576).application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let run = try await runBrowser(port: port, sample: sample, screenshots: screenshots)
            #expect(run.status == 0, "browser check failed:\n\(run.output)")
            #expect(run.output.contains("browser check passed"), "\(run.output)")
            for name in ["1-start.png", "2-result.png", "3-unreadable.png"] {
                let file = screenshots.appendingPathComponent(name).path
                #expect(FileManager.default.fileExists(atPath: file), "missing screenshot \(file)")
            }
            // The server still answers after the browser session: on a new connection, since the
            // test client's own connection may have idled past the server's limit meanwhile.
            let home = try await RawHTTP.off { try RawHTTP.exchange(port: port, "GET / HTTP/1.1\r\nHost: localhost:\(port)\r\nConnection: close\r\n\r\n") }
            #expect(home.hasPrefix("HTTP/1.1 200"), "\(home.prefix(200))")
        }
        print("screenshots of the browser test: \(screenshots.path)")
    }

    /// A ten-page tender (scripts/make-corpus.py, as the benchmark makes it) gives a result page
    /// a reader can take in: the findings listed first, everything else folded, so the page is a
    /// few screens tall (it was about 34,000 px with every panel and the whole text open).
    @Test func aTenPageTenderGivesAShortResultPage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-long-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        make.arguments = ["python3", ServerFixture.root.appendingPathComponent("scripts/make-corpus.py").path,
                          "--out", folder.path, "--count", "1", "--pages", "10", "--formats", "docx"]
        make.standardOutput = FileHandle.nullDevice
        try make.run()
        make.waitUntilExit()
        try #require(make.terminationStatus == 0, "scripts/make-corpus.py failed")
        let sample = folder.appendingPathComponent("docx/tender-00001.docx").path
        let app = try ServerFixture.server(maxUploadBytes: 20 * 1_048_576).application()
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let run = try await runBrowser(port: port, sample: sample, screenshots: folder.appendingPathComponent("shots"),
                                           extra: ["--max-height", "7000"])
            #expect(run.status == 0, "browser check failed:\n\(run.output)")
            print(run.output.split(separator: "\n").filter { $0.contains("height") }.joined(separator: "\n"))
        }
    }
}
