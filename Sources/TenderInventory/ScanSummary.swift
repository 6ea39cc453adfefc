/// The running and final counts of a scan.
public struct ScanSummary: Hashable, Sendable, Codable {
    /// Files found below the scanned paths.
    public var files = 0
    /// Files handled so far (any outcome).
    public var done = 0
    /// Read and linted; their findings replaced.
    public var analysed = 0
    /// Skipped: same path, same content hash, same catalogue ("overgeslagen (ongewijzigd)").
    public var unchanged = 0
    /// Same content, but the metadata changed or the file came back: only the row was updated.
    public var refreshed = 0
    /// Could not be read; reported as `path: reason` and skipped.
    public var failed = 0
    /// Known documents no longer found below the scanned paths; marked, not removed.
    public var deleted = 0
    /// Active findings stored by this scan (of the analysed files).
    public var findings = 0
    /// The scan was stopped (Ctrl-C) before every file was handled; nothing was marked deleted.
    public var interrupted = false
    /// The `path: reason` line of every file that could not be read or is not supported, in
    /// the order met.
    public var failures: [String] = []
    /// After the scan: files that are copies of one tender (any format) merged into
    /// `duplicateDocuments` documents, counted once.
    public var duplicateFiles = 0
    public var duplicateDocuments = 0
    /// Wall-clock seconds.
    public var seconds = 0.0

    public init() {}
}
