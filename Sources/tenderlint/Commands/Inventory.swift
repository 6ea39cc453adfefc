import ArgumentParser
import Foundation
import TenderInventory
import TenderInventoryPostgres
import TenderIsolation
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint inventory`: corpus mode — scan many tenders into SQLite, then report the burden.
struct Inventory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Corpusmodus: scan veel aanbestedingen naar een SQLite-bestand of PostgreSQL-database en rapporteer de lasten.",
        discussion: "Zie docs/inventory.md en docs/burden.md.",
        subcommands: [Scan.self, Report.self])
}

extension Inventory {
    /// `tenderlint inventory scan PATH… --db FILE`
    struct Scan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Scan bestanden of mappen naar de database; ongewijzigde bestanden worden overgeslagen.",
            discussion: """
            Metadata per document komt uit <document>.meta.yml ernaast (municipality/gemeente, region/regio, \
            year/jaar, procedure, providers/aanbieders, domain/domein, title/titel, cpv), uit een tabel via --meta \
            of uit het pad via --meta-template; wat geen van die bronnen geeft, komt uit het document zelf \
            (een eForms-aankondiging: opdrachtgever, jaar van uitgifte, CPV-codes; de titel of eerste kop). \
            Een .tenderlint.yml geldt zoals bij `tenderlint lint`. \
            Onleesbare bestanden worden gemeld als 'pad: reden' en overgeslagen. Ctrl-C stopt netjes; \
            opnieuw draaien gaat verder waar de scan bleef. Exitcode 0 ook bij onleesbare bestanden; \
            130 na onderbreken; 2 bij een gebruiks- of databasefout.
            """)

        @OptionGroup var common: CommonOptions

        @Argument(help: "Bestanden of mappen.")
        var paths: [String]

        @Option(help: "Het SQLite-bestand (wordt aangemaakt als het niet bestaat) of postgres://gebruiker@host:poort/database.")
        var db: String

        @Option(name: .customLong("meta-template"),
                help: "Metadata uit het pad, bijvoorbeeld \"{region}/{municipality}/{year}/*\".")
        var metaTemplate: String?

        @Option(help: "Metadatatabel (CSV met ; of , of XLSX): kolom pad of bestand, en gemeente, regio, jaar, procedure, domein, aantal aanbieders, titel, cpv.")
        var meta: String?

        @Option(help: "Aantal aanbieders per aanbesteding (standaard: eerder opgeslagen waarde, anders \(BurdenDefaults.providersPerTender)).")
        var providers: Int?

        @Option(help: "Uurtarief in euro (standaard: eerder opgeslagen waarde, anders \(Int(BurdenDefaults.tariff))).")
        var tariff: Double?

        @Option(help: "Bron van het uurtarief, in het rapport naast de bedragen genoemd (bij --tariff).")
        var tariffSource: String?

        @Option(help: "Jaar waarvoor het uurtarief geldt (bij --tariff).")
        var tariffYear: Int?

        @Option(help: "Aantal documenten tegelijk (standaard: het aantal processorkernen).")
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: "Ga uit van dit domein in plaats van het te herkennen: jeugd, wmo, participatie (herhaalbaar).")
        var domain: [Domain] = []

        @Option(name: .customLong("document-timeout"), help: "Hoogstens zoveel seconden om één document te lezen; daarna telt het als onleesbaar.")
        var documentTimeout: Int = 120

        @Option(name: .customLong("worker-memory-mb"), help: "Hoogstens zoveel MB adresruimte per leesproces.")
        var workerMemoryMb: Int = 4096

        @Option(help: "Configuratiebestand voor alle documenten (standaard: het dichtstbijzijnde .tenderlint.yml boven elk document).")
        var config: String?

        func run() async throws {
            // The store as the summary names it: a PostgreSQL URL without its password.
            var location = db
            let summary: ScanSummary = try await Self.exitingOnUsageFailure {
                let en = common.language == .en
                guard jobs >= 1 else { throw Failure.usage(en ? "--jobs must be at least 1" : "--jobs moet minstens 1 zijn") }
                if let providers, providers < 1 { throw Failure.usage(en ? "--providers must be at least 1" : "--providers moet minstens 1 zijn") }
                if let tariff, !(tariff >= 0) { throw Failure.usage(en ? "--tariff must be 0 or more" : "--tariff moet 0 of meer zijn") }
                if tariff == nil, tariffSource != nil || tariffYear != nil {
                    throw Failure.usage(en ? "--tariff-source and --tariff-year need --tariff" : "--tariff-source en --tariff-year horen bij --tariff")
                }
                guard (1...86400).contains(documentTimeout) else {
                    throw Failure.usage(en ? "--document-timeout: choose 1 to 86400 seconds" : "--document-timeout: kies 1 tot en met 86400 seconden")
                }
                guard (256...65536).contains(workerMemoryMb) else {
                    throw Failure.usage(en ? "--worker-memory-mb: choose 256 to 65536" : "--worker-memory-mb: kies 256 tot en met 65536")
                }
                let catalogue = try common.loadCatalogue()
                // The inventory counts every tender itself, so a finding's burden is that of its one
                // tender: the municipalities factor is 1 here (docs/burden.md).
                var options = EngineOptions(domains: domain.isEmpty ? nil : Set(domain), municipalitiesPerProvider: 1)
                options.municipalitiesFromCommandLine = true
                guard let folder = CatalogueLocator.locate(explicit: common.rulesFolder) else {
                    throw Failure.usage(en ? "rules folder not found; pass --rules DIR" : "regelcatalogus niet gevonden; geef --rules MAP")
                }
                do throws(InventoryError) {
                    let template = try metaTemplate.map { pattern throws(InventoryError) in try PathTemplate(pattern, english: en) }
                    let table = try meta.map { path throws(InventoryError) in try MetadataTable.load(path: path, english: en) }
                    let store = try InventoryStore.open(db, english: en)
                    location = store.path
                    let parameters = try store.parameters().with(tariff: tariff, source: tariffSource, year: tariffYear, providersPerTender: providers)
                    // Every document is parsed in a worker process of its own pool (reading only:
                    // the scan lints with the engine each document's configuration asks for).
                    let workers = WorkerPool(command: Worker.command(rulesFolder: nil, memoryLimitMB: workerMemoryMb), size: jobs)
                    var scanner = InventoryScanner(
                        engine: Engine(catalogue: catalogue, options: options), template: template, jobs: jobs,
                        analysisKey: AnalysisKey.make(catalogueFolders: [folder], options: options, toolVersion: TenderlintVersion.current),
                        configuration: ScanConfiguration(configFile: config, rulesFolder: folder), language: common.language,
                        workers: workers, documentTimeLimit: .seconds(documentTimeout))
                    scanner.table = table
                    let printer = ScanProgressPrinter(terminal: isatty(STDERR_FILENO) == 1, language: common.language) { text in
                        FileHandle.standardError.write(Data(text.utf8))
                    }
                    let interruption = ScanInterruption()
                    let signals = Self.stopOnInterrupt(interruption, english: en)
                    defer {
                        signals.cancel()
                        signal(SIGINT, SIG_DFL)
                    }
                    let scanned: Result<ScanSummary, InventoryError>
                    do throws(InventoryError) {
                        scanned = .success(try await scanner.scan(paths, into: store, parameters: parameters, interruption: interruption) { event in
                            printer.handle(event)
                        })
                    } catch {
                        scanned = .failure(error)
                    }
                    await workers.shutdown()
                    return try scanned.get()
                } catch {
                    throw Failure.usage(error.message(english: en))
                }
            }
            print(ScanProgressPrinter.summaryLine(summary, database: location, language: common.language))
            if summary.interrupted { throw ExitCode(130) }
        }

        /// Runs `body`, turning `Failure` into its message on stderr and exit code 2.
        static func exitingOnUsageFailure<T>(_ body: () async throws -> T) async throws -> T {
            do {
                return try await body()
            } catch let Failure.usage(message) {
                printError(message)
                throw ExitCode(2)
            }
        }

        /// The first Ctrl-C asks the scan to stop after the documents in flight are committed;
        /// a second one ends the program at once (committed documents stay committed).
        static func stopOnInterrupt(_ interruption: ScanInterruption, english: Bool) -> any DispatchSourceSignal {
            signal(SIGINT, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            source.setEventHandler {
                interruption.request()
                signal(SIGINT, SIG_DFL)
                let note = english ? "\nStopping: saving the documents in progress (Ctrl-C again to quit now)…\n"
                                   : "\nStoppen: de documenten die bezig zijn worden nog opgeslagen (nogmaals Ctrl-C om direct te stoppen)…\n"
                FileHandle.standardError.write(Data(note.utf8))
            }
            source.resume()
            return source
        }
    }

    /// `tenderlint inventory report --db FILE --format html|csv|json [-o FILE]`
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rapport over de database: lasten per onderwerp, categorie, gemeente, regio, jaar en document.")

        @Option(help: "Het SQLite-bestand of de postgres://-URL van `inventory scan`.")
        var db: String

        @Option(help: "html, xlsx, csv (één bestand per tabel, in de map van -o), json of csv-long (één lange tabel, internationaal).")
        var format: String = "html"

        @Option(name: .customLong("csv-dialect"), help: "dutch (standaard: ; en decimale komma) of international (, en .).")
        var csvDialect: String = "dutch"

        @Option(name: .shortAndLong, help: "Schrijf het rapport naar dit bestand in plaats van naar stdout.")
        var output: String?

        @Option(name: .customLong("lang"), help: "Taal van het rapport: nl of en.")
        var language: Language = .nl

        @Option(help: "Zoveel onderwerpen, gemeenten, regio's en documenten per lijst.")
        var top: Int = 15

        @Option(help: "Rekenen met dit uurtarief in plaats van dat van de laatste scan.")
        var tariff: Double?

        @Option(help: "Bron van dat uurtarief (bij --tariff).")
        var tariffSource: String?

        @Option(help: "Jaar van dat uurtarief (bij --tariff).")
        var tariffYear: Int?

        @Option(help: "Rekenen met dit aantal aanbieders per aanbesteding in plaats van dat van de laatste scan.")
        var providers: Int?

        func run() throws {
            try exitingOnFailure {
                let en = language == .en
                let formats = InventoryReportFormat.allCases.map(\.rawValue).joined(separator: ", ")
                guard let format = InventoryReportFormat(rawValue: format) else {
                    throw Failure.usage(en ? "unknown format '\(format)'; choose from: \(formats)" : "onbekend formaat '\(format)'; kies uit: \(formats)")
                }
                guard top >= 1 else { throw Failure.usage(en ? "--top must be at least 1" : "--top moet minstens 1 zijn") }
                if let providers, providers < 1 { throw Failure.usage(en ? "--providers must be at least 1" : "--providers moet minstens 1 zijn") }
                if let tariff, !(tariff >= 0) { throw Failure.usage(en ? "--tariff must be 0 or more" : "--tariff moet 0 of meer zijn") }
                if tariff == nil, tariffSource != nil || tariffYear != nil {
                    throw Failure.usage(en ? "--tariff-source and --tariff-year need --tariff" : "--tariff-source en --tariff-year horen bij --tariff")
                }
                guard PostgresURL.names(db) || FileManager.default.fileExists(atPath: db) else {
                    throw Failure.usage(en ? "\(db): no such database; run `tenderlint inventory scan` first"
                                           : "\(db): database bestaat niet; draai eerst `tenderlint inventory scan`")
                }
                guard let dialect = CSVDialect(rawValue: csvDialect) else {
                    throw Failure.usage(en ? "--csv-dialect: choose dutch or international" : "--csv-dialect: kies dutch of international")
                }
                if format == .xlsx || format == .csv {
                    guard let output else {
                        throw Failure.usage(format == .xlsx ? (en ? "--format xlsx needs -o FILE.xlsx" : "--format xlsx vraagt -o BESTAND.xlsx")
                                                            : (en ? "--format csv needs -o FOLDER (one file per table)" : "--format csv vraagt -o MAP (één bestand per tabel)"))
                    }
                    try writeSpreadsheet(format, dialect: dialect, to: output, english: en)
                    return
                }
                let text: String
                do throws(InventoryError) {
                    let store = try InventoryStore.open(db, english: en)
                    let parameters = try store.parameters().with(tariff: tariff, source: tariffSource, year: tariffYear, providersPerTender: providers)
                    let summary = try store.summary(parameters: parameters, limit: top)
                    let options = InventoryReportOptions(language: language, toolVersion: TenderlintVersion.current,
                                                         database: PostgresURL.names(db) ? store.path : (db as NSString).lastPathComponent)
                    text = format == .html
                        ? InventoryReportFormat.html(summary, details: try store.details(parameters: parameters), options: options)
                        : try format.render(summary, options: options)
                } catch {
                    throw Failure.usage(error.message(english: en))
                }
                do throws(ReportOutput.Failure) {
                    let sink = try ReportOutput(path: output, inputs: PostgresURL.names(db) ? [] : [db], english: en)
                    try sink.write(text)
                    try sink.finish()
                } catch {
                    throw Failure.usage(error.message)
                }
            }
        }

        /// Writes the XLSX workbook to `output`, or one CSV file per table into the folder `output`.
        func writeSpreadsheet(_ format: InventoryReportFormat, dialect: CSVDialect, to output: String, english en: Bool) throws {
            do throws(InventoryError) {
                let store = try InventoryStore.open(db, english: en)
                let parameters = try store.parameters().with(tariff: tariff, source: tariffSource, year: tariffYear, providersPerTender: providers)
                let summary = try store.summary(parameters: parameters, limit: top)
                let findings = try store.findings(parameters: parameters)
                if format == .xlsx {
                    let bytes = try InventorySpreadsheet.xlsx(summary, findings: findings, language: language)
                    guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                        throw InventoryError.output(path: output, reason: en ? "cannot create the file" : "kan het bestand niet maken")
                    }
                } else {
                    do {
                        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
                    } catch {
                        throw InventoryError.output(path: output, reason: en ? "cannot create the folder" : "kan de map niet maken")
                    }
                    for file in InventorySpreadsheet.csv(summary, findings: findings, language: language, dialect: dialect) {
                        let path = (output as NSString).appendingPathComponent(file.name)
                        guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
                            throw InventoryError.output(path: path, reason: en ? "cannot create the file" : "kan het bestand niet maken")
                        }
                    }
                }
            } catch {
                throw Failure.usage(error.message(english: en))
            }
        }
    }
}
