import ArgumentParser
import Foundation
import TenderLint
import TenderLSP
import TenderRules

/// `tenderlint lsp`: the Language Server for editors (Markdown and text).
struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Taalserver (Language Server Protocol) over stdin/stdout voor editors: meldingen terwijl u schrijft.",
        discussion: "Start dit niet zelf: de editor start het (zie docs/editors.md).")

    @OptionGroup var common: CommonOptions

    @Option(help: "Wacht zoveel milliseconden na een wijziging voordat opnieuw wordt gecontroleerd.")
    var debounceMs: Int = 300

    @Flag(help: "Geen effect: editors geven dit soms mee voor de stdio-verbinding.")
    var stdio = false

    func run() throws {
        let (engine, folder) = try exitingOnFailure { () throws -> (Engine, String?) in
            guard (0...10_000).contains(debounceMs) else {
                throw Failure.usage(common.language == .en ? "--debounce-ms: choose 0 to 10000" : "--debounce-ms: kies 0 tot en met 10000")
            }
            let catalogue = try common.loadCatalogue()
            return (Engine(catalogue: catalogue), CatalogueLocator.locate(explicit: common.rulesFolder))
        }
        let server = LanguageServer(engine: engine, language: common.language, rulesFolder: folder, debounceMilliseconds: debounceMs)
        let code = server.run()
        if code != 0 { throw ExitCode(code) }
    }
}
