import Foundation
import TenderFormats
import TenderLint
import TenderReport
import TenderRules

/// Reads and lints submitted documents in memory, with bounded concurrency and a time limit.
/// The engine is built once, at start-up: findings are language-free data, and every page and
/// download renders them in the language it is asked for.
final class LintService: Sendable {
    let engine: Engine
    let reader: DocumentReader
    let limiter: JobLimiter
    let timeout: Duration

    init(engine: Engine, configuration: ServerConfiguration) {
        self.engine = engine
        // The server's own upload limit is the stricter one; the reader's stays as a second guard.
        self.reader = DocumentReader(limits: InputLimits(maxFileBytes: configuration.maxUploadBytes))
        self.limiter = JobLimiter(capacity: configuration.maxConcurrentJobs, maxWaiting: configuration.maxWaitingJobs)
        self.timeout = configuration.jobTimeout
    }

    /// Lints `bytes`, named `name` in messages (a display name, never a path on this machine).
    ///
    /// The job runs on a worker thread outside Swift's cooperative pool, so a long document never
    /// stalls the server's other requests. When the time limit passes first the caller gets
    /// `.timedOut` at once; the job itself cannot be interrupted and keeps its slot until it
    /// ends, so the number of running jobs stays bounded.
    func lint(bytes: [UInt8], name: String, language: Language) async -> LintOutcome {
        let engine = self.engine
        let reader = self.reader
        let limiter = self.limiter
        let timeout = self.timeout
        return await withCheckedContinuation { (continuation: CheckedContinuation<LintOutcome, Never>) in
            let once = ResumeOnce(continuation)
            let timer = Task {
                do {
                    try await Task.sleep(for: timeout)
                } catch {
                    return  // cancelled: the job answered first
                }
                once.resume(.timedOut)
            }
            Task.detached {
                guard await limiter.acquire() else {
                    timer.cancel()
                    once.resume(.busy)
                    return
                }
                // Timed out while waiting in line: nobody wants the answer any more.
                if once.isResumed {
                    await limiter.release()
                    return
                }
                let outcome = await LintService.onWorkerThread { LintService.run(bytes: bytes, name: name, engine: engine, reader: reader, language: language) }
                await limiter.release()
                timer.cancel()
                once.resume(outcome)
            }
        }
    }

    /// Reads and lints synchronously.
    static func run(bytes: [UInt8], name: String, engine: Engine, reader: DocumentReader, language: Language) -> LintOutcome {
        do {
            let document = try reader.read(bytes: bytes, path: name)
            let result = engine.lint(document)
            return .linted(LintResult(documents: [result], errors: [], tariff: engine.options.tariff), DocumentOutline(document))
        } catch {
            return .unreadable(error.message(english: language == .en))
        }
    }

    /// Runs `work` on a Dispatch worker thread and waits for it without blocking a cooperative thread.
    static func onWorkerThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
