import ArgumentParser
import Foundation
import TenderCompare
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint compare --standard STANDARD DOCUMENT…` and `tenderlint compare DIR`.
struct Compare: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Vergelijk documenten clausule voor clausule met een standaard, of de documenten van een regio met elkaar.",
        discussion: """
        Met --standard: per document wat gelijk bleef, wat gewijzigd, toegevoegd en geschrapt is. Zonder --standard: \
        gelijkwaardige clausules van alle documenten gegroepeerd, met de meerderheidsformulering en wie ervan afwijkt.
        Exitcodes: 0 geen afwijking op of boven --fail-on; 1 wel (geschrapt telt als waarschuwing, gewijzigd en \
        toegevoegd als de zwaarste bevinding erop, anders als advies); 2 gebruiks- of invoerfout.
        """)

    @OptionGroup var common: CommonOptions

    @Option(help: "De standaard (modelovereenkomst) om mee te vergelijken, in elk ondersteund formaat.")
    var standard: String?

    @Argument(help: "Documenten of mappen.")
    var paths: [String]

    @Option(help: "Uitvoerformaat: \(CompareReporters.identifiers.joined(separator: ", ")).")
    var format: String = "text"

    @Option(help: "Exitcode 1 bij afwijkingen vanaf dit niveau: error, warning, info, never.")
    var failOn: Lint.FailOn = .warning

    @OptionGroup var tariffOptions: TariffOptions

    @Option(name: .shortAndLong, help: "Schrijf het rapport naar dit bestand in plaats van naar stdout.")
    var output: String?

    @Option(help: "Aantal documenten tegelijk (standaard: het aantal processorkernen).")
    var jobs: Int?

    @Flag(name: .customLong("no-lint"), help: "Zonder bevindingen van de regels bij gewijzigde en toegevoegde clausules.")
    var noLint = false

    func run() async throws {
        try await exitingOnFailure {
            let en = common.language == .en
            guard let reporterType = CompareReporters.reporter(for: format) else {
                throw Failure.usage((en ? "unknown format '\(format)'; choose from: " : "onbekend formaat '\(format)'; kies uit: ")
                    + CompareReporters.identifiers.joined(separator: ", "))
            }
            let options = try tariffOptions.engineOptions(common.language)
            let engine = noLint ? nil : Engine(compiled: try common.loadCompiledCatalogue().compiled, options: options)
            let run = CompareRun(comparator: Comparator(engine: engine, language: common.language), workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                                 tariff: options.tariff.eurosPerHour, english: en)
            let reporter = reporterType.init(options: ReportOptions(language: common.language))
            let threshold = Compare.threshold(failOn)
            let text: String
            let errors: [String]
            let fails: Bool
            if let standard {
                let result = await run.run(standard: standard, documents: paths)
                errors = result.errors
                text = result.documents.isEmpty && !errors.isEmpty ? "" : try reporter.report(result)
                fails = result.fails(at: threshold)
            } else {
                let region = await run.region(paths)
                errors = region.errors
                guard region.documents.count >= 2 || !errors.isEmpty else {
                    throw Failure.usage(en ? "compare: give --standard FILE, or at least two documents to compare with one another"
                                           : "compare: geef --standard BESTAND, of ten minste twee documenten om met elkaar te vergelijken")
                }
                guard let report = try reporter.report(region) else {
                    throw Failure.usage(en ? "compare: format '\(format)' needs --standard" : "compare: formaat '\(format)' vraagt om --standard")
                }
                text = region.documents.isEmpty ? "" : report
                fails = threshold.map { t in region.deviators.contains { $0.deviations.contains { $0.severity >= t } } } ?? false
            }
            if let output {
                do { try text.write(toFile: output, atomically: true, encoding: .utf8) } catch {
                    throw Failure.usage("\(output): " + (en ? "cannot write" : "kan niet schrijven"))
                }
            } else {
                print(text, terminator: "")
            }
            for e in errors { printError(e) }
            if !errors.isEmpty { throw ExitCode(2) }
            if fails { throw ExitCode(1) }
        }
    }

    static func threshold(_ failOn: Lint.FailOn) -> Severity? {
        switch failOn {
        case .error: return .error
        case .warning: return .warning
        case .info: return .info
        case .never: return nil
        }
    }
}
