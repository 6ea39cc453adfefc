import Foundation

/// A continuation that the first of several racing tasks resumes; later calls do nothing.
///
/// Safety: `@unchecked Sendable` because every access to `continuation` holds `lock`.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?

    init(_ continuation: CheckedContinuation<Value, Never>) {
        self.continuation = continuation
    }

    /// Resumes with `value` if nobody has resumed yet.
    func resume(_ value: Value) {
        lock.lock()
        let pending = continuation
        continuation = nil
        lock.unlock()
        pending?.resume(returning: value)
    }

    /// Whether someone has resumed already (the job that lost the race skips its work).
    var isResumed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return continuation == nil
    }
}
