import ArgumentParser
import Foundation
import TenderLint
import TenderReport
import TenderRules

/// `tenderlint rules`: the catalogue as a table, JSON or Markdown; `--check` runs every example.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Toon de regelcatalogus en de dekking per topic.")

    enum Format: String, ExpressibleByArgument { case table, json, markdown }

    @OptionGroup var common: CommonOptions

    @Option(help: "table, json of markdown.")
    var format: Format = .table

    @Flag(help: "Draai alle voorbeelden van alle regels en meld wat afwijkt (exitcode 1 bij afwijking).")
    var check = false

    @Flag(help: .hidden)
    var stats = false

    func run() throws {
        try exitingOnFailure {
            if stats { return try printStats() }
            let catalogue = try common.loadCatalogue()
            if check {
                let engine = Engine(catalogue: catalogue, options: EngineOptions())
                var failures = 0
                for example in catalogue.examples {
                    for prefix in ["", ExampleRunner.multibytePrefix] {
                        if let failure = ExampleRunner.check(example, engine: engine, prefix: prefix) {
                            print(failure); failures += 1
                        }
                    }
                    // The suppression mutation: a marker for the rule in the same paragraph silences it.
                    if let failure = ExampleRunner.checkSuppressed(example, engine: engine) {
                        print(failure); failures += 1
                    }
                }
                print("\(catalogue.examples.count) voorbeelden van \(catalogue.rules.count) regels; \(failures) afwijkingen")
                if failures > 0 { throw ExitCode(1) }
                return
            }
            print(try CatalogueDocumentation(catalogue: catalogue, language: common.language).render(format.rawValue), terminator: "")
        }
    }

    /// `--stats` (for benchmarks): how long loading and compiling the catalogue take, and its size.
    private func printStats() throws {
        let clock = ContinuousClock()
        let start = clock.now
        let (catalogue, cache) = try common.loadCatalogueReportingCache()
        let loaded = clock.now
        let compiled = CompiledCatalogue(catalogue)
        let done = clock.now
        // The way `lint` gets its matcher: catalogue and matcher through the cache (both hit on a second run).
        let (_, _, matcher) = try common.loadCompiledCatalogue()
        let throughCache = clock.now
        func ms(_ d: Duration) -> String { String(format: "%.1f", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
        print("rules: \(catalogue.rules.count)")
        print("models: \(catalogue.models.count)")
        print("words: \(compiled.size.words)")
        print("phrases: \(compiled.size.phrases)")
        print("load-ms: \(ms(loaded - start))")
        print("compile-ms: \(ms(done - loaded))")
        print("catalogue-cache: \(cache?.rawValue ?? "off")")
        print("compiled-cache: \(matcher?.rawValue ?? "off")")
        print("load-and-compile-through-cache-ms: \(ms(throughCache - done))")
    }
}
