/// The limits and the address of `tenderlint serve`. The defaults suit one tender author on their
/// own machine: loopback only, one upload of at most 20 MB, two lint jobs at a time.
public struct ServerConfiguration: Sendable {
    /// The address to bind. Only loopback addresses are accepted (see `ServeError`).
    public var host: String
    /// The port; 0 lets the system choose a free one.
    public var port: Int
    /// The largest uploaded file or pasted text, in bytes.
    public var maxUploadBytes: Int
    /// How long one lint job may take (waiting in line included) before the page answers with a
    /// time-out message; a worker still busy then is killed.
    public var jobTimeout: Duration
    /// How long the whole request body may take to arrive; a body that trickles in slower is cut
    /// off with 408.
    public var bodyTimeout: Duration
    /// How long a connection may stay idle (also bounds a slow upload between packets).
    public var idleTimeout: Duration
    /// Lint jobs that run at the same time, each in a worker process of its own; more wait in line.
    public var maxConcurrentJobs: Int
    /// Requests that may wait for a job slot; beyond that the page answers "busy" (503).
    public var maxWaitingJobs: Int
    /// Results kept in memory for filters and downloads, oldest dropped first.
    public var resultCapacity: Int
    /// How long a result stays available for filters and downloads.
    public var resultLifetime: Duration
    /// Host names (as in the `Host` header) the server answers to besides loopback addresses:
    /// the name colleagues use behind a reverse proxy. Required to bind anything but loopback.
    public var allowedHosts: [String] = []
    /// When set, every request needs it (or the account's password): `Authorization: Bearer
    /// TOKEN`, or basic authentication with any user name and the token as password (what a
    /// browser asks for).
    public var token: String? = nil
    /// When set, basic authentication with this user name and password lets a request in (besides
    /// the token, when one is set too).
    public var account: Account? = nil

    /// A user name and password for basic authentication.
    public struct Account: Sendable {
        public var user: String
        public var password: String

        public init(user: String, password: String) {
            self.user = user
            self.password = password
        }
    }

    public init(host: String = "127.0.0.1", port: Int = 8080, maxUploadBytes: Int = 20 * 1_048_576,
                jobTimeout: Duration = .seconds(60), bodyTimeout: Duration = .seconds(60), idleTimeout: Duration = .seconds(30),
                maxConcurrentJobs: Int = 2, maxWaitingJobs: Int = 8,
                resultCapacity: Int = 32, resultLifetime: Duration = .seconds(3600)) {
        self.host = host
        self.port = port
        self.maxUploadBytes = maxUploadBytes
        self.jobTimeout = jobTimeout
        self.bodyTimeout = bodyTimeout
        self.idleTimeout = idleTimeout
        self.maxConcurrentJobs = maxConcurrentJobs
        self.maxWaitingJobs = maxWaitingJobs
        self.resultCapacity = resultCapacity
        self.resultLifetime = resultLifetime
    }

    /// Whether `host` names this machine only: `127.0.0.0/8`, `::1` or `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.first == "127" else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let n = Int(part) else { return false }
            return (0...255).contains(n)
        }
    }
}
