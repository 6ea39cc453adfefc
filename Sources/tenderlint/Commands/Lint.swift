import ArgumentParser
import Foundation
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint lint PATH…`
struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer documenten of mappen (DOCX, ODT, FODT, PDF, XML/eForms, tekst, Markdown).")

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never
    }

    @OptionGroup var common: CommonOptions

    @Argument(help: "Bestanden of mappen.")
    var paths: [String]

    @Option(help: "Uitvoerformaat: \(Reporters.identifiers.joined(separator: ", ")).")
    var format: String = "text"

    @Option(help: "Exitcode 1 bij bevindingen vanaf dit niveau: error, warning, info, never.")
    var failOn: FailOn = .warning

    @Option(help: "Ga uit van dit domein in plaats van het te herkennen: jeugd, wmo, participatie (herhaalbaar).")
    var domain: [Domain] = []

    @Option(help: "Uurtarief in euro voor de lastenschatting.")
    var tariff: Double = BurdenDefaults.tariff

    @Option(name: .shortAndLong, help: "Schrijf het rapport naar dit bestand in plaats van naar stdout.")
    var output: String?

    @Option(help: "Aantal documenten tegelijk (standaard: het aantal processorkernen).")
    var jobs: Int?

    @Option(help: "Configuratiebestand voor alle documenten (standaard: het dichtstbijzijnde .tenderlint.yml boven elk document).")
    var config: String?

    @Option(help: "Baselinebestand van `tenderlint baseline`: alleen nieuwe bevindingen tellen.")
    var baseline: String?

    func run() async throws {
        try await exitingOnFailure {
            guard let reporterType = Reporters.reporter(for: format) else {
                throw Failure.usage("onbekend formaat '\(format)'; kies uit: \(Reporters.identifiers.joined(separator: ", "))")
            }
            let configured = try await common.configuredRun(paths, config: config, domain: domain, tariff: tariff,
                                                            jobs: jobs, baseline: baseline)
            let result = configured.result
            let catalogue = configured.catalogue

            let color = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let reporter = reporterType.init(options: ReportOptions(language: common.language, color: color), catalogue: catalogue)
            // Nothing could be read: the error lines on stderr are the whole answer.
            let text = result.documents.isEmpty && !result.errors.isEmpty ? "" : try reporter.report(result)
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw Failure.usage("\(output): kan niet schrijven")
                }
            } else {
                print(text, terminator: "")
            }
            for e in result.errors { printError(e) }
            if !result.errors.isEmpty { throw ExitCode(2) }
            let threshold: Severity? = switch failOn {
            case .error: .error
            case .warning: .warning
            case .info: .info
            case .never: nil
            }
            if let threshold, result.findings.contains(where: { $0.severity >= threshold }) { throw ExitCode(1) }
        }
    }
}
