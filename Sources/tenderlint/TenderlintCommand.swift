import ArgumentParser
import Foundation
import TenderLint
import TenderReport

@main
struct TenderlintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tenderlint",
        abstract: "Controleert inkoopdocumenten voor jeugdhulp, Wmo en Participatiewet op onnodige lasten.",
        discussion: """
        Exitcodes: 0 geen bevindingen op of boven --fail-on; 1 wel; 2 gebruiks-, invoer- of configuratiefout.
        """,
        version: "tenderlint \(TenderlintVersion.current)",
        subcommands: [Lint.self, Compare.self, Redline.self, Rules.self, Explain.self, Evaluate.self, BaselineCommand.self, Serve.self, Inventory.self, Init.self, LSP.self, Worker.self],
        defaultSubcommand: Lint.self
    )

    /// ArgumentParser's main, plus one check before the process exits: output that could not be
    /// written to standard output (a full disk, `> /dev/full`) is an error, exit code 2, not a
    /// silent success. `print` writes through C's buffered stdout, so it is flushed and checked
    /// here, on every way out.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exitCheckingOutput(nil)
        } catch {
            exitCheckingOutput(error)
        }
    }

    private static func exitCheckingOutput(_ error: Error?) -> Never {
        if ReportOutput.standardOutputFailed() {
            FileHandle.standardError.write(Data("standaarduitvoer: kan niet schrijven (\(String(cString: strerror(errno))))\n".utf8))
            Foundation.exit(2)
        }
        // A usage error (unknown option, missing argument, bad value) exits 2 as documented,
        // not ArgumentParser's 64 (EX_USAGE), with its message and the usage line.
        if let error, exitCode(for: error) == .validationFailure {
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
        exit(withError: error)
    }
}
