/// How to start a worker: the `tenderlint` executable with its hidden `worker` subcommand and the
/// options that select its catalogue. The pool adds its limits through the environment.
public struct WorkerCommand: Sendable, Equatable {
    /// The executable's path.
    public var executable: String
    /// The arguments after the executable, e.g. `["worker", "--rules", "rules"]`.
    public var arguments: [String]
    /// Variables added to the worker's environment (the rest is inherited).
    public var environment: [String: String]
    /// The most address space a worker may use, in bytes (`RLIMIT_AS`, set by the worker on
    /// itself before it reads anything); nil: no limit.
    public var memoryLimitBytes: Int?

    public init(executable: String, arguments: [String], environment: [String: String] = [:], memoryLimitBytes: Int? = 4 << 30) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.memoryLimitBytes = memoryLimitBytes
    }

    /// Environment variables between the pool and `WorkerLoop` (not for users).
    enum Variable {
        static let memoryLimit = "TENDERLINT_WORKER_MEMORY_LIMIT"
        static let parent = "TENDERLINT_WORKER_PARENT"
        /// Test switch: with `1`, a document containing `TestCrash.marker` + a kind makes the
        /// worker fail on purpose (see `TestCrash`).
        static let testCrash = "TENDERLINT_TEST_CRASH"
    }
}
