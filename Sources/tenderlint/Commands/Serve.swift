import ArgumentParser
import Foundation
import TenderLint
import TenderRules
import TenderServer

/// `tenderlint serve`: the local web page.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start een webpagina op deze computer: sleep een concept erin en lees het terug met alle lasten gemarkeerd.",
        discussion: """
        De pagina draait alleen op dit apparaat (127.0.0.1). Documenten worden in het geheugen gelezen en nergens opgeslagen.
        Engelse pagina: voeg ?lang=en toe aan het adres. Stoppen: Ctrl-C.
        """)

    @OptionGroup var common: CommonOptions

    @Option(help: "Poort; 0 kiest een vrije poort.")
    var port: Int = 8080

    @Option(help: "Adres om op te luisteren: alleen 127.0.0.1, ::1 of localhost.")
    var host: String = "127.0.0.1"

    @Option(help: "Grootste bestand dat de pagina aanneemt, in MB.")
    var maxUploadMb: Int = 20

    @Option(help: "Uurtarief in euro voor de lastenschatting.")
    var tariff: Double = BurdenDefaults.tariff

    func run() async throws {
        let server = try exitingOnFailure { () throws -> TenderServer in
            guard maxUploadMb >= 1, maxUploadMb <= 64 else {
                throw Failure.usage(common.language == .en ? "--max-upload-mb: choose 1 to 64" : "--max-upload-mb: kies 1 tot en met 64")
            }
            // Compiled once, here, before the first request.
            let engine = Engine(catalogue: try common.loadCatalogue(), options: EngineOptions(tariff: tariff))
            let configuration = ServerConfiguration(host: host, port: port, maxUploadBytes: maxUploadMb * 1_048_576)
            do throws(ServeError) {
                return try TenderServer(engine: engine, configuration: configuration)
            } catch {
                throw Failure.usage(error.message(english: common.language == .en))
            }
        }
        let english = common.language == .en
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let url = "http://\(shownHost):\(port)/"
            let line = english ? "tenderlint serve: open \(url) in your browser (Ctrl-C stops)\n" : "tenderlint serve: open \(url) in uw browser (Ctrl-C stopt)\n"
            // Unbuffered, so a script that starts the server sees the address at once.
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
