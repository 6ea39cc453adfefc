import Foundation

/// A value bound to or read from an SQL statement, the same for every backend.
public enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case date(Date)
    case bool(Bool)
}

/// A Swift value that can be bound to a statement's `?`.
public protocol SQLBindable {
    var sqlValue: SQLValue { get }
}

/// A Swift value that can also be read from a result column.
public protocol SQLColumnValue: SQLBindable {
    /// The value, or nil when the column holds NULL or something that is not this type.
    static func decode(_ value: SQLValue) -> Self?
}

extension Optional: SQLBindable where Wrapped: SQLBindable {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

extension String: SQLColumnValue {
    public var sqlValue: SQLValue { .text(self) }
    public static func decode(_ value: SQLValue) -> String? {
        switch value {
        case let .text(s): s
        case let .integer(i): String(i)
        case let .real(d): String(d)
        case .null, .date, .bool: nil
        }
    }
}

extension Int64: SQLColumnValue {
    public var sqlValue: SQLValue { .integer(self) }
    public static func decode(_ value: SQLValue) -> Int64? {
        switch value {
        case let .integer(i): i
        case let .real(d): d.rounded() == d && abs(d) < 9e18 ? Int64(d) : nil
        case let .bool(b): b ? 1 : 0
        case let .text(s): Int64(s)
        case .null, .date: nil
        }
    }
}

extension Int: SQLColumnValue {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public static func decode(_ value: SQLValue) -> Int? { Int64.decode(value).map { Int($0) } }
}

extension Double: SQLColumnValue {
    public var sqlValue: SQLValue { .real(self) }
    public static func decode(_ value: SQLValue) -> Double? {
        switch value {
        case let .real(d): d
        case let .integer(i): Double(i)
        case let .text(s): Double(s)
        case .null, .date, .bool: nil
        }
    }
}

extension Bool: SQLColumnValue {
    public var sqlValue: SQLValue { .bool(self) }
    public static func decode(_ value: SQLValue) -> Bool? {
        switch value {
        case let .bool(b): b
        case let .integer(i): i != 0
        case .null, .real, .text, .date: nil
        }
    }
}

extension Date: SQLColumnValue {
    public var sqlValue: SQLValue { .date(self) }
    public static func decode(_ value: SQLValue) -> Date? {
        switch value {
        case let .date(d): d
        // SQLite stores dates as text (GRDB's `yyyy-MM-dd HH:mm:ss.SSS`, UTC).
        case let .text(s): SQLiteInventoryDatabase.date(s)
        case .null, .integer, .real, .bool: nil
        }
    }
}

/// One result row. Column names are matched without regard to case: PostgreSQL folds unquoted
/// names (`AS withFindings`) to lower case, SQLite keeps them.
public struct SQLRow: Sendable {
    var values: [String: SQLValue]

    public init(_ columns: [(name: String, value: SQLValue)]) {
        var values: [String: SQLValue] = [:]
        for (name, value) in columns where values[name.lowercased()] == nil { values[name.lowercased()] = value }
        self.values = values
    }

    public subscript<T: SQLColumnValue>(_ column: String) -> T? {
        values[column.lowercased()].flatMap(T.decode)
    }

    /// A column the query guarantees not to be NULL; a NULL or missing one is a programming error.
    public subscript<T: SQLColumnValue>(_ column: String) -> T {
        guard let value: T = self[column] else {
            preconditionFailure("column \(column) is NULL or missing, or not a \(T.self): \(values[column.lowercased()] ?? .null)")
        }
        return value
    }
}

/// One transaction of a backend. The SQL is the subset both SQLite and PostgreSQL understand, with
/// `?` placeholders (see docs/inventory.md, "PostgreSQL"); a backend translates what it must.
public protocol SQLSession {
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

extension SQLSession {
    func execute(_ sql: String, _ arguments: [any SQLBindable] = []) throws {
        try execute(sql, arguments.map(\.sqlValue))
    }

    func rows(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    /// The first column of the first row, or nil.
    func value<T: SQLColumnValue>(_ sql: String, _ arguments: [any SQLBindable] = []) throws -> T? {
        guard let value = try rows(sql, arguments.map(\.sqlValue)).first?.onlyValue else { return nil }
        return T.decode(value)
    }
}

extension SQLRow {
    /// The value of the only column of a one-column result.
    var onlyValue: SQLValue? { values.count == 1 ? values.values.first : nil }
}

/// Where the inventory lives: an SQLite file or a PostgreSQL database. `InventoryStore` holds its
/// SQL and knows nothing else of the backend; a backend runs transactions and migrates the schema
/// (`InventorySchema`) when it opens.
public protocol InventoryDatabase: Sendable {
    /// The store as named in messages: a file path, or a URL without its password.
    var location: String { get }
    /// Runs `body` in a read transaction that sees one consistent state of the store.
    func read<T>(_ body: (any SQLSession) throws -> T) throws -> T
    /// Runs `body` in a write transaction; write transactions of all processes take turns, as in
    /// SQLite, so a body sees no other writer's half-done work.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T
    /// The database's message of an error, on one line.
    func reason(_ error: any Error) -> String
}
