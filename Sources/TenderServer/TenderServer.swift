import Hummingbird
import HummingbirdBasicAuth
import TenderIsolation
import TenderLint

/// `tenderlint serve`: a local web page where a tender author uploads or pastes a draft and reads
/// it back with every finding marked, explained and paired with its model article.
///
/// The engine is compiled once, before the server starts; documents are read and linted in
/// worker processes (`worker`, see `WorkerPool`), so a document that crashes, hangs or exhausts a
/// reader costs one worker and not the server; documents travel over pipes and are never written
/// to disk; the server binds to a loopback address only.
public struct TenderServer: Sendable {
    public let configuration: ServerConfiguration
    let routes: Routes

    /// A server for `engine` (already compiled) with `configuration`, whose documents are read
    /// and linted by workers started with `worker` (which must load the same catalogue).
    /// Workers start with the first upload, or with `warmUp`.
    /// - Throws: `ServeError` when the host is not a loopback address or the port is out of range.
    public init(engine: Engine, worker: WorkerCommand, configuration: ServerConfiguration = ServerConfiguration()) throws(ServeError) {
        try self.init(engine: engine, workers: WorkerPool(command: worker, size: configuration.maxConcurrentJobs), configuration: configuration)
    }

    /// A server whose documents go to an existing pool `workers` (tests share one).
    public init(engine: Engine, workers: WorkerPool, configuration: ServerConfiguration = ServerConfiguration()) throws(ServeError) {
        // Another address only for a team server: the names it answers to must be given.
        guard ServerConfiguration.isLoopback(configuration.host) || !configuration.allowedHosts.isEmpty else {
            throw .notLoopback(host: configuration.host)
        }
        // Documents of a tender in preparation are confidential: what other machines can reach
        // asks everyone to sign in.
        guard ServerConfiguration.isLoopback(configuration.host) || configuration.token != nil || configuration.account != nil else {
            throw .openWithoutSignIn(host: configuration.host)
        }
        guard (0...65535).contains(configuration.port) else { throw .badPort(configuration.port) }
        self.configuration = configuration
        self.routes = Routes(configuration: configuration,
                             service: LintService(engine: engine, workers: workers, configuration: configuration),
                             store: ResultStore(capacity: configuration.resultCapacity, lifetime: configuration.resultLifetime),
                             languageTool: LanguageToolChecker(engine: engine))
    }

    /// The worker pool (tests look at its process ids and replacements).
    public var workers: WorkerPool { routes.service.pool }

    /// Starts the workers and waits until they are ready, so `serve` fails at start-up, with the
    /// worker's own message, instead of at the first upload.
    public func warmUp() async throws(WorkerFailure) {
        try await routes.service.pool.warmUp()
    }

    /// The router with every route and the middlewares (outermost first: access log, security
    /// headers, on a team server the sign-in, error pages).
    func router() -> Router<ServerContext> {
        let router = Router(context: ServerContext.self)
        let host = configuration.host.lowercased()
        var hosts = Set(configuration.allowedHosts.map { $0.lowercased() })
        if ServerConfiguration.isLoopback(host) { hosts.insert(host) }
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware(extraHosts: hosts, maxUploadBytes: configuration.maxUploadBytes))
        // A team server: hummingbird-auth's authenticators each let in what they recognise, and
        // whatever none of them let in is refused.
        if configuration.token != nil || configuration.account != nil {
            if let token = configuration.token { router.add(middleware: TokenAuthenticator(token: token)) }
            if let account = configuration.account {
                router.add(middleware: BasicAuthenticator(users: TeamAccountRepository(account), passwordHashVerifier: TeamPasswordVerifier(),
                                                          context: ServerContext.self))
            }
            router.add(middleware: SignInRequiredMiddleware())
        }
        router.add(middleware: ErrorPageMiddleware(maxUploadBytes: configuration.maxUploadBytes))
        let routes = self.routes
        router.get("/") { request, _ in routes.home(request) }
        router.post("/lint") { request, context in try await routes.lint(request, context: context) }
        router.get("/r/:id") { request, context in
            try await routes.result(request, id: try context.parameters.require("id"))
        }
        router.get("/r/:id/:file") { request, context in
            try await routes.download(request, id: try context.parameters.require("id"), file: try context.parameters.require("file"))
        }
        // The LanguageTool API (LibreOffice, LanguageTool's add-ins and client libraries).
        router.get("/v2/languages") { _, _ in try routes.languageToolLanguages() }
        router.post("/v2/check") { request, _ in try await routes.languageToolCheck(request) }
        router.get("/regels/:id") { request, context in try routes.rulePage(request, id: try context.parameters.require("id")) }
        router.get("/assets/:name") { _, context in try routes.asset(try context.parameters.require("name")) }
        // Browsers ask for it on every page; answering "no content" keeps the log clean.
        router.get("/favicon.ico") { _, _ in Response(status: .noContent) }
        return router
    }

    /// The Hummingbird application. `onRunning` receives the bound port (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let idle = configuration.idleTimeout.components
        let idleNanoseconds = idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000
        return Application(
            router: router(),
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(idleNanoseconds))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "tenderlint"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) }
        )
    }

    /// Runs until SIGINT or SIGTERM.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService()
    }
}
