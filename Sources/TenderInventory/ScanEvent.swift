/// What a scan tells its observer while it runs, always from the one writer task, in order.
public enum ScanEvent: Sendable {
    /// The files are collected; `summary.files` says how many.
    case started(ScanSummary)
    /// One more file was handled.
    case progressed(ScanSummary)
    /// A file could not be read (or its metadata is invalid): `path: reason`. The scan goes on.
    case failed(String)
    /// The scan ended (completely, or interrupted).
    case finished(ScanSummary)
}
