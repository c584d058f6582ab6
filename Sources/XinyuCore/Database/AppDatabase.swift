import Foundation
import GRDB

/// The product's store: one SQLite database (WAL, foreign keys on) behind a GRDB `DatabaseWriter`.
///
/// Every schema change is a migration registered in ``migrator``; a shipped migration is never edited.
/// A database written by a newer schema is refused, never silently changed.
public struct AppDatabase: Sendable {
    /// The GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory).
    public let writer: any DatabaseWriter
    /// Where the database lives, or nil in memory.
    public let path: String?

    /// Wraps a writer and brings its schema up to date.
    public init(_ writer: any DatabaseWriter, path: String? = nil) throws {
        self.writer = writer
        self.path = path
        let where_ = path ?? ":memory:"
        let superseded = try writer.read { db in try AppDatabase.migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError.newerSchema(path: where_)
        }
        try AppDatabase.migrator.migrate(writer)
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode with foreign keys on.
    ///
    /// Checks the directory exists and the file is writable before SQLite sees it, so the user gets one clear line.
    /// A file with no write permission bits is treated as read-only even for root.
    public static func open(path: String) throws -> AppDatabase {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError.missingDirectory(path: path, directory: dir)
        }
        if fm.fileExists(atPath: path) {
            let attrs = try? fm.attributesOfItem(atPath: path)
            let perms = (attrs?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
            if perms & 0o222 == 0 || !fm.isWritableFile(atPath: path) {
                throw StoreError.readOnly(path: path)
            }
            try checkHeader(path: path)
        } else if !fm.isWritableFile(atPath: dir) {
            throw StoreError.readOnly(path: path)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        do {
            let pool = try DatabasePool(path: path, configuration: config)
            return try AppDatabase(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// An empty in-memory database with the current schema (tests, dry runs).
    public static func inMemory() throws -> AppDatabase {
        var config = Configuration()
        config.foreignKeysEnabled = true
        return try AppDatabase(DatabaseQueue(configuration: config))
    }

    /// Refuses a file that exists, is not empty and is not SQLite, before SQLite reports "file is not a database".
    private static func checkHeader(path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw StoreError.readOnly(path: path) }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError.notADatabase(path: path)
        }
    }
}
