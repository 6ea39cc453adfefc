/// Why corpus mode could not go on. Every case renders as one line, `path: reason` (a
/// configuration error as one such line per problem).
public enum InventoryError: Error, Equatable, Sendable {
    /// The SQLite store could not be opened, migrated, read or written.
    case database(path: String, reason: String)
    /// A sidecar `<document>.meta.yml` is not valid; `line` is 1-based, 0 when unknown.
    case metadata(path: String, line: Int, reason: String)
    /// The `--meta-template` pattern cannot be used.
    case template(pattern: String, reason: String)
    /// A report could not be written.
    case output(path: String, reason: String)
    /// A `.tenderlint.yml` that applies to the scanned files is invalid: one line per problem,
    /// `file:line:column: reason`, already in the output language.
    case configuration(String)

    /// The one-line message, Dutch unless `english`.
    public func message(english: Bool = false) -> String {
        switch self {
        case let .database(path, reason):
            return english ? "\(path): database error: \(reason)" : "\(path): databasefout: \(reason)"
        case let .metadata(path, line, reason):
            let place = line > 0 ? "\(path):\(line)" : path
            return english ? "\(place): invalid metadata: \(reason)" : "\(place): ongeldige metadata: \(reason)"
        case let .template(pattern, reason):
            return english ? "--meta-template \"\(pattern)\": \(reason)" : "--meta-template \"\(pattern)\": \(reason)"
        case let .output(path, reason):
            return english ? "\(path): cannot write: \(reason)" : "\(path): kan niet schrijven: \(reason)"
        case let .configuration(problems):
            return problems
        }
    }
}

extension InventoryError: CustomStringConvertible {
    /// The Dutch one-line message.
    public var description: String { message() }
}
