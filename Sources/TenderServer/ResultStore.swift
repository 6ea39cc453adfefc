import TenderLint
import TenderReport
import TenderRules

/// Results kept in memory so a result page can be filtered, switched to the other language and
/// downloaded after the upload. A result is language-free: every page renders it anew.
/// Nothing is written to disk; the oldest result goes first when `capacity` is reached, and
/// every result expires after `lifetime`.
actor ResultStore {
    /// One kept result.
    struct Entry: Sendable {
        var result: LintResult
        var outline: DocumentOutline
        /// The sanitised name of the uploaded file (or the name given to pasted text).
        var displayName: String
        var created: ContinuousClock.Instant
    }

    let capacity: Int
    let lifetime: Duration
    private var entries: [String: Entry] = [:]
    /// Ids, oldest first.
    private var order: [String] = []

    init(capacity: Int, lifetime: Duration) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
    }

    /// Keeps `entry` and returns its id: 128 random bits in hex, not guessable from another id.
    func add(_ entry: Entry) -> String {
        expire()
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in
            let hex = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
        entries[id] = entry
        order.append(id)
        while order.count > capacity {
            entries[order.removeFirst()] = nil
        }
        return id
    }

    /// The entry for `id`, if it is still kept.
    func entry(_ id: String) -> Entry? {
        expire()
        return entries[id]
    }

    /// The number of kept results.
    var count: Int { entries.count }

    private func expire() {
        let now = ContinuousClock.now
        while let first = order.first, let entry = entries[first], now - entry.created > lifetime {
            entries[first] = nil
            order.removeFirst()
        }
    }
}
