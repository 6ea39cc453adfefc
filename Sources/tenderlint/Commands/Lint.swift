import ArgumentParser
import Foundation
import TenderDocument
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint lint PATH…`
struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Controleer documenten of mappen (DOCX, ODT, FODT, PDF, XML/eForms, tekst, Markdown).")

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error, warning, info, never

        /// Whether active findings at or above this level make the run fail (exit code 1).
        func fails(_ totals: LintTotals) -> Bool {
            let threshold: Severity
            switch self {
            case .error: threshold = .error
            case .warning: threshold = .warning
            case .info: threshold = .info
            case .never: return false
            }
            return Severity.allCases.contains { $0 >= threshold && totals.count($0) > 0 }
        }
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

    @OptionGroup var tariffOptions: TariffOptions

    @Option(help: "Beoordeel elk document naar het recht van deze datum (jjjj-mm-dd), in plaats van zijn eigen datum.")
    var date: String?

    @Option(help: "Gemeenten per aanbieder die elk deze eisen stellen, factor in de lastenschatting (standaard: .tenderlint.yml, anders \(BurdenDefaults.municipalitiesPerProvider); 1 telt alleen deze aanbesteding).")
    var municipalitiesPerProvider: Int?

    @Option(name: .shortAndLong, help: "Schrijf het rapport naar dit bestand in plaats van naar stdout.")
    var output: String?

    @Option(help: "Aantal documenten tegelijk (standaard: het aantal processorkernen).")
    var jobs: Int?

    @Option(help: "Configuratiebestand voor alle documenten (standaard: het dichtstbijzijnde .tenderlint.yml boven elk document).")
    var config: String?

    @Option(help: "Baselinebestand van `tenderlint baseline`: alleen nieuwe bevindingen tellen.")
    var baseline: String?

    @Option(help: "Alleen deze regels, topics of categorieën melden (herhaalbaar of met komma's).")
    var select: [String] = []

    @Option(help: "Deze regels, topics of categorieën niet melden (herhaalbaar of met komma's).")
    var ignore: [String] = []

    @Option(help: "Kleur: auto (alleen op een terminal en zonder NO_COLOR), always of never.")
    var color: ColorChoice = .auto

    @Flag(name: .shortAndLong, help: "Geen samenvatting (text en compact): alleen de bevindingen.")
    var quiet = false

    @Flag(name: .customLong("allow-empty"), help: "Een map zonder documenten is geen fout.")
    var allowEmpty = false

    /// `--date` as the date every document is judged by; a usage error when it is no date.
    func documentDate() throws -> DocumentDate? {
        guard let date else { return nil }
        guard let parsed = DocumentDate(day: date, source: .option) else {
            throw Failure.usage(common.language == .en ? "--date: '\(date)' is not a date written yyyy-mm-dd"
                                                       : "--date: '\(date)' is geen datum in de vorm jjjj-mm-dd")
        }
        return parsed
    }

    enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, always, never
    }

    func run() async throws {
        try await exitingOnFailure {
            guard let reporterType = Reporters.reporter(for: format) else {
                throw Failure.usage("onbekend formaat '\(format)'; kies uit: \(Reporters.identifiers.joined(separator: ", "))")
            }
            let color: Bool
            switch self.color {
            case .always: color = true
            case .never: color = false
            case .auto: color = output == nil && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            }
            let selection = try FindingSelection(select: select, ignore: ignore, catalogue: select.isEmpty && ignore.isEmpty ? nil : common.loadCatalogue(),
                                                 english: common.language == .en)
            let input = try StandardInput.substitute(paths, english: common.language == .en)
            defer { input.remove() }
            try requireDocuments(input.paths)
            if reporterType is any StreamingReporter.Type {
                try await streamed(reporterType, color: color, paths: input.paths, selection: selection, input: input)
                return
            }
            let configured = try await common.configuredRun(input.paths, config: config, domain: domain, tariff: tariffOptions.tariff(common.language), municipalities: municipalitiesPerProvider,
                                                            jobs: jobs, baseline: baseline, date: documentDate())
            var result = configured.result
            result.documents = result.documents.map { input.rename(selection.apply($0)) }
            let catalogue = configured.catalogue

            let reporter = reporterType.init(options: ReportOptions(language: common.language, color: color), catalogue: catalogue)
            // Nothing could be read: the error lines on stderr are the whole answer.
            let text = result.documents.isEmpty && !result.errors.isEmpty ? "" : try reporter.report(result)
            do throws(ReportOutput.Failure) {
                let sink = try ReportOutput(path: output, inputs: paths, english: common.language == .en)
                try sink.write(text)
                try sink.finish()
            } catch {
                throw Failure.usage(error.message)
            }
            for e in result.errors { printError(input.rename(e.message(english: common.language == .en))) }
            if !result.errors.isEmpty { throw ExitCode(2) }
            if failOn.fails(result.totals) { throw ExitCode(1) }
        }
    }

    /// The report written document by document as the run goes (text, github): memory stays
    /// bounded on a corpus of any size. The bytes are the same as `report(_:)` of the whole run.
    private func streamed(_ reporterType: any Reporter.Type, color: Bool, paths: [String], selection: FindingSelection, input: StandardInput) async throws {
        let sink: ReportOutput
        do throws(ReportOutput.Failure) {
            sink = try ReportOutput(path: output, inputs: paths, english: common.language == .en)
        } catch {
            throw Failure.usage(error.message)
        }
        var reporter: (any StreamingReporter)?
        var opening = ""
        let tariff = try tariffOptions.tariff(common.language)
        var totals = LintTotals(tariff: tariff ?? .standard)
        let run = try await common.streamedRun(paths, config: config, domain: domain, tariff: tariff, municipalities: municipalitiesPerProvider, jobs: jobs, baseline: baseline, date: documentDate(),
                                               prepared: { catalogue in
            reporter = reporterType.init(options: ReportOptions(language: common.language, color: color), catalogue: catalogue) as? any StreamingReporter
            opening = reporter?.opening() ?? ""
        }, emit: { linted in
            let document = input.rename(selection.apply(linted))
            totals.add(document)
            // The opening is written with the first document: a run that reads nothing writes nothing.
            if !opening.isEmpty {
                let text = opening
                opening = ""
                try reportingWriteFailure { () throws(ReportOutput.Failure) in try sink.write(text) }
            }
            if let section = reporter?.section(document) {
                try reportingWriteFailure { () throws(ReportOutput.Failure) in try sink.write(section) }
            }
        })
        // Nothing could be read: the error lines on stderr are the whole answer.
        if reporter != nil, !(totals.documents == 0 && !run.errors.isEmpty), !(quiet && (format == "text" || format == "compact")) {
            let closing = opening + (reporter?.closing(totals, staleBaseline: run.staleBaseline, errors: run.errors) ?? "")
            try reportingWriteFailure { () throws(ReportOutput.Failure) in try sink.write(closing) }
        }
        try reportingWriteFailure { () throws(ReportOutput.Failure) in try sink.finish() }
        for e in run.errors { printError(input.rename(e.message(english: common.language == .en))) }
        if !run.errors.isEmpty { throw ExitCode(2) }
        if failOn.fails(totals) { throw ExitCode(1) }
    }

    /// A folder (or a pattern the shell expanded to a folder) without any document is a mistake
    /// in the command, not a clean run: exit 2 unless `--allow-empty`.
    private func requireDocuments(_ paths: [String]) throws {
        guard !allowEmpty else { return }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { continue }
            if FileCollector.collect([path]).files.isEmpty {
                throw Failure.usage(common.language == .en ? "\(path): no documents in this folder (--allow-empty allows it)"
                                                           : "\(path): geen documenten in deze map (--allow-empty staat dit toe)")
            }
        }
    }
}

/// Runs `body`, turning a write failure into `Failure.usage` (one line, exit code 2).
func reportingWriteFailure(_ body: () throws(ReportOutput.Failure) -> Void) throws {
    do throws(ReportOutput.Failure) { try body() } catch { throw Failure.usage(error.message) }
}
