import Foundation

/// A small pool of worker processes that read (and lint) documents, so that a document that
/// crashes, hangs or exhausts a reader takes down one worker instead of the program.
///
/// Each job gets a time limit: when it passes, the worker is killed (so the work really stops,
/// not only the wait for it). A worker that dies or is killed is replaced by a fresh one at once;
/// the failing job gets a `WorkerFailure`, the next job is served normally. Documents travel as
/// bytes over a pipe and never touch the disk.
///
/// At most `size` workers run; jobs beyond that wait for one to come free.
public actor WorkerPool {
    public nonisolated let command: WorkerCommand
    public nonisolated let size: Int
    /// How long a fresh worker may take to become ready (to compile its engine).
    public nonisolated let startupLimit: Duration
    /// The largest reply accepted from a worker.
    public nonisolated let maxReplyBytes: Int

    private var idle: [WorkerProcess] = []
    private var members: [ObjectIdentifier: WorkerProcess] = [:]
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var isShutDown = false
    /// Workers that died or were killed during a job (and were replaced).
    public private(set) var replacements = 0

    public init(command: WorkerCommand, size: Int = 2, startupLimit: Duration = .seconds(120), maxReplyBytes: Int = 512 * 1_048_576) {
        self.command = command
        self.size = max(1, size)
        self.startupLimit = startupLimit
        self.maxReplyBytes = maxReplyBytes
    }

    /// The process ids of the workers alive now.
    public var processIDs: [Int32] { members.values.map(\.pid).sorted() }

    /// Starts every worker and waits until each is ready, so that a worker that cannot start
    /// (a missing executable, a broken catalogue) is reported before the first document.
    public func warmUp() async throws(WorkerFailure) {
        while members.count < size {
            let worker = try WorkerProcess.spawn(command)
            members[ObjectIdentifier(worker)] = worker
            idle.append(worker)
        }
        for worker in idle {
            if let failure = await Self.onQueue(worker, { Self.waitUntilReady(worker, limit: self.startupLimit) }) {
                discard(worker)
                throw failure
            }
        }
    }

    /// Runs `request` on the document `payload` in a worker, killing the worker when it takes
    /// longer than `timeLimit`.
    public func perform(_ request: WorkerRequest, payload: [UInt8], timeLimit: Duration) async -> Result<WorkerReply, WorkerFailure> {
        let header: [UInt8]
        do { header = Array(try WorkerCoding.encoder().encode(request)) } catch {
            return .failure(.badReply("request: \(error)"))
        }
        // A worker that died while idle (killed from outside) fails before it got the document:
        // that is not the document's fault, so the job is tried once more on a fresh worker.
        var attempt = 0
        while true {
            attempt += 1
            let worker: WorkerProcess
            switch await checkOut() {
            case let .success(w): worker = w
            case let .failure(failure): return .failure(failure)
            }
            let limits = (startup: startupLimit, job: max(timeLimit, .milliseconds(1)), reply: maxReplyBytes)
            let outcome = await Self.onQueue(worker) { Self.run(worker, header: header, payload: payload, limits: limits) }
            checkIn(worker, healthy: outcome.healthy)
            if case .notDelivered = outcome.kind, attempt < 2 { continue }
            return outcome.result
        }
    }

    /// Stops every worker; jobs started afterwards fail.
    public func shutdown() {
        isShutDown = true
        for worker in members.values { worker.kill() }
        members.removeAll()
        idle.removeAll()
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }

    // MARK: Checking workers out and in

    private func checkOut() async -> Result<WorkerProcess, WorkerFailure> {
        while true {
            if isShutDown { return .failure(.startFailed("the worker pool was shut down")) }
            if let worker = idle.popLast() { return .success(worker) }
            if members.count < size {
                do {
                    let worker = try WorkerProcess.spawn(command)
                    members[ObjectIdentifier(worker)] = worker
                    return .success(worker)
                } catch {
                    return .failure(error)
                }
            }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    private func checkIn(_ worker: WorkerProcess, healthy: Bool) {
        if healthy && !isShutDown {
            idle.append(worker)
        } else {
            discard(worker)
            if !isShutDown {
                replacements += 1
                // Replaced at once: the fresh worker gets ready while no job waits for it.
                if let fresh = try? WorkerProcess.spawn(command) {
                    members[ObjectIdentifier(fresh)] = fresh
                    idle.append(fresh)
                }
            }
        }
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    private func discard(_ worker: WorkerProcess) {
        members.removeValue(forKey: ObjectIdentifier(worker))
        idle.removeAll { $0 === worker }
        worker.kill()
        worker.queue.async { _ = worker.reap() }
    }

    // MARK: One job, blocking, on the worker's own queue

    private struct Outcome: Sendable {
        enum Kind: Sendable {
            case answered
            /// The worker died before it had the whole request.
            case notDelivered
            case failed
        }

        var kind: Kind
        var result: Result<WorkerReply, WorkerFailure>
        var healthy: Bool
    }

    private static func onQueue<T: Sendable>(_ worker: WorkerProcess, _ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            worker.queue.async { continuation.resume(returning: work()) }
        }
    }

    /// Waits for the worker's hello under the start-up limit; nil when it is ready.
    private static func waitUntilReady(_ worker: WorkerProcess, limit: Duration) -> WorkerFailure? {
        let token = worker.beginJob()
        let timer = DispatchWorkItem { worker.expire(job: token) }
        DispatchQueue.global().asyncAfter(deadline: .now() + dispatchInterval(limit), execute: timer)
        defer { timer.cancel() }
        do {
            try worker.waitUntilReady()
            _ = worker.endJob()
            return nil
        } catch {
            let killed = worker.endJob()
            worker.kill()
            let ended = worker.reap()
            if killed { return .startFailed("not ready within \(seconds(limit)) s") }
            let words = worker.lastWords()
            switch ended {
            case let .exited(status): return .startFailed("exit \(status)" + (words.map { ": \($0)" } ?? ""))
            case let .signalled(signal): return .startFailed(WorkerFailure.signalName(signal) + (words.map { ": \($0)" } ?? ""))
            case .unknown: return .startFailed(words ?? "ended")
            }
        }
    }

    private static func run(_ worker: WorkerProcess, header: [UInt8], payload: [UInt8],
                            limits: (startup: Duration, job: Duration, reply: Int)) -> Outcome {
        if let failure = waitUntilReady(worker, limit: limits.startup) {
            return Outcome(kind: .notDelivered, result: .failure(failure), healthy: false)
        }
        let token = worker.beginJob()
        let timer = DispatchWorkItem { worker.expire(job: token) }
        DispatchQueue.global().asyncAfter(deadline: .now() + dispatchInterval(limits.job), execute: timer)
        defer { timer.cancel() }
        // A worker that died while idle may still have its request pipe held open by a sibling
        // process, so a write to it can succeed: ask first whether it is still there.
        if worker.hasEnded() {
            timer.cancel()
            _ = worker.endJob()
            return Outcome(kind: .notDelivered, result: .failure(.crashed(signal: SIGKILL, detail: nil)), healthy: false)
        }
        var delivered = false
        do {
            try worker.send(header: header, payload: payload)
            delivered = true
            let frame = try worker.receive(maxReplyBytes: limits.reply)
            timer.cancel()
            let killed = worker.endJob()
            do {
                let reply = try WorkerCoding.decoder().decode(WorkerReply.self, from: Data(frame))
                return Outcome(kind: .answered, result: .success(reply), healthy: !killed)
            } catch {
                // A worker that talks nonsense is not trusted with another document.
                worker.kill()
                _ = worker.reap()
                return Outcome(kind: .failed, result: .failure(.badReply(String(describing: error).prefix(200).description)), healthy: false)
            }
        } catch let failure {
            timer.cancel()
            let killed = worker.endJob()
            worker.kill()
            let ended = worker.reap()
            if killed { return Outcome(kind: .failed, result: .failure(.timedOut(seconds: seconds(limits.job))), healthy: false) }
            if case let .tooLarge(size) = failure {
                return Outcome(kind: .failed, result: .failure(.badReply("reply of \(size) bytes")), healthy: false)
            }
            // Killed from outside (SIGKILL that was not our time limit): a worker killed while
            // idle can look alive for a moment (its threads still being torn down), so the job
            // reached a dying worker. Not the document's fault: it is tried once more.
            if case .signalled(SIGKILL) = ended {
                return Outcome(kind: .notDelivered, result: .failure(.crashed(signal: SIGKILL, detail: nil)), healthy: false)
            }
            let words = worker.lastWords()
            let reason: WorkerFailure
            switch ended {
            case let .exited(status): reason = .exited(status: status, detail: words)
            case let .signalled(signal): reason = .crashed(signal: signal, detail: words)
            case .unknown: reason = .crashed(signal: SIGKILL, detail: words)
            }
            return Outcome(kind: delivered ? .failed : .notDelivered, result: .failure(reason), healthy: false)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let c = duration.components
        let nanoseconds = c.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow, nanoseconds.partialValue < Int64(Int.max) - 1_000_000_000 else { return .never }
        return .nanoseconds(Int(nanoseconds.partialValue + c.attoseconds / 1_000_000_000))
    }
}
