import TenderRules

/// Why a baseline file cannot be used or written (exit code 2).
public enum BaselineError: Error, Sendable, CustomStringConvertible {
    case unreadable(path: String)
    /// The file is no baseline: not JSON of the expected shape, or another version.
    case invalid(path: String, detail: String)
    case unwritable(path: String)
    /// The target was refused or the write failed: the one-line message of `ReportOutput`.
    case output(message: String)

    /// `path: reason` in `language`.
    public func description(_ language: Language) -> String {
        let en = language == .en
        switch self {
        case let .unreadable(path):
            return en ? "\(path): cannot read baseline" : "\(path): baseline is onleesbaar"
        case let .invalid(path, detail):
            return en ? "\(path): not a tenderlint baseline (\(detail))" : "\(path): geen baseline van tenderlint (\(detail))"
        case let .unwritable(path):
            return en ? "\(path): cannot write baseline" : "\(path): kan baseline niet schrijven"
        case let .output(message):
            return message
        }
    }

    public var description: String { description(.nl) }
}
