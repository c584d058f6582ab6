import XinyuCore

/// What the PostgreSQL store refuses or could not do: one line saying what, where, and what to do. The password of
/// a URL is never part of it.
public enum PostgresStoreError: XinyuError, Equatable {
    /// The `--db` value is not a `postgres://user@host:port/db` URL the store can use.
    case badURL(url: String, problem: String)
    /// The server could not be reached or refused the login.
    case cannotConnect(url: String, reason: String)
    /// The server ran a statement and refused it.
    case server(url: String, message: String)
    /// A requirement that a PostgreSQL store does not have (e.g. a file backup: that is `pg_dump`'s job).
    case outOfScope(url: String, what: String, instead: String)

    public var description: String {
        switch self {
        case .badURL(let url, let problem):
            "cannot use database URL \(url): \(problem)"
        case .cannotConnect(let url, let reason):
            "cannot connect to database \(url): \(reason)"
        case .server(let url, let message):
            "database \(url): \(message)"
        case .outOfScope(let url, let what, let instead):
            "database \(url) is PostgreSQL: \(what) is not done by xinyu; \(instead)"
        }
    }
}
