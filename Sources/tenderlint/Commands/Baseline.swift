import ArgumentParser
import Foundation
import TenderDocument
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint baseline PATH… [-o .tenderlint-baseline.json]`: accepts the current findings, so
/// a CI gate with `lint --baseline` fails only on new ones.
struct BaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Leg de huidige bevindingen vast als aanvaard (baseline); `lint --baseline` meldt daarna alleen nieuwe.",
        discussion: """
        Schrijft elke actieve bevinding (na configuratie en suppressies in het document) met haar vingerafdruk, \
        pad, regel, clausule en gevonden tekst. De vingerafdruk volgt de woorden van de zin, niet het nummer of de \
        regelval: hernummeren, verplaatsen en herschikken van tekst houdt een bevinding aanvaard. \
        Onleesbare bestanden: exitcode 2 en er wordt niets geschreven.
        """)

    @OptionGroup var common: CommonOptions

    @Argument(help: "Bestanden of mappen.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Het baselinebestand dat geschreven wordt.")
    var output: String = Baseline.defaultFileName

    @Option(help: "Configuratiebestand voor alle documenten (standaard: het dichtstbijzijnde .tenderlint.yml).")
    var config: String?

    @Option(help: "Ga uit van dit domein in plaats van het te herkennen: jeugd, wmo, participatie (herhaalbaar).")
    var domain: [Domain] = []

    @Option(help: "Aantal documenten tegelijk (standaard: het aantal processorkernen).")
    var jobs: Int?

    func run() async throws {
        try await exitingOnFailure {
            let en = common.language == .en
            let configured = try await common.configuredRun(paths, config: config, domain: domain, tariff: nil,
                                                            jobs: jobs, baseline: nil)
            let result = configured.result
            for e in result.errors { printError(e.message(english: common.language == .en)) }
            // A baseline of part of the documents would turn the rest into new findings later.
            if !result.errors.isEmpty { throw ExitCode(2) }
            let baseline = Baseline(accepting: result)
            do throws(BaselineError) {
                try baseline.write(to: output, inputs: paths, english: en)
            } catch {
                throw Failure.usage(error.description(common.language))
            }
            let n = baseline.entries.count
            print(en ? "\(n) finding\(n == 1 ? "" : "s") accepted in \(output)"
                     : "\(n) bevinding\(n == 1 ? "" : "en") aanvaard in \(output)")
        }
    }
}

extension CommonOptions {
    /// Loads the catalogue, the baseline and the configurations and lints `paths`: the wiring
    /// `lint` and `baseline` share. Catalogue, configuration and baseline problems end the
    /// program with exit code 2.
    func configuredRun(_ paths: [String], config: String?, domain: [Domain], tariff: Tariff?, municipalities: Int? = nil, jobs: Int?,
                       baseline path: String?, date: DocumentDate? = nil) async throws -> LintRun.ConfiguredResult {
        let (run, settings) = try prepareRun(config: config, domain: domain, tariff: tariff, municipalities: municipalities, jobs: jobs, baseline: path, date: date)
        do {
            return try await run.run(paths, settings: settings)
        } catch {
            throw Failure.usage(error.description(language))
        }
    }

    /// As `configuredRun`, but hands each document to `emit` as soon as it is linted and keeps none.
    func streamedRun(_ paths: [String], config: String?, domain: [Domain], tariff: Tariff?, municipalities: Int? = nil, jobs: Int?, baseline path: String?, date: DocumentDate? = nil,
                     prepared: (Catalogue) throws -> Void, emit: (DocumentResult) throws -> Void) async throws -> LintRun.StreamedRun {
        let (run, settings) = try prepareRun(config: config, domain: domain, tariff: tariff, municipalities: municipalities, jobs: jobs, baseline: path, date: date)
        // The callbacks cannot throw through the run; the first failure stops writing and is rethrown.
        var failure: Error?
        let streamed: LintRun.StreamedRun
        do {
            streamed = try await run.stream(paths, settings: settings, prepared: { catalogue in
                do { try prepared(catalogue) } catch { failure = error }
            }, emit: { document in
                guard failure == nil else { return }
                do { try emit(document) } catch { failure = error }
            })
        } catch {
            throw Failure.usage(error.description(language))
        }
        if let failure { throw failure }
        return streamed
    }

    private func prepareRun(config: String?, domain: [Domain], tariff: Tariff?, municipalities: Int? = nil, jobs: Int?,
                            baseline path: String?, date: DocumentDate?) throws -> (LintRun, LintRun.Settings) {
        if let jobs, jobs < 1 { throw Failure.usage(language == .en ? "--jobs must be at least 1" : "--jobs moet minstens 1 zijn") }
        let compiled = try loadCompiledCatalogue().compiled
        var baseline: Baseline?
        if let path {
            do { baseline = try Baseline.load(path: path) } catch { throw Failure.usage(error.description(language)) }
        }
        if let municipalities, !(1...1000).contains(municipalities) {
            throw Failure.usage(language == .en ? "--municipalities-per-provider: choose 1 to 1000" : "--municipalities-per-provider: kies 1 tot en met 1000")
        }
        var options = EngineOptions(domains: domain.isEmpty ? nil : Set(domain), tariff: tariff ?? .standard,
                                    municipalitiesPerProvider: municipalities ?? BurdenDefaults.municipalitiesPerProvider)
        options.tariffFromCommandLine = tariff != nil
        options.municipalitiesFromCommandLine = municipalities != nil
        options.date = date
        let run = LintRun(engine: Engine(compiled: compiled, options: options), workers: jobs ?? LintRun.defaultWorkers)
        let settings = LintRun.Settings(configFile: config, rulesFolder: CatalogueLocator.locate(explicit: rulesFolder), baseline: baseline)
        return (run, settings)
    }
}
