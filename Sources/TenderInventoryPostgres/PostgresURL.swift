import Foundation
import PostgresNIO
import TenderInventory

/// `postgres://user[:password]@host[:port]/database[?sslmode=disable|require]` (also `postgresql://`).
/// Without a host, the server's Unix socket in /var/run/postgresql; without a port, 5432; without a
/// password, `PGPASSWORD` from the environment; without a database, the user's name.
/// `sslmode=require` asks for TLS with the server's certificate checked against the system's trust
/// store; the default is no TLS (a server on loopback or a private network).
public struct PostgresURL: Sendable, Equatable {
    public var user: String
    public var password: String?
    public var host: String?
    public var port: Int
    public var database: String
    public var requireTLS: Bool

    public init(user: String, password: String?, host: String?, port: Int = 5432, database: String, requireTLS: Bool = false) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.requireTLS = requireTLS
    }

    /// True for a `--db` value that names a PostgreSQL server rather than an SQLite file.
    public static func names(_ location: String) -> Bool {
        let lower = location.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses `text`; the error says what is wrong, in Dutch or English.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                english: Bool = false) throws(InventoryError) {
        func bad(_ nl: String, _ en: String) -> InventoryError {
            .database(path: Self.redact(text), reason: english ? en : nl)
        }
        guard Self.names(text), let url = URLComponents(string: text) else {
            throw bad("geen geldige URL; gebruik postgres://gebruiker@host:poort/database",
                      "not a valid URL; use postgres://user@host:port/database")
        }
        guard let user = url.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw bad("de URL noemt geen gebruiker (postgres://gebruiker@host/database)", "the URL names no user (postgres://user@host/database)")
        }
        self.user = user
        password = url.percentEncodedPassword.flatMap { $0.removingPercentEncoding } ?? environment["PGPASSWORD"]
        host = url.host.flatMap { $0.isEmpty ? nil : $0 }
        port = url.port ?? 5432
        guard (1...65535).contains(port) else { throw bad("poort buiten 1-65535", "port outside 1-65535") }
        let path = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !path.contains("/") else { throw bad("de databasenaam bevat een /", "the database name contains a /") }
        database = path.isEmpty ? user : path
        requireTLS = false
        for item in url.queryItems ?? [] {
            switch (item.name, item.value) {
            case ("sslmode", "disable"): requireTLS = false
            case ("sslmode", "require"), ("sslmode", "verify-full"): requireTLS = true
            default:
                throw bad("onbekende parameter '\(item.name)=\(item.value ?? "")'; alleen sslmode=disable of sslmode=require",
                          "unknown parameter '\(item.name)=\(item.value ?? "")'; only sslmode=disable or sslmode=require")
            }
        }
    }

    /// The URL as messages and reports show it: without the password.
    public var redacted: String {
        var text = "postgres://\(user)@\(host.map { $0.contains(":") ? "[\($0)]" : $0 } ?? "")"
        if host != nil || port != 5432 { text += ":\(port)" }
        text += "/\(database)"
        if requireTLS { text += "?sslmode=require" }
        return text
    }

    /// `text` for a message about a URL that did not parse, with what may be a password masked:
    /// everything between `://` and the last `@` when it holds a `:` (`user:password`). Parsing
    /// cannot be trusted here: a password with an unescaped `/`, `#` or `?` ends the authority early.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
              at.lowerBound > scheme.upperBound, text[scheme.upperBound..<at.lowerBound].contains(":") else { return text }
        return String(text[..<scheme.upperBound]) + "…" + String(text[at.lowerBound...])
    }

    func configuration() throws -> PostgresConnection.Configuration {
        guard let host else {
            return PostgresConnection.Configuration(unixSocketPath: "/var/run/postgresql/.s.PGSQL.\(port)", username: user,
                                                    password: password, database: database)
        }
        let tls: PostgresConnection.Configuration.TLS = requireTLS
            ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable
        return PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: tls)
    }
}

extension InventoryStore {
    /// Opens the store a `--db` value names: a PostgreSQL URL (`PostgresURL`) or an SQLite file.
    public static func open(_ location: String, english: Bool = false) throws(InventoryError) -> InventoryStore {
        guard PostgresURL.names(location) else { return try InventoryStore(path: location) }
        let url = try PostgresURL(location, english: english)
        do {
            return InventoryStore(database: try PostgresInventoryDatabase(url: url))
        } catch {
            throw .database(path: url.redacted, reason: PostgresInventoryDatabase.reason(error))
        }
    }
}
