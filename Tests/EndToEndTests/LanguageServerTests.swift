import Foundation
import Testing

/// `tenderlint lsp` driven by a real LSP client: pygls's `LanguageClient` (PyPI, pinned in
/// scripts/test-requirements.txt) runs `LSP/lsp_client_check.py` against the built binary: open,
/// diagnostics, hover, the model-article quick fix applied, debounced changes, close, shutdown.
@Suite struct LanguageServerTests {
    @Test func anEditorsClientGetsDiagnosticsHoverAndTheModelArticleFix() throws {
        let root = CommandLineTests.root
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        let executable = FileManager.default.isExecutableFile(atPath: binary.path) ? binary.path : root.appendingPathComponent(".build/debug/tenderlint").path
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("Tests/EndToEndTests/LSP/lsp_client_check.py").path,
                             "--binary", executable, "--rules", root.appendingPathComponent("rules").path, "--folder", folder.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        #expect(process.terminationStatus == 0, "LSP client check failed (pip install -r scripts/test-requirements.txt):\n\(text)")
        #expect(text.contains("lsp client check passed"), "\(text)")
    }

    @Test func aConfigurationAboveTheFileApplies() throws {
        // The same discovery as `lint`: a .tenderlint.yml that disables the rule silences it in the editor.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tl-lsp-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 1\ndisable: [vog-afschriften-jeugd]\n".write(to: folder.appendingPathComponent(".tenderlint.yml"), atomically: true, encoding: .utf8)
        let uri = folder.appendingPathComponent("concept.md").absoluteString
        let text = "7.1 De aanbieder levert een kopie van hun Verklaring Omtrent het Gedrag van alle medewerkers.\n"
        func frame(_ object: [String: Any]) throws -> Data {
            let body = try JSONSerialization.data(withJSONObject: object)
            return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        var input = Data()
        input += try frame(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [String: Any]()]])
        input += try frame(["jsonrpc": "2.0", "method": "textDocument/didOpen",
                            "params": ["textDocument": ["uri": uri, "languageId": "markdown", "version": 1, "text": text]]])
        let root = CommandLineTests.root
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        let process = Process()
        process.executableURL = FileManager.default.isExecutableFile(atPath: binary.path) ? binary : root.appendingPathComponent(".build/debug/tenderlint")
        process.arguments = ["lsp", "--rules", root.appendingPathComponent("rules").path]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(input)
        // Read until the diagnostics arrive, then shut down.
        var received = Data()
        let deadline = Date().addingTimeInterval(30)
        while !String(decoding: received, as: UTF8.self).contains("publishDiagnostics"), Date() < deadline {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        stdin.fileHandleForWriting.write(try frame(["jsonrpc": "2.0", "id": 2, "method": "shutdown"]) + frame(["jsonrpc": "2.0", "method": "exit"]))
        try stdin.fileHandleForWriting.close()
        received += stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let answer = String(decoding: received, as: UTF8.self)
        #expect(answer.contains("\"method\":\"textDocument/publishDiagnostics\""), "\(answer.prefix(500))")
        #expect(!answer.contains("vog-afschriften-jeugd"), "the configuration disables the rule: \(answer.prefix(800))")
        #expect(process.terminationStatus == 0, "exit after shutdown is 0")
    }
}
