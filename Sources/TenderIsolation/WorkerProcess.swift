import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One worker child process, seen from the parent: started with `posix_spawn` in a process group
/// of its own, fed over a pipe (its stdin), answering over another (its stdout), its stderr kept
/// as a short tail for the reason of a crash.
///
/// Blocking calls (`waitUntilReady`, `exchange`) run on the worker's own serial queue, never on
/// Swift's cooperative threads. `kill` may be called from any thread: it is how a time limit
/// stops the work.
///
/// Safety: `@unchecked Sendable` because the mutable state (`ready`, `reaped`, the job token and
/// the kill flag) is only touched while holding `lock`; the file descriptors are immutable and
/// closed once, in `deinit`.
final class WorkerProcess: @unchecked Sendable {
    let pid: pid_t
    /// The parent's ends: write requests to `requests`, read replies from `replies`.
    private let requests: Int32
    private let replies: Int32
    private let stderrTail: StderrTail
    let queue: DispatchQueue

    private let lock = NSLock()
    private var ready = false
    private var termination: Termination?
    private var currentJob: UInt64 = 0
    private var jobActive = false
    private var killedByLimit = false
    private var killed = false

    /// How a child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Someone else reaped it (the status is unknown).
        case unknown
    }

    private init(pid: pid_t, requests: Int32, replies: Int32, stderrTail: StderrTail) {
        self.pid = pid
        self.requests = requests
        self.replies = replies
        self.stderrTail = stderrTail
        self.queue = DispatchQueue(label: "tenderlint.worker.\(pid)")
    }

    deinit {
        kill()
        _ = reap()
        close(requests)
        close(replies)
    }

    // MARK: Starting

    /// Serialises pipe creation and spawning, so no other child of ours inherits a pipe end
    /// between `pipe` and `fcntl(FD_CLOEXEC)`.
    private static let spawnLock = NSLock()

    /// Starts `command`. Fails with `startFailed` when the executable cannot be started.
    static func spawn(_ command: WorkerCommand) throws(WorkerFailure) -> WorkerProcess {
        _ = ignoreSIGPIPE
        spawnLock.lock()
        defer { spawnLock.unlock() }
        var toChild: [Int32] = [-1, -1], fromChild: [Int32] = [-1, -1], errors: [Int32] = [-1, -1]
        guard pipe(&toChild) == 0 else { throw .startFailed("pipe: \(String(cString: strerror(errno)))") }
        guard pipe(&fromChild) == 0 else {
            closeAll(toChild)
            throw .startFailed("pipe: \(String(cString: strerror(errno)))")
        }
        guard pipe(&errors) == 0 else {
            closeAll(toChild + fromChild)
            throw .startFailed("pipe: \(String(cString: strerror(errno)))")
        }
        for fd in toChild + fromChild + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        // Nothing else of the parent's (listening sockets, databases, other workers' pipes).
        closeFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own process group: a kill reaches anything it starts (pdftotext), and Ctrl-C in
        // the terminal reaches only the parent, which decides.
        var flags = Int32(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
        flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        var environment = ProcessInfo.processInfo.environment
        for (key, value) in command.environment { environment[key] = value }
        environment[WorkerCommand.Variable.parent] = String(getpid())
        if let limit = command.memoryLimitBytes {
            environment[WorkerCommand.Variable.memoryLimit] = String(limit)
        } else {
            environment.removeValue(forKey: WorkerCommand.Variable.memoryLimit)
        }
        // A crash is expected and handled: no symbolicated backtrace that takes seconds.
        environment["SWIFT_BACKTRACE"] = "enable=no"

        let argv = [command.executable] + command.arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { cArgv in
            withCStrings(envp) { cEnvp in
                posix_spawn(&pid, command.executable, &actions, &attributes, cArgv, cEnvp)
            }
        }
        close(toChild[0])
        close(fromChild[1])
        close(errors[1])
        guard status == 0 else {
            close(toChild[1])
            close(fromChild[0])
            close(errors[0])
            throw .startFailed("\(command.executable): \(String(cString: strerror(status)))")
        }
        return WorkerProcess(pid: pid, requests: toChild[1], replies: fromChild[0], stderrTail: StderrTail(fd: errors[0]))
    }

    /// A write to a pipe whose reader died must fail with `EPIPE`, not end this process.
    private static let ignoreSIGPIPE: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    private static func closeAll(_ fds: [Int32]) {
        for fd in fds where fd >= 0 { close(fd) }
    }

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34) when the C library has it; the
    /// Swift overlay does not import it, so it is looked up by name.
    private static func closeFrom(_ actions: inout posix_spawn_file_actions_t, _ fd: Int32) {
        #if canImport(Glibc)
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, fd)
        #endif
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { for p in pointers { free(p) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    // MARK: Jobs

    /// Blocks until the worker says it is ready (reads its hello frame once).
    func waitUntilReady() throws(Frames.Failure) {
        lock.lock()
        let isReady = ready
        lock.unlock()
        if isReady { return }
        let frame = try Frames.read(replies, maxBytes: 4096)
        guard (try? WorkerCoding.decoder().decode(WorkerHello.self, from: Data(frame))) != nil else { throw .truncated }
        lock.lock()
        ready = true
        lock.unlock()
    }

    /// Sends one request: its JSON header and the document's bytes.
    func send(header: [UInt8], payload: [UInt8]) throws(Frames.Failure) {
        try Frames.write(requests, header)
        try Frames.write(requests, payload)
    }

    /// Blocks until the reply frame arrives.
    func receive(maxReplyBytes: Int) throws(Frames.Failure) -> [UInt8] {
        try Frames.read(replies, maxBytes: maxReplyBytes)
    }

    /// Marks the start of a job; the token lets a late timer tell its own job from the next one.
    func beginJob() -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        currentJob += 1
        jobActive = true
        stderrTail.clear()
        return currentJob
    }

    /// Marks the end of the job; true when a limit killed the worker during it.
    func endJob() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        jobActive = false
        return killedByLimit
    }

    /// Kills the worker if `job` is still running: the time limit passed.
    func expire(job: UInt64) {
        lock.lock()
        let hit = jobActive && currentJob == job && !killed
        if hit { killedByLimit = true }
        lock.unlock()
        if hit { kill() }
    }

    /// Kills the worker's whole process group (idempotent).
    func kill() {
        lock.lock()
        let first = !killed && termination == nil
        killed = true
        lock.unlock()
        guard first else { return }
        // The group first (anything it started), then the worker itself in case it left it.
        _ = sendSignal(-pid, SIGKILL)
        _ = sendSignal(pid, SIGKILL)
    }

    /// Whether the worker has already ended (killed from outside while idle, say), without
    /// waiting; reaps it when it has.
    func hasEnded() -> Bool {
        lock.lock()
        if termination != nil { lock.unlock(); return true }
        lock.unlock()
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, WNOHANG) } while result < 0 && errno == EINTR
        let ended: Termination
        if result == pid {
            let signal = status & 0x7F
            ended = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        } else if result < 0 && errno == ECHILD, Glibc.kill(pid, 0) != 0 {
            // Reaped elsewhere and gone: it ended, how is not known any more.
            ended = .unknown
        } else {
            return false
        }
        lock.lock()
        termination = ended
        lock.unlock()
        return true
    }

    /// Waits for the worker to end and says how it ended (once; later calls repeat the answer).
    /// Only call after `kill` or once its pipe has closed, or it blocks until the worker exits.
    func reap() -> Termination {
        lock.lock()
        if let termination {
            lock.unlock()
            return termination
        }
        lock.unlock()
        var status: Int32 = 0
        var result: pid_t
        repeat { result = waitpid(pid, &status, 0) } while result < 0 && errno == EINTR
        let ended: Termination
        if result == pid {
            // WIFEXITED / WTERMSIG by hand: the C macros are not imported.
            let signal = status & 0x7F
            ended = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        } else {
            ended = .unknown
        }
        lock.lock()
        termination = ended
        lock.unlock()
        return ended
    }

    /// The most telling line the worker wrote on stderr during the current job. After the worker
    /// died, waits up to `wait` for its stderr to close, so the last line is not missed.
    func lastWords(wait: Duration = .seconds(1)) -> String? {
        stderrTail.waitForEnd(wait)
        return stderrTail.lastWords
    }
}

