/// A problem in the rule catalogue, reported as `file:line:column: reason`.
public struct CatalogueError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var reason: String

    public init(file: String, line: Int, column: Int, reason: String) {
        self.file = file; self.line = line; self.column = column; self.reason = reason
    }

    public var description: String { "\(file):\(line):\(column): \(reason)" }
}

/// Several catalogue problems at once: loading goes on after the first so a rule author sees all.
public struct CatalogueErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [CatalogueError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
