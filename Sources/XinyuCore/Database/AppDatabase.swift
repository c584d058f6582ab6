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

    /// Wraps a writer whose schema is known to be current (checked by the caller).
    private init(current writer: any DatabaseWriter, path: String) {
        self.writer = writer
        self.path = path
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode with foreign keys on.
    ///
    /// Checks the directory exists and the file is writable before SQLite sees it, so the user gets one clear line.
    /// A file with no write permission bits is treated as read-only even for root.
    ///
    /// With `readOnly`, a file that exists and is already up to date is opened on read-only connections, so a
    /// command that only reads never writes to the file. (A read-write `DatabasePool` writes a throw-away table to
    /// make sure the WAL file exists, and SQLite then checkpoints and syncs at exit: a few milliseconds and
    /// three fsyncs for nothing.) A file that is missing or needs a migration is opened read-write as usual.
    public static func open(path: String, readOnly: Bool = false) throws -> AppDatabase {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
            throw StoreError.missingDirectory(path: path, directory: dir)
        }
        if fm.fileExists(atPath: path) {
            // stat(2), not FileManager's attributes, which also look up the owner's and group's names.
            var st = stat()
            let perms = stat(path, &st) == 0 ? Int(st.st_mode) & 0o777 : 0o644
            if perms & 0o222 == 0 || !fm.isWritableFile(atPath: path) {
                throw StoreError.readOnly(path: path)
            }
            try checkHeader(path: path)
            if readOnly, let current = try openCurrent(path: path) { return current }
        } else if !fm.isWritableFile(atPath: dir) {
            throw StoreError.readOnly(path: path)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            return try AppDatabase(pool, path: path)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// The connections' settings: foreign keys on, a 10 s busy timeout.
    private static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.readonly = readOnly
        return config
    }

    /// The file on read-only connections when its schema is current; nil when it needs migrating (or is empty).
    private static func openCurrent(path: String) throws -> AppDatabase? {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            let (superseded, current) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerSchema(path: path) }
            return current ? AppDatabase(current: pool, path: path) : nil
        } catch let error as DatabaseError {
            throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// An empty in-memory database with the current schema (tests, dry runs).
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration(readOnly: false)))
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
