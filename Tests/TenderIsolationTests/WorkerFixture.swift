import Foundation
import TenderIsolation
import TenderLint
import TenderRules

/// The built `tenderlint` executable and worker commands over it.
enum WorkerFixture {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    static var rulesFolder: String { root.appendingPathComponent("rules").path }

    /// The executable the build made next to the test bundle (EndToEndTests depend on it, so it
    /// is built with the tests), falling back to `.build/debug`.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        return FileManager.default.isExecutableFile(atPath: beside.path) ? beside.path : root.appendingPathComponent(".build/debug/tenderlint").path
    }()

    /// A worker that only reads, or reads and lints with the repository's catalogue.
    static func command(lints: Bool = false, crashSwitch: Bool = true, memoryMB: Int = 1024) -> WorkerCommand {
        WorkerCommand(executable: executable, arguments: ["worker"] + (lints ? ["--rules", rulesFolder] : []),
                      environment: crashSwitch ? ["TENDERLINT_TEST_CRASH": "1"] : [:], memoryLimitBytes: memoryMB * 1_048_576)
    }

    static func read(_ name: String) -> WorkerRequest {
        WorkerRequest(task: .read, name: name, language: .nl, maxFileBytes: 64 * 1_048_576)
    }

    static let text = """
    # Raamovereenkomst jeugdhulp

    ## Artikel 7 Personeel

    7.1 De aanbieder levert ieder kwartaal een overzicht van alle medewerkers met een kopie van hun Verklaring Omtrent het Gedrag.
    """

    /// A Markdown document that carries the test crash marker for `kind`.
    static func crashing(_ kind: String) -> [UInt8] {
        Array((text + "\n\nTENDERLINT-TEST-CRASH:\(kind)\n").utf8)
    }

    static func crasher(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent("Tests/TenderIsolationTests/Crashers/\(name)")))
    }

    /// The engine of the repository's catalogue, compiled once.
    static let engine: Result<Engine, CatalogueErrors> = Result { () throws(CatalogueErrors) in
        Engine(catalogue: try Catalogue.load(from: rulesFolder))
    }

    /// Whether a process with `pid` still exists (a zombie counts as gone: it was reaped or not,
    /// it runs no code).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) == 0 }
        // The state follows the command name in parentheses: `123 (tenderlint) R …`.
        guard let close = status.lastIndex(of: ")") else { return false }
        let state = status[status.index(close, offsetBy: 2)]
        return state != "Z" && state != "X"
    }
}
