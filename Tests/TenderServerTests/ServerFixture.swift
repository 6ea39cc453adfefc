import Foundation
import Hummingbird
import HummingbirdTesting
import TenderIsolation
import TenderLint
import TenderRules
@testable import TenderServer

/// What the server tests share: the repository, the engine built once from the bundled rules,
/// servers with test limits, and request bodies as a browser would send them.
enum ServerFixture {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// The engine of the repository's own catalogue, compiled once for all tests.
    static let engine: Result<Engine, CatalogueErrors> = Result { () throws(CatalogueErrors) in
        Engine(catalogue: try Catalogue.load(from: root.appendingPathComponent("rules").path))
    }

    static func sample(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// The `tenderlint` executable the build made next to the test bundle (the EndToEnd tests'
    /// dependency on it makes sure it is built), falling back to `.build/debug`.
    static let executable: String = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("tenderlint")
        return FileManager.default.isExecutableFile(atPath: beside.path) ? beside.path : root.appendingPathComponent(".build/debug/tenderlint").path
    }()

    /// Workers of the built executable over the repository's catalogue. `crashSwitch` turns on
    /// the test-only `TENDERLINT-TEST-CRASH:<kind>` marker; `memoryMB` is the address-space limit.
    static func worker(crashSwitch: Bool = false, memoryMB: Int = 4096) -> WorkerCommand {
        WorkerCommand(executable: executable, arguments: ["worker", "--rules", root.appendingPathComponent("rules").path],
                      environment: crashSwitch ? ["TENDERLINT_TEST_CRASH": "1"] : [:], memoryLimitBytes: memoryMB * 1_048_576)
    }

    /// A server with small limits so that limits can be tested without huge bodies.
    static func server(maxUploadBytes: Int = 1_048_576, maxConcurrentJobs: Int = 2, maxWaitingJobs: Int = 16,
                       jobTimeout: Duration = .seconds(60), bodyTimeout: Duration = .seconds(60),
                       worker: WorkerCommand? = nil) throws -> TenderServer {
        let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, maxUploadBytes: maxUploadBytes, jobTimeout: jobTimeout,
                                                bodyTimeout: bodyTimeout, maxConcurrentJobs: maxConcurrentJobs, maxWaitingJobs: maxWaitingJobs)
        guard let worker else { return try TenderServer(engine: try engine.get(), workers: sharedWorkers, configuration: configuration) }
        return try TenderServer(engine: try engine.get(), worker: worker, configuration: configuration)
    }

    /// The workers of the servers without a worker command of their own: two for the whole
    /// suite, so that the many servers of the tests do not each compile the catalogue again.
    static let sharedWorkers = WorkerPool(command: worker(), size: 2)

    static let boundary = "----tenderlintTestBoundary7MA4YWxkTrZu0gW"

    /// A `multipart/form-data` body with a file part and text fields.
    static func multipart(file: (name: String, bytes: [UInt8])? = nil, fields: [(String, String)] = []) -> ByteBuffer {
        var body: [UInt8] = []
        func add(_ s: String) { body.append(contentsOf: Array(s.utf8)) }
        if let file {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            body.append(contentsOf: file.bytes)
            add("\r\n")
        }
        for (name, value) in fields {
            add("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        add("--\(boundary)--\r\n")
        return ByteBuffer(bytes: body)
    }

    static var multipartHeaders: HTTPFields {
        [.contentType: "multipart/form-data; boundary=\(boundary)"]
    }

    /// A Dutch paragraph that the bundled catalogue flags (asked for per medewerker: a VOG the Jeugdwet already requires).
    static let flaggedText = """
    # Concept raamovereenkomst jeugdhulp

    ## Artikel 7 Personeel

    7.1 De aanbieder levert ieder kwartaal een overzicht van alle medewerkers met een kopie van hun Verklaring Omtrent het Gedrag.

    7.2 De aanbieder levert elk kwartaal een productieverantwoording en een tussentijdse rapportage over wachttijden in een eigen format van de gemeente.
    """
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }
}
