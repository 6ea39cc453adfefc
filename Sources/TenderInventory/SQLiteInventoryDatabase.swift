import Foundation
import GRDB

/// The inventory in one SQLite file (WAL mode), through GRDB. One writer at a time: a second
/// process waits up to 30 s for the file (`busy_timeout`).
public final class SQLiteInventoryDatabase: InventoryDatabase {
    public let location: String
    let pool: DatabasePool

    /// Opens (and creates or migrates) the file at `path`.
    public init(path: String) throws {
        location = path
        var configuration = Configuration()
        // Another scan or a report holding the file waits a while before failing.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // WAL with synchronous=NORMAL: a commit survives the process being killed (Ctrl-C);
            // only a power cut may lose the last commits, which a new scan redoes.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        try InventorySchema.migrator.migrate(pool)
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try pool.read { db in try body(Session(db: db)) }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
        try await pool.write { db in try body(Session(db: db)) }
    }

    public func reason(_ error: any Error) -> String {
        let text = (error as? DatabaseError)?.message ?? "\(error)"
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    struct Session: SQLSession {
        let db: Database

        func execute(_ sql: String, _ arguments: [SQLValue]) throws {
            try db.execute(sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue)))
        }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(Self.databaseValue))).map { row in
                SQLRow(row.map { name, value in (name, Self.value(value)) })
            }
        }

        static func databaseValue(_ value: SQLValue) -> DatabaseValue {
            switch value {
            case .null: .null
            case let .integer(i): i.databaseValue
            case let .real(d): d.databaseValue
            case let .text(s): s.databaseValue
            // GRDB's date text, as the store has always held it.
            case let .date(d): d.databaseValue
            case let .bool(b): b.databaseValue
            }
        }

        static func value(_ value: DatabaseValue) -> SQLValue {
            switch value.storage {
            case .null: .null
            case let .int64(i): .integer(i)
            case let .double(d): .real(d)
            case let .string(s): .text(s)
            case let .blob(data): .text(String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// A date as SQLite holds it (GRDB's text form).
    static func date(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }
}
