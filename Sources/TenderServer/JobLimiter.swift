/// Bounds the lint jobs that run at once. A job takes a slot or waits in line; when the line is
/// full the request is turned away at once (the page says "busy") instead of piling up memory.
actor JobLimiter {
    let capacity: Int
    let maxWaiting: Int
    private(set) var running = 0
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(capacity: Int, maxWaiting: Int) {
        precondition(capacity >= 1, "at least one job must be able to run")
        self.capacity = capacity
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Jobs waiting for a slot.
    var waiting: Int { waiters.count }

    /// Takes a slot, waiting in line if all are taken. False when the line is full: the caller
    /// must not run the job and must not call `release`.
    func acquire() async -> Bool {
        if running < capacity {
            running += 1
            return true
        }
        guard waiters.count < maxWaiting else { return false }
        // The slot is handed over by `release` without `running` going down in between.
        await withCheckedContinuation { waiters.append($0) }
        return true
    }

    /// Gives a slot back, handing it to the first job in line if there is one.
    func release() {
        if waiters.isEmpty {
            precondition(running > 0, "release without acquire")
            running -= 1
        } else {
            waiters.removeFirst().resume()
        }
    }
}
