import ArgumentParser
import Certifications
import Foundation
import XinyuCore
import XinyuPostgres

/// Options every command shares.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            The database: a SQLite file, or postgres://user@host:5432/dbname for PostgreSQL \
            (default: $XINYU_DB, else ./xinyu.sqlite).
            """)
    var db: String?

    @Option(
        name: .customLong("read-db"),
        help: """
            A PostgreSQL streaming replica of --db that reports and pages read from; writes still go to --db \
            (default: $XINYU_READ_DB).
            """)
    var readDB: String?

    /// The reporting replica's URL the user meant, if any.
    var readDatabase: String? {
        if let readDB { return readDB }
        if let env = ProcessInfo.processInfo.environment["XINYU_READ_DB"], !env.isEmpty { return env }
        return nil
    }

    /// The database path (or PostgreSQL URL) the user meant.
    var databasePath: String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["XINYU_DB"], !env.isEmpty { return env }
        return "xinyu.sqlite"
    }

    /// How long a command waits for another process's write lock: `$XINYU_BUSY_TIMEOUT` seconds, else 60 (on
    /// PostgreSQL, each connection's `lock_timeout`).
    var busyTimeout: TimeInterval {
        get throws {
            guard let text = ProcessInfo.processInfo.environment["XINYU_BUSY_TIMEOUT"], !text.isEmpty else {
                return AppDatabase.defaultBusyTimeout
            }
            guard let s = Double(text), s.isFinite, s >= 0, s <= 86_400 else {
                throw UsageError("XINYU_BUSY_TIMEOUT=\(text): not a number of seconds from 0 to 86400")
            }
            return s
        }
    }

    /// The database as messages show it: a PostgreSQL URL without its password.
    var displayName: String { PostgresURL.redact(databasePath) }

    /// Whether the database is a PostgreSQL URL rather than a SQLite file.
    var isPostgres: Bool { PostgresURL.isPostgres(databasePath) }

    /// Opens the store, creating and migrating it as needed: PostgreSQL for a `postgres://` URL, else the SQLite
    /// file.
    func open() throws -> any XinyuStore {
        if isPostgres {
            return try PostgresStore.open(url: databasePath, readURL: readDatabase, lockTimeout: busyTimeout)
        }
        try refuseReplicaForSQLite()
        return try openSQLite()
    }

    /// A reporting replica only exists for PostgreSQL: with a SQLite file it is a usage error.
    private func refuseReplicaForSQLite() throws {
        guard readDatabase == nil else {
            throw UsageError("--read-db (or $XINYU_READ_DB) needs a PostgreSQL --db; \(displayName) is a SQLite file")
        }
    }

    /// Opens the store for a command that only reads it: a SQLite file on read-only connections when it is up to
    /// date, so the file is not written (see `AppDatabase.open(path:readOnly:)`); PostgreSQL as ``open()``.
    func openForReading() throws -> any XinyuStore {
        if isPostgres {
            return try PostgresStore.open(url: databasePath, readURL: readDatabase, lockTimeout: busyTimeout)
        }
        try refuseReplicaForSQLite()
        return try AppDatabase.open(path: databasePath, readOnly: true, busyTimeout: busyTimeout)
    }

    /// Opens the SQLite file, for the commands that only SQLite has (`backup`: PostgreSQL is backed up with
    /// `pg_dump`); a PostgreSQL URL is a usage error naming `what`.
    func openSQLite(for what: String? = nil) throws -> AppDatabase {
        if isPostgres {
            throw UsageError("\(what ?? "this command") needs a SQLite database; \(displayName) is PostgreSQL")
        }
        return try AppDatabase.open(path: databasePath, busyTimeout: busyTimeout)
    }
}

/// `--db` on the commands that never open the database (they read the bundled library or write a file), so that
/// `xinyu --db X <command>` works for every command, as `$XINYU_DB` does. The value is accepted and not used.
struct LibraryOnlyOptions: ParsableArguments {
    @Option(name: .long, help: "Accepted as by every command; this command does not open the database.")
    var db: String?
}

/// `--format table|json|csv` for listings.
struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "Output format: table, json or csv (UTF-8 with BOM).")
    var format: OutputFormat = .table
}

extension OutputFormat: ExpressibleByArgument {}

/// `--profile PATH` for every command that reads the rule profile (statuses, coverage, quotas, scheduling, serve).
struct ProfileOption: ParsableArguments {
    @Option(name: .long, help: "Rule profile YAML (default: the bundled profile from RULES.md).")
    var profile: String?

    func load() throws -> RuleProfile { try RuleProfile.load(path: profile) }
}

/// `--as-of YYYY-MM-DD` for every command that computes statuses as of a date.
struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"), help: "The date (YYYY-MM-DD; default today).")
    var asOf: String?

    /// The date given, or today; a date that does not exist is a one-line usage error.
    func day() throws -> Day { try parseDay(asOf, option: "--as-of") ?? Day.today() }
}

/// Prints a listing in the chosen format.
func emit<T: Encodable>(_ format: OutputFormat, json: T, table: () -> TextTable) throws {
    switch format {
    case .json: print(try JSONOutput.string(json), terminator: "")
    case .table: print(table().rendered(), terminator: "")
    case .csv: print(table().csv(), terminator: "")
    }
}

/// Parses a `--as-of` style date argument; a malformed, nonexistent or unsupported date is a ``RejectedValue``
/// (exit 2) naming the option, e.g. `--as-of 9999-12-31: outside the supported years 1900–2199`.
func parseDay(_ text: String?, option: String) throws -> Day? {
    guard let text else { return nil }
    switch Day.parse(text) {
    case .success(let d): return d
    case .failure(let p): throw RejectedValue(name: option, value: text, p)
    }
}

/// Parses a `--term` argument (`2026-fall`, `2027-spring`); a bad one is a ``RejectedValue`` (exit 2).
func parseTerm(_ text: String?, option: String = "--term") throws -> Term? {
    guard let text else { return nil }
    switch Term.parse(text) {
    case .success(let t): return t
    case .failure(let p): throw RejectedValue(name: option, value: text, p)
    }
}

/// Parses a `--year` argument (`2025-2026` or `2025`); a bad one is a ``RejectedValue`` (exit 2).
func parseSchoolYear(_ text: String?, option: String = "--year") throws -> SchoolYear? {
    guard let text else { return nil }
    switch SchoolYear.parse(text) {
    case .success(let y): return y
    case .failure(let p): throw RejectedValue(name: option, value: text, p)
    }
}
