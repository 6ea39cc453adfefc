import ArgumentParser
import Foundation
import TenderIsolation
import TenderLint

/// `tenderlint worker`: hidden. A worker process of `serve` and `inventory scan` (see
/// `WorkerPool`): it reads length-prefixed requests on stdin and answers on stdout. Not for
/// people: it speaks a binary protocol and exits when stdin closes.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Intern: leesproces van serve en inventory scan.",
        shouldDisplay: false)

    @Option(name: .customLong("rules"), help: "Map met de regelcatalogus; zonder deze optie leest het proces alleen.")
    var rulesFolder: String?

    @OptionGroup var tariffOptions: TariffOptions

    func run() throws {
        let tariff = try exitingOnFailure { try tariffOptions.tariff(.en) }
        let status = WorkerLoop.run(WorkerLoop.Setup(rulesFolder: rulesFolder, tariff: tariff ?? .standard))
        if status != 0 { throw ExitCode(status) }
    }

    /// The command that starts a worker of this very executable.
    static func command(rulesFolder: String?, tariff: Tariff? = nil, memoryLimitMB: Int) -> WorkerCommand {
        var arguments = ["worker"]
        if let rulesFolder { arguments += ["--rules", rulesFolder] }
        if let tariff { arguments += TariffOptions.arguments(tariff) }
        return WorkerCommand(executable: executablePath, arguments: arguments, memoryLimitBytes: memoryLimitMB * 1_048_576)
    }

    /// This executable's path: `/proc/self/exe` resolved on Linux, else the first argument.
    static var executablePath: String {
        #if os(Linux)
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return resolved }
        #endif
        return Bundle.main.executablePath ?? CommandLine.arguments[0]
    }
}
