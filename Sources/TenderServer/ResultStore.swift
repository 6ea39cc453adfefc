import TenderDocument
import TenderLint
import TenderReport
import TenderRules

/// Results kept in memory so a result page can be filtered, switched to the other language and
/// downloaded after the upload. A result is language-free: every page renders it anew.
/// Nothing is written to disk; the oldest result goes first when `capacity` is reached, and
/// every result expires after `lifetime`. The uploads kept for the redlined copy count against
/// `maxSourceBytes` together: past it the oldest results go first too.
actor ResultStore {
    /// One kept result.
    struct Entry: Sendable {
        var result: LintResult
        var outline: DocumentOutline
        /// The sanitised name of the uploaded file (or the name given to pasted text).
        var displayName: String
        var created: ContinuousClock.Instant
        /// The upload and the document as read, kept for the copy with changes (formats
        /// `Redliner` writes only).
        var source: Source? = nil
    }

    /// What the redlined copy is made from.
    struct Source: Sendable {
        var bytes: [UInt8]
        var document: Document
    }

    let capacity: Int
    let lifetime: Duration
    let maxSourceBytes: Int
    private var entries: [String: Entry] = [:]
    /// Ids, oldest first.
    private var order: [String] = []
    private var sourceBytes = 0

    /// The kept uploads together, by default: 128 MB.
    static let defaultMaxSourceBytes = 128 * 1_048_576

    init(capacity: Int, lifetime: Duration, maxSourceBytes: Int = ResultStore.defaultMaxSourceBytes) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
        self.maxSourceBytes = maxSourceBytes
    }

    /// Keeps `entry` and returns its id: 128 random bits in hex, not guessable from another id.
    func add(_ entry: Entry) -> String {
        expire()
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in
            let hex = String(generator.next() as UInt32, radix: 16)
            return String(repeating: "0", count: 8 - hex.count) + hex
        }.joined()
        var entry = entry
        if let source = entry.source, source.bytes.count > maxSourceBytes { entry.source = nil }
        entries[id] = entry
        order.append(id)
        sourceBytes += entry.source?.bytes.count ?? 0
        while order.count > capacity || sourceBytes > maxSourceBytes {
            remove(order.removeFirst())
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

    private func remove(_ id: String) {
        sourceBytes -= entries[id]?.source?.bytes.count ?? 0
        entries[id] = nil
    }

    private func expire() {
        let now = ContinuousClock.now
        while let first = order.first, let entry = entries[first], now - entry.created > lifetime {
            remove(first)
            order.removeFirst()
        }
    }
}