private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.kill(pid, signal)
    #else
    return Darwin.kill(pid, signal)
    #endif
}

/// Reads a worker's stderr on a thread of its own until it closes, keeping the last few
/// kilobytes so a crash can be explained by the runtime's own message.
///
/// Safety: `@unchecked Sendable` because `tail` is only touched while holding `lock`.
final class StderrTail: @unchecked Sendable {
    private let lock = NSLock()
    private var tail: [UInt8] = []
    private let ended = DispatchSemaphore(value: 0)
    static let keep = 4096

    init(fd: Int32) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                self.append(buffer[0..<n])
            }
            close(fd)
            self.ended.signal()
        }
        thread.name = "tenderlint.worker.stderr"
        thread.start()
    }

    private func append(_ bytes: ArraySlice<UInt8>) {
        lock.lock()
        tail.append(contentsOf: bytes)
        if tail.count > StderrTail.keep { tail.removeFirst(tail.count - StderrTail.keep) }
        lock.unlock()
    }

    /// Waits up to `limit` for the pipe to close (returns at once if it has).
    func waitForEnd(_ limit: Duration) {
        let c = limit.components
        let nanoseconds = Int(c.seconds) * 1_000_000_000 + Int(c.attoseconds / 1_000_000_000)
        if ended.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success { ended.signal() }
    }

    func clear() {
        lock.lock()
        tail.removeAll(keepingCapacity: true)
        lock.unlock()
    }

    /// The runtime's `Fatal error: …` line when there is one, else the last non-empty line,
    /// at most 300 characters, without the source location the runtime puts in front.
    var lastWords: String? {
        lock.lock()
        let text = String(decoding: tail, as: UTF8.self)
        lock.unlock()
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard var line = lines.last(where: { $0.contains("Fatal error") }) ?? lines.last else { return nil }
        if let range = line.range(of: "Fatal error") { line = String(line[range.lowerBound...]) }
        return line.count > 300 ? String(line.prefix(299)) + "…" : line
    }
}
