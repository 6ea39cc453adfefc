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

    /// The catalogue, through the catalogue cache (`CatalogueCache.standard`: `$TENDERLINT_CACHE`,
    /// `$XDG_CACHE_HOME/tenderlint` or `~/.cache/tenderlint`; `TENDERLINT_CACHE=off` reads the YAML
    /// every time), and what the cache did (nil: no cache).
    func loadCatalogueReportingCache(extraFolders: [String] = []) throws -> (catalogue: Catalogue, cache: CatalogueCache.Outcome?) {
        guard let folder = CatalogueLocator.locate(explicit: rulesFolder) else {
            throw Failure.usage(language == .en ? "rules folder not found; pass --rules DIR" : "regelcatalogus niet gevonden; geef --rules MAP")
        }
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
