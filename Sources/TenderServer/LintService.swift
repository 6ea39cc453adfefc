import Foundation
import TenderDocument
import TenderIsolation
import TenderLint
import TenderReport
import TenderRules

/// Reads and lints submitted documents in worker processes (see `WorkerPool`), with bounded
/// concurrency and a time limit that kills the worker, so no document can crash, hang or
/// exhaust the server. The parent's engine (findings are language-free data, rendered in the language each
/// page asks for) serves the downloads; the workers compile the same catalogue themselves.
final class LintService: Sendable {
    let engine: Engine
    let pool: WorkerPool
    let limiter: JobLimiter
    let timeout: Duration
    let maxUploadBytes: Int

    convenience init(engine: Engine, worker: WorkerCommand, configuration: ServerConfiguration) {
        self.init(engine: engine, workers: WorkerPool(command: worker, size: configuration.maxConcurrentJobs), configuration: configuration)
    }

    /// A service whose documents go to `workers` (which may serve other services too).
    init(engine: Engine, workers: WorkerPool, configuration: ServerConfiguration) {
        self.engine = engine
        self.pool = workers
        self.limiter = JobLimiter(capacity: configuration.maxConcurrentJobs, maxWaiting: configuration.maxWaitingJobs)
        self.timeout = configuration.jobTimeout
        self.maxUploadBytes = configuration.maxUploadBytes
    }

    /// Lints `bytes`, named `name` in messages (a display name, never a path on this machine).
    ///
    /// The time limit covers waiting in line and the job: when it passes while waiting, the
    /// caller gets `.timedOut` at once and the job is dropped when its turn comes; once the job
    /// has started, its worker gets the rest of the time and is killed when that passes, so the
    /// slot comes free at once too. A fresh worker's start-up (compiling the catalogue after its
    /// predecessor died) is not counted against the document.
    func lint(bytes: [UInt8], name: String, language: Language) async -> LintOutcome {
        let limiter = self.limiter
        let deadline = ContinuousClock.now + timeout
        let timeout = self.timeout
        let start = JobStart()
        return await withCheckedContinuation { (continuation: CheckedContinuation<LintOutcome, Never>) in
            let once = ResumeOnce(continuation)
            let timer = Task {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return  // cancelled: the job answered first
                }
                // A job that has started is stopped by its worker's own limit.
                if start.expire() { once.resume(.timedOut) }
            }
            Task.detached {
                guard await limiter.acquire() else {
                    timer.cancel()
                    once.resume(.busy)
                    return
                }
                // Timed out while waiting in line: nobody wants the answer any more.
                guard start.begin() else {
                    await limiter.release()
                    return
                }
                let remaining = max(deadline - ContinuousClock.now, .milliseconds(100))
                let outcome = await self.run(bytes: bytes, name: name, language: language, timeLimit: remaining)
                await limiter.release()
                timer.cancel()
                once.resume(outcome)
            }
        }
    }

    /// Reads and lints in a worker.
    func run(bytes: [UInt8], name: String, language: Language, timeLimit: Duration) async -> LintOutcome {
        let request = WorkerRequest(task: .lint, name: name, language: language, maxFileBytes: maxUploadBytes)
        switch await pool.perform(request, payload: bytes, timeLimit: timeLimit) {
        case let .success(.linted(document, result)):
            let tariff = engine.options.tariff
            return .linted(LintResult(documents: [result], errors: [], tariff: tariff), DocumentOutline(document, clauses: result.clauses), document)
        case let .success(.unreadable(message)):
            return .unreadable(message)
        case let .success(.refused(message)):
            return .failed(.badReply(message))
        case .success(.read):
            return .failed(.badReply("a read reply to a lint request"))
        case .failure(.timedOut):
            return .timedOut
        case let .failure(failure):
            return .failed(failure)
        }
    }
}

/// Decides, once, between a job that starts and a time limit that passes while it waits.
///
/// Safety: `@unchecked Sendable` because `state` is only touched while holding `lock`.
final class JobStart: @unchecked Sendable {
    private let lock = NSLock()
    private var state: Bool?  // true: started; false: expired

    /// True when the job may start (the limit has not passed yet).
    func begin() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if state == nil { state = true }
        return state == true
    }

    /// True when the limit passed before the job started.
    func expire() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if state == nil { state = false }
        return state == false
    }
}
