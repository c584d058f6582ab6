import Foundation
import PostgresNIO

/// A `postgres://user[:password]@host[:port]/db[?sslmode=…]` URL, parsed: where to connect and how. The password
/// comes from the URL, else `PGPASSWORD`, else `~/.pgpass`; ``redacted`` is the form that may be printed.
public struct PostgresURL: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    /// `disable`, `allow`, `prefer` (the default), `require`, `verify-ca` or `verify-full`.
    public var sslMode: String
    var password: String?

    /// Whether `text` names a PostgreSQL database rather than a SQLite file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    /// Parses `text`; `environment` and `home` are where `PGPASSWORD` and `.pgpass` are looked up.
    public init(
        _ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        home: String = NSHomeDirectory()
    ) throws {
        let shown = Self.redact(text)
        guard Self.isPostgres(text), let c = URLComponents(string: text) else {
            throw PostgresStoreError.badURL(url: shown, problem: "expected postgres://user@host:port/dbname")
        }
        guard let host = c.host, !host.isEmpty else { throw PostgresStoreError.badURL(url: shown, problem: "no host") }
        let db = String(c.path.drop { $0 == "/" })
        guard !db.isEmpty else { throw PostgresStoreError.badURL(url: shown, problem: "no database name after the host") }
        self.host = host
        self.port = c.port ?? 5432
        self.user = c.user?.removingPercentEncoding ?? environment["PGUSER"] ?? environment["USER"] ?? "postgres"
        self.database = db.removingPercentEncoding ?? db
        self.sslMode = c.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
        let modes = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
        guard modes.contains(sslMode) else {
            let problem = "sslmode \(sslMode) is not one of \(modes.joined(separator: ", "))"
            throw PostgresStoreError.badURL(url: shown, problem: problem)
        }
        password =
            c.password?.removingPercentEncoding ?? environment["PGPASSWORD"]
            ?? Self.pgpass(
                at: environment["PGPASSFILE"] ?? home + "/.pgpass", host: host, port: port, database: database,
                user: user)
    }

    /// The URL without its password: what errors and logs show.
    public var redacted: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The same server and role, another database.
    public func with(database: String) -> PostgresURL {
        var u = self
        u.database = database
        return u
    }

    /// `text` with the password of a URL left out (anything else unchanged).
    public static func redact(_ text: String) -> String {
        guard var c = URLComponents(string: text), c.password != nil else { return text }
        c.password = nil
        return c.string ?? "postgres://…"
    }

    /// The password of the first `host:port:database:user:password` line of a `.pgpass` file that matches (`*`
    /// matches anything), as libpq reads it.
    static func pgpass(at path: String, host: String, port: Int, database: String, user: String) -> String? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = []
            var current = ""
            var escaped = false
            for ch in line {
                if escaped {
                    current.append(ch)
                    escaped = false
                } else if ch == "\\" {
                    escaped = true
                } else if ch == ":" && fields.count < 4 {
                    fields.append(current)
                    current = ""
                } else {
                    current.append(ch)
                }
            }
            fields.append(current)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// The connection's configuration: TLS as `sslmode` asks (`disable`/`allow`: none; `prefer`: if the server
    /// offers it; `require` and up: required, and verified for `verify-ca`/`verify-full`).
    func configuration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch sslMode {
        case "disable", "allow":
            tls = .disable
        default:
            var t = TLSConfiguration.makeClientConfiguration()
            if sslMode == "prefer" || sslMode == "require" { t.certificateVerification = .none }
            if sslMode == "verify-ca" { t.certificateVerification = .noHostnameVerification }
            let context = try NIOSSLContext(configuration: t)
            tls = sslMode == "prefer" ? .prefer(context) : .require(context)
        }
        return PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password,
            database: database, tls: tls)
    }
}
