import Foundation
import GRDB

/// The product's store: one SQLite database (WAL, foreign keys on) behind a GRDB `DatabaseWriter`, and the one
/// implementation of ``XinyuStore`` (the protocols every consumer outside the store takes) today.
///
/// Every schema change is a migration registered in ``migrator``; a shipped migration is never edited.
/// A database written by a newer schema is refused, never silently changed.
public struct AppDatabase: Sendable {
    /// The GRDB writer (a `DatabasePool` for files, a `DatabaseQueue` in memory). Internal: only the store's own
    /// files reach it; every other module goes through the store's named operations (tests reach it through
    /// `@testable import XinyuCore` to look at rows directly).
    let writer: any DatabaseWriter
    /// Where the database lives, or nil in memory.
    public let path: String?
    /// How long a statement waits for another connection's lock before failing with
    /// ``StoreError/busy(path:holder:waited:)``.
    public let busyTimeout: TimeInterval

    /// The busy timeout when the caller gives none: 60 s (the CLI reads `$XINYU_BUSY_TIMEOUT`).
    public static let defaultBusyTimeout: TimeInterval = 60

    /// Wraps a writer and brings its schema up to date.
    init(_ writer: any DatabaseWriter, path: String? = nil, busyTimeout: TimeInterval = defaultBusyTimeout) throws {
        self.writer = writer
        self.path = path
        self.busyTimeout = busyTimeout
        let location = path ?? ":memory:"
        let (superseded, current) = try writer.read { db in
            (try AppDatabase.migrator.hasBeenSuperseded(db), try AppDatabase.migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError.newerSchema(path: location)
        }
        if !current {
            try withWriteLockNote("migrate the schema") { try AppDatabase.migrateAlongsideOthers(writer) }
        }
    }

    /// Brings the schema up to date, also when another process does so at the same moment (two commands started
    /// on a new file). GRDB reads which migrations were applied and then runs each missing one in its own
    /// transaction, so a migration the other process committed in between fails here (its table or its
    /// `grdb_migrations` row exists; the failed transaction leaves nothing). Such a failure is retried as long as
    /// the list of applied migrations grew meanwhile (the other process made progress); any other is thrown.
    static func migrateAlongsideOthers(_ writer: any DatabaseWriter) throws {
        func appliedCount() throws -> Int {
            try writer.read { db in
                try db.tableExists("grdb_migrations") ? try AppDatabase.migrator.appliedIdentifiers(db).count : 0
            }
        }
        var seen = try appliedCount()
        while true {
            do {
                return try AppDatabase.migrator.migrate(writer)
            } catch let error as DatabaseError {
                let now = try appliedCount()
                guard now > seen else { throw error }
                seen = now
            }
        }
    }

    /// Wraps a writer whose schema is known to be current (checked by the caller).
    private init(current writer: any DatabaseWriter, path: String, busyTimeout: TimeInterval) {
        self.writer = writer
        self.path = path
        self.busyTimeout = busyTimeout
    }

    /// Opens (creating if needed) the database file at `path`, in WAL mode with foreign keys on.
    ///
    /// Before SQLite sees the path it is checked with stat(2), so that a missing directory, an empty path, a
    /// directory or a FIFO gets one clear line (and never a hang). A file with no write permission bits is treated
    /// as read-only even for root. An existing file's schema is checked on a read-only connection first, so a file
    /// written by a newer xinyu is refused with its bytes untouched.
    ///
    /// With `readOnly`, a file whose schema is current is opened on read-only connections, so a command that only
    /// reads never writes to it, and it may be a file without write permission (SQLite then needs its `-shm` and
    /// `-wal` to exist or to be creatable beside it). A file that is missing or needs a migration is opened
    /// read-write as usual.
    ///
    /// - Parameter busyTimeout: how long statements wait for another connection's lock (seconds).
    public static func open(
        path: String, readOnly: Bool = false,
        busyTimeout: TimeInterval = defaultBusyTimeout
    ) throws -> AppDatabase {
        let file = try StoreFile.inspect(path)
        // A new, empty or outdated file is set up by one process at a time (``SetupLock``).
        var needsSetup = true
        if file.exists {
            guard file.readable else {
                throw StoreError.unreadable(path: path, reason: "the file has no read permission (make it readable)")
            }
            if file.size > 0 {
                try checkHeader(path: path)
                // The schema, read without writing anything to the file.
                let (pool, current) = try openReadOnly(file, busyTimeout: busyTimeout)
                if readOnly && current { return AppDatabase(current: pool, path: path, busyTimeout: busyTimeout) }
                needsSetup = !current
                if !file.writable {
                    throw readOnly ? StoreError.readOnlyNeedsMigration(path: path) : StoreError.readOnly(path: path)
                }
            } else if !file.writable {
                throw StoreError.readOnly(path: path)
            }
        } else if !file.directoryWritable {
            throw StoreError.readOnly(path: path)
        }
        func openWriting() throws -> AppDatabase {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false, busyTimeout: busyTimeout))
            return try AppDatabase(pool, path: path, busyTimeout: busyTimeout)
        }
        do {
            guard needsSetup else { return try openWriting() }
            return try SetupLock.holding(directoryOf: path, timeout: busyTimeout, openWriting)
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            let typed = StoreError.wrapping(error, path: path, waited: busyTimeout)
            if typed is StoreError { throw typed }
            throw StoreError.sqlite(path: path, message: error.message ?? "\(error.resultCode)")
        }
    }

    /// The connections' settings: foreign keys on, the busy timeout for writes.
    private static func configuration(readOnly: Bool, busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(busyTimeout)
        config.readonly = readOnly
        // Enough read connections that the server's lanes (2 probe, 8 quick, 4 heavy threads) and a report's
        // concurrent parts never wait for one another's connection (GRDB's default is 5). Connections are opened
        // only when first needed.
        config.maximumReaderCount = maximumReaderCount
        return config
    }

    /// The most read connections a file store opens at once.
    public static let maximumReaderCount = 20

    /// The file on read-only connections, and whether its schema is current (false when it needs migrating).
    /// A newer schema throws ``StoreError/newerSchema(path:)``.
    private static func openReadOnly(_ file: StoreFile, busyTimeout: TimeInterval) throws -> (DatabasePool, Bool) {
        let path = file.path
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true, busyTimeout: busyTimeout))
            let (superseded, current) = try pool.read { db in
                (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
            }
            if superseded { throw StoreError.newerSchema(path: path) }
            return (pool, current)
        } catch let error as DatabaseError {
            let typed = StoreError.wrapping(error, path: path, waited: busyTimeout)
            if typed is StoreError { throw typed }
            if !file.directoryWritable {
                throw StoreError.unreadable(
                    path: path,
                    reason: "SQLite needs \(path)-shm and \(path)-wal beside it, "
                        + "and directory \(file.directory) is read-only (copy the file to a writable directory)")
            }
            throw StoreError.unreadable(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// An empty in-memory database with the current schema (tests, dry runs).
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration(readOnly: false, busyTimeout: defaultBusyTimeout)))
    }

    /// Refuses a file that exists, is not empty and is not SQLite, before SQLite reports "file is not a database".
    private static func checkHeader(path: String) throws {
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw StoreError.unreadable(path: path, reason: "the file cannot be opened for reading (check its permissions)")
        }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 16)) ?? Data()
        if head.isEmpty { return }
        if head != Data("SQLite format 3\0".utf8) {
            throw StoreError.notADatabase(path: path)
        }
    }

    // MARK: Writes and errors

    /// Runs `body` while a `<db>-writer` note says this process (doing `what`, e.g. `import feed.xml`) holds the
    /// write lock, so that another process that finds the store busy can name it (``WriteLockNote``). Wrap long
    /// writes in it. Errors come out through ``StoreError/wrapping(_:path:waited:)``: busy and full are typed.
    /// A note of another live process is left alone; in memory the note is skipped.
    public func withWriteLockNote<T>(_ what: String, _ body: () throws -> T) throws -> T {
        guard let path else { return try body() }
        let claimed = WriteLockNote.claim(forDatabase: path, what: what)
        defer { if claimed { WriteLockNote.release(forDatabase: path) } }
        do {
            return try body()
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    /// One write transaction, noted as `what` while it holds the lock (see ``withWriteLockNote(_:_:)``); a store
    /// that stays locked for longer than ``busyTimeout`` throws ``StoreError/busy(path:holder:waited:)``.
    public func write<T>(_ what: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.write { db in try withWriteLockNote(what) { try body(db) } }
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    /// A read on this store, with busy and full errors typed.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }
}
