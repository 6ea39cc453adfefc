import Foundation
import Testing
@testable import TenderLint
import TenderReport
import TenderRules

/// `tenderlint lint` writes text and GitHub reports document by document (`LintRun.stream`) so a
/// corpus run keeps no findings in memory. These tests hold the streamed bytes to the report of
/// the whole run, with everything that crosses documents: a baseline (used, stale, gone), a
/// configuration for one folder, a marker in a document, an unreadable file, and paths that sort
/// differently from the order the files are found in.
@Suite struct StreamingReportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    func corpus() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tenderlint-stream-\(UUID().uuidString)").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/regio-a", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: dir + "/regio-b", withIntermediateDirectories: true)
        for name in ["inkoopdocument-jeugdhulp.md", "raamovereenkomst-wmo-begeleiding.md"] {
            try fm.copyItem(atPath: Self.root + "/samples/" + name, toPath: dir + "/regio-a/" + name)
        }
        try fm.copyItem(atPath: Self.root + "/samples/programma-van-eisen-participatie.md", toPath: dir + "/regio-b/pve.md")
        try fm.copyItem(atPath: Self.root + "/samples/formats/inkoopdocument-jeugdhulp.docx", toPath: dir + "/regio-a-jeugd.docx")
        try "disable: [betaaltermijn-langer-dan-30-dagen]\ncontext:\n  - rule: omzeteis-boven-tweemaal-opdrachtwaarde\n    reason: \"Vastgesteld in de regiovisie.\"\n  - rule: omzeteis-hoog-absoluut-bedrag\n    reason: \"Vastgesteld in de regiovisie.\"\n"
            .write(toFile: dir + "/regio-b/.tenderlint.yml", atomically: true, encoding: .utf8)
        try "5.1 De aanbieder overlegt een kopie van de VOG. [tenderlint: negeer vog-afschriften-jeugd — de verordening eist dit]\n\n5.2 De aanbieder overlegt een kopie van de VOG.\n"
            .write(toFile: dir + "/regio-b/marker.md", atomically: true, encoding: .utf8)
        try Data("PK\u{3}\u{4}kapot".utf8).write(to: URL(fileURLWithPath: dir + "/kapot.docx"))
        return dir
    }

    func lintRun() throws -> LintRun {
        let catalogue = try Catalogue.load(from: Self.root + "/rules")
        return LintRun(engine: Engine(catalogue: catalogue, options: EngineOptions(tariff: .standard)), workers: 2)
    }

    @Test(arguments: ["text", "github", "json", "jsonl", "sarif", "junit", "checkstyle"])
    func streamedReportEqualsTheReportOfTheWholeRun(format: String) async throws {
        let dir = try corpus()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try lintRun()
        var settings = LintRun.Settings(rulesFolder: Self.root + "/rules")
        // A baseline that accepts one document's findings, plus an entry for a file that is gone.
        let first = try await run.run([dir + "/regio-a/inkoopdocument-jeugdhulp.md"], settings: settings).result
        var entries = Baseline(accepting: first).entries
        #expect(entries.count > 5)
        var gone = entries[0]
        gone.path = dir + "/verdwenen.md"
        gone.fingerprint = String(repeating: "f", count: gone.fingerprint.count)
        entries.append(gone)
        settings.baseline = Baseline(entries: entries)

        let whole = try await run.run([dir], settings: settings)
        let reporterType = try #require(Reporters.reporter(for: format))
        let reporter = reporterType.init(options: ReportOptions(language: .nl), catalogue: whole.catalogue)
        let expected = try reporter.report(whole.result)

        var streamedText = ""
        var totals = LintTotals(tariff: .standard)
        var order: [String] = []
        var streaming = try #require(reporter as? any StreamingReporter)
        streamedText += streaming.opening()
        let streamed = try await run.stream([dir], settings: settings) { document in
            totals.add(document)
            order.append(document.path)
            streamedText += streaming.section(document)
        }
        streamedText += streaming.closing(totals, staleBaseline: streamed.staleBaseline, errors: streamed.errors)

        #expect(order == whole.result.documents.map(\.path))
        #expect(streamed.errors == whole.result.errors)
        #expect(streamed.errors.count == 1)
        #expect(streamed.staleBaseline == whole.result.staleBaseline)
        #expect(!streamed.staleBaseline.isEmpty)
        #expect(whole.result.silenced.contains { $0.suppressionKind == .baseline })
        #expect(whole.result.silenced.contains { $0.suppressionKind == .document })
        #expect(whole.result.silenced.contains { $0.suppressionKind == .configuration })
        #expect(streamedText == expected)
    }

    /// Results come out in index order whatever order the batches finish in, and each once.
    @Test func inOrderEmitsEveryIndexOnceInOrder() async {
        var seen: [Int] = []
        await LintRun.inOrder(103, workers: 3, { i in
            // Later indices finish first within the run.
            usleep(UInt32((103 - i) % 7) * 200)
            return i * 2
        }, emit: { i, value in
            #expect(value == i * 2)
            seen.append(i)
        })
        #expect(seen == Array(0..<103))
    }
}
