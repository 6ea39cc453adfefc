import ArgumentParser
import Foundation
import TenderLint
import TenderReport
import TenderRules

/// Options every command shares: the catalogue and the language.
struct CommonOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: "Map met de regelcatalogus (standaard: de meegeleverde rules/).")
    var rulesFolder: String?

    @Option(name: .customLong("lang"), help: "Taal van de uitvoer: nl of en.")
    var language: Language = .nl

    /// Loads the catalogue or exits with code 2 and the catalogue errors on stderr.
    func loadCatalogue(extraFolders: [String] = []) throws -> Catalogue {
        try loadCatalogueReportingCache(extraFolders: extraFolders).catalogue
    }

    /// The catalogue compiled for matching, through the cache as `loadCatalogueReportingCache`
    /// (the compiled matcher has its own entry beside the catalogue's), and what the cache did
    /// for the catalogue and for the matcher (nil: no cache).
    func loadCompiledCatalogue() throws -> (compiled: CompiledCatalogue, catalogue: CatalogueCache.Outcome?, matcher: CatalogueCache.Outcome?) {
        let folder = try catalogueFolder()
        do {
            if let cache = CatalogueCache.standard(toolVersion: TenderlintVersion.current) {
                let loaded = try cache.loadCompiled(from: folder)
                return (loaded.compiled, loaded.catalogue, loaded.matcher)
            }
            return (CompiledCatalogue(try Catalogue.load(from: folder)), nil, nil)
        } catch {
            throw Failure.usage(error.description(language))
        }
    }

    /// The catalogue, through the catalogue cache (`CatalogueCache.standard`: `$TENDERLINT_CACHE`,
    /// `$XDG_CACHE_HOME/tenderlint` or `~/.cache/tenderlint`; `TENDERLINT_CACHE=off` reads the YAML
    /// every time), and what the cache did (nil: no cache).
    func loadCatalogueReportingCache(extraFolders: [String] = []) throws -> (catalogue: Catalogue, cache: CatalogueCache.Outcome?) {
        let folder = try catalogueFolder()
        do {
            if let cache = CatalogueCache.standard(toolVersion: TenderlintVersion.current) {
                let (catalogue, outcome) = try cache.load(from: folder, extraFolders: extraFolders)
                return (catalogue, outcome)
            }
            return (try Catalogue.load(from: folder, extraFolders: extraFolders), nil)
        } catch {
            throw Failure.usage(error.description(language))
        }
    }

    /// `--rules`, else the bundled catalogue's folder; a usage error when there is none.
    private func catalogueFolder() throws -> String {
        guard let folder = CatalogueLocator.locate(explicit: rulesFolder) else {
            throw Failure.usage(language == .en ? "rules folder not found; pass --rules DIR" : "regelcatalogus niet gevonden; geef --rules MAP")
        }
        return folder
    }
}

extension Language: ExpressibleByArgument {}
extension Domain: ExpressibleByArgument {}

/// An error that ends the program with exit code 2 after one message on stderr.
enum Failure: Error {
    case usage(String)
}

/// Prints `message` on stderr.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs `body`, turning `Failure` into its message and exit code 2.
func exitingOnFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let Failure.usage(message) {
        printError(message)
        throw ExitCode(2)
    }
}

/// Runs async `body`, turning `Failure` into its message and exit code 2.
func exitingOnFailure<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let Failure.usage(message) {
        printError(message)
        throw ExitCode(2)
    }
}

/// The hourly tariff of the burden estimates, with its source and year (`lint`, `redline`,
/// `serve`, `compare`). Given here, it wins over `burden: tariff` in `.tenderlint.yml`.
struct TariffOptions: ParsableArguments {
    @Option(help: "Uurtarief in euro voor de lastenschatting (standaard: .tenderlint.yml, anders \(Int(BurdenDefaults.tariff)), een niet geverifieerde aanname).")
    var tariff: Double?

    @Option(help: "Bron van het uurtarief, in de rapporten naast de bedragen genoemd.")
    var tariffSource: String?

    @Option(help: "Jaar waarvoor het uurtarief geldt.")
    var tariffYear: Int?

    /// The tariff the options give (nil: none given), or a usage error naming the option.
    func tariff(_ language: Language) throws -> Tariff? {
        let en = language == .en
        if let tariff, !Tariff.range.contains(tariff) {
            throw Failure.usage(en ? "--tariff: choose 1 to 1000 euros per hour" : "--tariff: kies 1 tot en met 1000 euro per uur")
        }
        if let tariffYear, !Tariff.years.contains(tariffYear) {
            throw Failure.usage(en ? "--tariff-year: choose a year from 1990 to 2100" : "--tariff-year: kies een jaar van 1990 tot en met 2100")
        }
        guard let tariff else {
            if tariffSource != nil || tariffYear != nil {
                throw Failure.usage(en ? "--tariff-source and --tariff-year need --tariff" : "--tariff-source en --tariff-year horen bij --tariff")
            }
            return nil
        }
        let source = tariffSource?.trimmingCharacters(in: .whitespacesAndNewlines)
        return Tariff(eurosPerHour: tariff, source: source?.isEmpty == false ? source : nil, year: tariffYear)
    }

    /// Engine options with the tariff the options give, which then wins over `.tenderlint.yml`.
    func engineOptions(_ language: Language) throws -> EngineOptions {
        var options = EngineOptions()
        if let tariff = try tariff(language) {
            options.tariff = tariff
            options.tariffFromCommandLine = true
        }
        return options
    }

    /// The command-line arguments that give `tariff` to a worker process.
    static func arguments(_ tariff: Tariff) -> [String] {
        // `--option=value`: a source that starts with "-" is still the option's value.
        var out = ["--tariff=\(tariff.eurosPerHour)"]
        if let s = tariff.source { out.append("--tariff-source=\(s)") }
        if let y = tariff.year { out.append("--tariff-year=\(y)") }
        return out
    }
}
