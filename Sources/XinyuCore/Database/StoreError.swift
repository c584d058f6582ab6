import Foundation
import GRDB

/// Why the store could not be opened or used: one line saying what, where, and what to do.
///
/// ``busy(path:holder:waited:)``, ``overloaded(path:reason:)`` and ``full(path:)`` are temporary
/// (``isTemporary``): the same request may succeed later, so a server answers them with 503 and `Retry-After`;
/// every other case is permanent.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    case missingDirectory(path: String, directory: String)
    /// The path cannot be a database file: empty, a directory, a FIFO, a device, a dangling link.
    case notAFile(path: String, problem: String)
    case readOnly(path: String)
    /// The file cannot be read: no read permission, or SQLite could not open it for reading.
    case unreadable(path: String, reason: String)
    /// A read-only file whose schema is older than this xinyu's: it cannot be migrated in place.
    case readOnlyNeedsMigration(path: String)
    case newerSchema(path: String)
    case notADatabase(path: String)
    /// Another connection held the write lock for longer than the busy timeout. `holder` is the xinyu process that
    /// noted it holds the lock (the `<db>-writer` file), when one did and is still alive.
    case busy(path: String, holder: WriteLockNote?, waited: TimeInterval?)
    /// The database server cannot take the request now: it has no connection left for it, or it cancelled the
    /// transaction for one that ran at the same time (a serialization failure or a deadlock); `reason` says which.
    case overloaded(path: String, reason: String)
    /// The database could not write: the disk (or the file system's quota) is full.
    case full(path: String)
    /// A backup target that already exists.
    case backupExists(path: String)
    case sqlite(path: String, message: String)
    case unknownTeacher(id: String)
    case unknownSchool(id: String)

    /// Whether the same operation may succeed later (busy, full): a server answers 503 with `Retry-After`.
    public var isTemporary: Bool {
        switch self {
        case .busy, .overloaded, .full: true
        default: false
        }
    }

    /// What went wrong and where, in words any client can read: no command-line flags or commands (the CLI adds
    /// its own hints, see `StoreError+CLI.swift` in the `xinyu` target).
    public var description: String {
        switch self {
        case .missingDirectory(let path, let dir):
            "cannot open database \(path): directory \(dir) does not exist"
        case .notAFile(let path, let problem):
            "cannot open database \(path.isEmpty ? "''" : path): \(problem)"
        case .readOnly(let path):
            "cannot write database \(path): the file or its directory is read-only"
        case .unreadable(let path, let reason):
            "cannot read database \(path): \(reason)"
        case .readOnlyNeedsMigration(let path):
            "database \(path) needs a migration to this version of xinyu but is read-only"
        case .newerSchema(let path):
            "database \(path) was written by a newer version of xinyu; refusing to change it (use a newer xinyu)"
        case .notADatabase(let path):
            "\(path) is not a xinyu SQLite database"
        case .busy(let path, let holder, let waited):
            "database \(path) is busy: "
                + (holder.map { "another xinyu process (\($0)) holds the write lock" }
                    ?? (Self.isServerURL(path)
                        ? "another transaction holds a lock this one needs"
                        : "another connection holds the write lock (no running xinyu process noted it)"))
                + (waited.map { "; waited \(Self.seconds($0))" } ?? "")
                + " — try again when it finishes"
        case .overloaded(let path, let reason):
            "database \(path) cannot take this request now: \(reason) — try again shortly"
        case .full(let path):
            "cannot write database \(path): the disk is full; free some space and try again"
        case .backupExists(let path):
            "\(path) already exists; refusing to overwrite it (remove it or choose another file)"
        case .sqlite(let path, let message):
            "database \(path): \(message)"
        case .unknownTeacher(let id):
            "unknown teacher id \(id)"
        case .unknownSchool(let id):
            "unknown school id \(id)"
        }
    }

    /// Whether `path` names a database server (a PostgreSQL URL) rather than a file: only a SQLite file has the
    /// lock note (`<db>-writer`) that names a holding xinyu process.
    private static func isServerURL(_ path: String) -> Bool { path.contains("://") }

    private static func seconds(_ t: TimeInterval) -> String {
        t == t.rounded() ? "\(Int(t)) s" : String(format: "%.1f s", t)
    }

    /// `error` as a typed store error when it is one SQLite can tell apart: `SQLITE_BUSY`/`SQLITE_LOCKED` become
    /// ``busy(path:holder:waited:)`` (naming the noted lock holder), `SQLITE_FULL` becomes ``full(path:)``; any
    /// other error is returned unchanged. Call it around statements run outside ``AppDatabase``'s own methods.
    ///
    /// - Parameters:
    ///   - path: the database file, or nil in memory.
    ///   - waited: the busy timeout the statement waited, for the message.
    public static func wrapping(_ error: Error, path: String?, waited: TimeInterval? = nil) -> Error {
        guard let e = error as? DatabaseError else { return error }
        let name = path ?? ":memory:"
        switch e.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.busy(path: name, holder: path.flatMap { WriteLockNote.current(forDatabase: $0) }, waited: waited)
        case .SQLITE_FULL:
            return StoreError.full(path: name)
        default:
            return error
        }
    }

    /// The store's typed form of an error an engine threw, when it has one: busy and full (see
    /// ``wrapping(_:path:waited:)``), or a ``StoreError`` as it is; nil for anything else. Lets a caller outside
    /// the store (the server) tell retryable failures apart without knowing the engine's error types.
    public static func typed(_ error: any Error) -> StoreError? {
        if let e = error as? StoreError { return e }
        return wrapping(error, path: nil) as? StoreError
    }
}
