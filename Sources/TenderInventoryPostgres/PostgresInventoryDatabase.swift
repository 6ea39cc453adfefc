import Foundation
import PostgresNIO
import TenderInventory

/// The inventory in a PostgreSQL database, shared by several analysts (docs/inventory.md,
/// "PostgreSQL"). One connection per store; the store's SQL is the subset SQLite and PostgreSQL
/// share, with `?` placeholders numbered here.
///
/// Transactions: a write transaction first takes one transaction-level advisory lock, so the write
/// transactions of all scans take turns exactly as SQLite's single writer does (documents are
/// analysed outside transactions, so scans still run side by side; only their commits queue). A
/// read transaction is `REPEATABLE READ READ ONLY`: a report sees one state of the store while
/// scans commit.
public final class PostgresInventoryDatabase: InventoryDatabase, @unchecked Sendable {
    // @unchecked: `connection` is used by one transaction at a time, under `lock`.
    public let location: String
    let connection: PostgresConnection
    let logger: Logger
    let lock = NSLock()
    let queue = DispatchQueue(label: "tenderlint.inventory.postgres")

    /// The advisory lock every write transaction holds (`"tndrlint"` in ASCII).
    static let writeLock: Int64 = 0x746E_6472_6C69_6E74

    /// Connects to `url` (`postgres://user[:password]@host[:port]/database[?sslmode=…]`) and
    /// creates or migrates the schema (`PostgresSchema`).
    public init(url: PostgresURL) throws {
        location = url.redacted
        var logger = Logger(label: "tenderlint.inventory.postgres")
        logger.logLevel = .critical
        self.logger = logger
        connection = try PostgresConnection.connect(on: PostgresConnection.defaultEventLoopGroup.any(),
                                                    configuration: try url.configuration(), id: 1, logger: logger).wait()
        do {
            try transaction(write: true) { session in try PostgresSchema.migrate(session) }
        } catch {
            Self.close(connection)
            throw error
        }
    }

    deinit {
        Self.close(connection)
    }

    /// Closes `connection` without waiting, keeping it alive until it is closed (PostgresNIO
    /// asserts that a connection is closed before it is released).
    static func close(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    public func read<T>(_ body: (any SQLSession) throws -> T) throws -> T {
        try transaction(write: false, body)
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any SQLSession) throws -> T) async throws -> T {
        // The connection is driven by NIO's threads; the blocking transaction runs on a queue of
        // its own, not on a thread of Swift's cooperative pool.
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.transaction(write: true, body) })
            }
        }
    }

    func transaction<T>(write: Bool, _ body: (any SQLSession) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        let session = Session(connection: connection, logger: logger)
        try session.execute(write ? "BEGIN ISOLATION LEVEL READ COMMITTED" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", [])
        do {
            if write { try session.execute("SELECT pg_advisory_xact_lock(?)", [.integer(Self.writeLock)]) }
            let result = try body(session)
            try session.execute("COMMIT", [])
            return result
        } catch {
            try? session.execute("ROLLBACK", [])
            throw error
        }
    }

    public func reason(_ error: any Error) -> String {
        Self.reason(error)
    }

    /// The server's message (`ERROR: …`), or what went wrong on the way to it, on one line.
    static func reason(_ error: any Error) -> String {
        var text: String
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                text = message
                if let detail = error.serverInfo?[.detail] { text += " (\(detail))" }
            } else if error.code == .connectionError, let underlying = error.underlying {
                text = "cannot connect: " + connectionReason(underlying)
            } else if let underlying = error.underlying {
                text = "\(underlying)"
            } else {
                text = "\(error.code)"
            }
        } else {
            text = "\(error)"
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// `Connection refused`, not NIO's description of every address it tried.
    static func connectionReason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let failure = error.connectionErrors.first { return connectionReason(failure.error) }
            if let dns = error.dnsAError ?? error.dnsAAAAError { return "\(error.host): \(dns)" }
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return "\(error)"
    }

    struct Session: SQLSession {
        let connection: PostgresConnection
        let logger: Logger

        func execute(_ sql: String, _ arguments: [SQLValue]) throws {
            _ = try run(sql, arguments)
        }

        func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            try run(sql, arguments).rows.map { row in
                SQLRow(try row.map { cell in (name: cell.columnName, value: try Self.value(cell)) })
            }
        }

        func run(_ sql: String, _ arguments: [SQLValue]) throws -> PostgresQueryResult {
            var binds = PostgresBindings(capacity: arguments.count)
            for argument in arguments {
                switch argument {
                case .null: binds.appendNull()
                case let .integer(i): binds.append(i)
                case let .real(d): binds.append(d)
                case let .text(s): binds.append(s)
                case let .date(d): binds.append(d)
                case let .bool(b): binds.append(b)
                }
            }
            return try connection.query(PostgresQuery(unsafeSQL: Self.numbered(sql), binds: binds), logger: logger).wait()
        }

        static func value(_ cell: PostgresCell) throws -> SQLValue {
            guard cell.bytes != nil else { return .null }
            switch cell.dataType {
            case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
            case .float4, .float8: return .real(try cell.decode(Double.self))
            case .numeric: return .real(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
            case .bool: return .bool(try cell.decode(Bool.self))
            case .timestamptz, .timestamp: return .date(try cell.decode(Date.self))
            default: return .text(try cell.decode(String.self))
            }
        }

        /// `… = ? AND … = ?` → `… = $1 AND … = $2`; a `?` inside quotes stays.
        static func numbered(_ sql: String) -> String {
            var out = "", n = 0
            var quote: Character?
            for c in sql {
                if let q = quote {
                    if c == q { quote = nil }
                    out.append(c)
                } else if c == "'" || c == "\"" {
                    quote = c
                    out.append(c)
                } else if c == "?" {
                    n += 1
                    out += "$\(n)"
                } else {
                    out.append(c)
                }
            }
            return out
        }
    }
}
