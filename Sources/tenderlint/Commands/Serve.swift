import ArgumentParser
import Foundation
import TenderLint
import TenderRules
import TenderIsolation
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

    @Option(help: "Adres om op te luisteren: 127.0.0.1, ::1 of localhost; een ander adres alleen met --allowed-host en --token of --user.")
    var host: String = "127.0.0.1"

    @Option(name: .customLong("allowed-host"), help: "Hostnaam waarop de server ook antwoordt (achter een reverse proxy; herhaalbaar).")
    var allowedHosts: [String] = []

    @Option(help: "Toegangstoken dat elk verzoek moet meesturen (Bearer, of als wachtwoord bij basic-authenticatie); ook TENDERLINT_TOKEN.")
    var token: String?

    @Option(help: "Gebruikersnaam voor basic-authenticatie; het wachtwoord komt uit TENDERLINT_PASSWORD of --password-file, nooit van de opdrachtregel.")
    var user: String?

    @Option(name: .customLong("password-file"), help: "Bestand met het wachtwoord van --user (de eerste regel).")
    var passwordFile: String?

    @Option(help: "Grootste bestand dat de pagina aanneemt, in MB.")
    var maxUploadMb: Int = 20

    @OptionGroup var tariffOptions: TariffOptions

    @Option(help: "Aantal leesprocessen: zoveel documenten worden tegelijk gecontroleerd.")
    var workers: Int = 2

    @Option(name: .customLong("max-waiting"), help: "Zoveel documenten mogen wachten op een vrij leesproces; daarboven antwoordt de pagina 'bezet'.")
    var maxWaiting: Int = 8

    @Option(name: .customLong("job-timeout"), help: "Hoogstens zoveel seconden per document; daarna wordt het leesproces gestopt.")
    var jobTimeout: Int = 60

    @Option(name: .customLong("worker-memory-mb"), help: "Hoogstens zoveel MB adresruimte per leesproces.")
    var workerMemoryMb: Int = 4096

    /// The account of `--user`: its password from `--password-file` (the first line) or else
    /// `TENDERLINT_PASSWORD`; never an option, so it stays out of the process list and the shell history.
    func account(english en: Bool) throws -> ServerConfiguration.Account? {
        guard let user else {
            if passwordFile != nil { throw Failure.usage(en ? "--password-file: only with --user" : "--password-file: alleen met --user") }
            return nil
        }
        guard !user.isEmpty, user.count <= 64, !user.contains(":"), user.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw Failure.usage(en ? "--user: 1 to 64 characters, no colon or spaces" : "--user: 1 tot 64 tekens, geen dubbele punt of spaties")
        }
        let password: String
        if let passwordFile {
            guard let data = FileManager.default.contents(atPath: passwordFile), data.count <= 4096,
                  let text = String(data: data, encoding: .utf8) else {
                throw Failure.usage(en ? "\(passwordFile): cannot read the password file (UTF-8, at most 4 KB)"
                                       : "\(passwordFile): wachtwoordbestand niet te lezen (UTF-8, hoogstens 4 kB)")
            }
            password = String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
                .trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
        } else if let env = ProcessInfo.processInfo.environment["TENDERLINT_PASSWORD"] {
            password = env
        } else {
            throw Failure.usage(en ? "--user: give the password in TENDERLINT_PASSWORD or with --password-file"
                                   : "--user: geef het wachtwoord in TENDERLINT_PASSWORD of met --password-file")
        }
        guard password.count >= 12, password.count <= 256 else {
            throw Failure.usage(en ? "--user: the password needs 12 to 256 characters" : "--user: het wachtwoord moet 12 tot 256 tekens hebben")
        }
        return ServerConfiguration.Account(user: user, password: password)
    }

    func run() async throws {
        let server = try exitingOnFailure { () throws -> TenderServer in
            guard maxUploadMb >= 1, maxUploadMb <= 64 else {
                throw Failure.usage(common.language == .en ? "--max-upload-mb: choose 1 to 64" : "--max-upload-mb: kies 1 tot en met 64")
            }
            let en = common.language == .en
            guard (1...16).contains(workers) else { throw Failure.usage(en ? "--workers: choose 1 to 16" : "--workers: kies 1 tot en met 16") }
            guard (0...1000).contains(maxWaiting) else { throw Failure.usage(en ? "--max-waiting: choose 0 to 1000" : "--max-waiting: kies 0 tot en met 1000") }
            guard (1...3600).contains(jobTimeout) else {
                throw Failure.usage(en ? "--job-timeout: choose 1 to 3600 seconds" : "--job-timeout: kies 1 tot en met 3600 seconden")
            }
            guard (256...65536).contains(workerMemoryMb) else {
                throw Failure.usage(en ? "--worker-memory-mb: choose 256 to 65536" : "--worker-memory-mb: kies 256 tot en met 65536")
            }
            // Compiled once, here, before the first request (the workers compile the same folder).
            let engine = Engine(catalogue: try common.loadCatalogue(), options: try tariffOptions.engineOptions(common.language))
            guard let folder = CatalogueLocator.locate(explicit: common.rulesFolder) else {
                throw Failure.usage(en ? "rules folder not found; pass --rules DIR" : "regelcatalogus niet gevonden; geef --rules MAP")
            }
            let worker = Worker.command(rulesFolder: folder, tariff: engine.options.tariff, memoryLimitMB: workerMemoryMb)
            var configuration = ServerConfiguration(host: host, port: port, maxUploadBytes: maxUploadMb * 1_048_576,
                                                    jobTimeout: .seconds(jobTimeout), maxConcurrentJobs: workers, maxWaitingJobs: maxWaiting)
            configuration.allowedHosts = allowedHosts
            let secret = token ?? ProcessInfo.processInfo.environment["TENDERLINT_TOKEN"]
            if let secret {
                guard secret.count >= 16, secret.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
                    throw Failure.usage(en ? "--token: at least 16 characters, no spaces" : "--token: minstens 16 tekens, geen spaties")
                }
                configuration.token = secret
            }
            configuration.account = try account(english: en)
            do throws(ServeError) {
                return try TenderServer(engine: engine, worker: worker, configuration: configuration)
            } catch {
                throw Failure.usage(error.message(english: common.language == .en))
            }
        }
        let english = common.language == .en
        do {
            try await server.warmUp()
        } catch {
            printError((english ? "tenderlint serve: " : "tenderlint serve: ") + error.reason(english: english))
            throw ExitCode(2)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        try await server.run { port in
            let url = "http://\(shownHost):\(port)/"
            let line = english ? "tenderlint serve: open \(url) in your browser (Ctrl-C stops)\n" : "tenderlint serve: open \(url) in uw browser (Ctrl-C stopt)\n"
            // Unbuffered, so a script that starts the server sees the address at once.
            FileHandle.standardOutput.write(Data(line.utf8))
        }
    }
}
