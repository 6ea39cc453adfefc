/// Bounds on untrusted input, checked in one place per concern.
public struct InputLimits: Sendable, Equatable {
    /// The largest file read at all.
    public var maxFileBytes: Int

    public init(maxFileBytes: Int) {
        self.maxFileBytes = maxFileBytes
    }

    /// Defaults sized for real tender documents (a 300-page PDF is about 5 MB).
    public static let `default` = InputLimits(maxFileBytes: 64 * 1_048_576)
}
