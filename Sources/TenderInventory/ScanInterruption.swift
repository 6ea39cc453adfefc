import Foundation

/// A request to stop a scan early, e.g. from a SIGINT handler. The scan then starts no new file,
/// writes what is in flight, and returns a summary marked `interrupted`.
///
/// Task cancellation is not used for this on purpose: GRDB's async writes fail in a cancelled
/// task, and the documents already analysed should still be committed.
public final class ScanInterruption: @unchecked Sendable {
    // Safety: `requested` is only read and written while holding `lock`.
    private let lock = NSLock()
    private var requested = false

    public init() {}

    /// Asks the scan to stop. Safe to call from any thread, more than once.
    public func request() {
        lock.lock(); defer { lock.unlock() }
        requested = true
    }

    /// Whether a stop was requested.
    public var isRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return requested
    }
}
