import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import PostgresNIO
import XinyuCore

/// The product's store on PostgreSQL (issue #18): the same ``XinyuStore`` contract as the SQLite store, for
/// city- and province-wide deployments on a database the bureau's IT already runs, trainings, records and their
/// states (issue #15), the reminders' outbox and certificates (issue #16) included.
///
/// The store protocols are synchronous. Each call takes a connection from a small pool, runs its statements on
/// PostgresNIO's event loop and waits for them on the calling thread; callers must not be event-loop threads
/// (the CLI's main thread and the server's `NIOThreadPool` threads are not). Reads that need one committed state
/// run in a `REPEATABLE READ` transaction; every write transaction first takes one advisory lock, so writers
/// follow one another as on SQLite and a check made in a transaction still holds at its commit.
public final class PostgresStore: XinyuStore, @unchecked Sendable {
    /// The URL without its password, for messages.
    public let url: String
    let target: PostgresURL
    /// How long a statement waits for a lock (the write lock included) before the store is busy
    /// (``StoreError/busy(path:holder:waited:)``): each connection's `lock_timeout`.
    public let lockTimeout: TimeInterval
    /// How feeds' record batches are loaded (``PostgresBulkLoad/default`` unless a test sets it).
    var bulkLoad = PostgresBulkLoad.default
    private let group: MultiThreadedEventLoopGroup
    private let ownsGroup: Bool
    private let logger = Logger(label: "xinyu.postgres")
    private let idle = NIOLockedValueBox<[PostgresSession]>([])
    private let counter = NIOLockedValueBox(0)
    /// The advisory lock every write transaction takes first (any constant the product owns: "xinyu" in ASCII).
    static let writeLock = 0x78_69_6E_79_75

    init(target: PostgresURL, group: MultiThreadedEventLoopGroup, ownsGroup: Bool, lockTimeout: TimeInterval) {
        self.target = target
        self.lockTimeout = lockTimeout
        self.url = target.redacted
        self.group = group
        self.ownsGroup = ownsGroup
    }

    deinit {
        let sessions = idle.withLockedValue { s in
            defer { s = [] }
            return s
        }
        for s in sessions { try? s.connection.close().wait() }
        if ownsGroup { try? group.syncShutdownGracefully() }
    }

    /// Opens the database at `url` and migrates it to this version's schema (``StoreError/newerSchema(path:)``
    /// when a newer xinyu wrote it: nothing is changed then). A statement that waits longer than `lockTimeout`
    /// seconds for a lock throws ``StoreError/busy(path:holder:waited:)``.
    public static func open(url: String, lockTimeout: TimeInterval = AppDatabase.defaultBusyTimeout) throws -> PostgresStore {
        try open(PostgresURL(url), lockTimeout: lockTimeout)
    }

    /// Opens the database `target` names and migrates it.
    public static func open(
        _ target: PostgresURL, lockTimeout: TimeInterval = AppDatabase.defaultBusyTimeout
    ) throws -> PostgresStore {
        let store = PostgresStore(
            target: target, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), ownsGroup: true,
            lockTimeout: lockTimeout)
        try store.migrate()
        return store
    }

    /// Runs `body` on a pooled connection outside any transaction.
    func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        let session = try idle.withLockedValue { $0.popLast() } ?? connect()
        do {
            let result = try body(session)
            idle.withLockedValue { $0.append(session) }
            return result
        } catch {
            if session.connection.isClosed {
                throw error
            }
            idle.withLockedValue { $0.append(session) }
            throw error
        }
    }

    /// Runs `body` in one `REPEATABLE READ READ ONLY` transaction: every statement sees the same committed state.
    func reading<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: false) { s in (try body(s), true) }
    }

    /// Runs `body` in one write transaction that holds the store's write lock from its first statement; it commits
    /// when `body` returns true and rolls back when it returns false or throws.
    func writing<T>(_ body: (PostgresSession) throws -> (T, commit: Bool)) throws -> T {
        try transaction("BEGIN", lock: true, body)
    }

    /// ``writing(_:)`` that always commits.
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try writing { s in (try body(s), true) }
    }

    private func transaction<T>(_ begin: String, lock: Bool, _ body: (PostgresSession) throws -> (T, commit: Bool)) throws -> T {
        try withSession { s in
            try s.execute(begin)
            do {
                if lock { try s.execute("SELECT pg_advisory_xact_lock(?)", [.int(Self.writeLock)]) }
                let (result, commit) = try body(s)
                try s.execute(commit ? "COMMIT" : "ROLLBACK")
                return result
            } catch {
                _ = try? s.execute("ROLLBACK")
                throw error
            }
        }
    }

    private func connect() throws -> PostgresSession {
        let id = counter.withLockedValue { n in
            n += 1
            return n
        }
        do {
            let connection = try PostgresConnection.connect(
                on: group.next(), configuration: target.configuration(), id: id,
                logger: logger
            ).wait()
            let session = PostgresSession(connection: connection, url: url, lockTimeout: lockTimeout, logger: logger)
            do {
                try session.execute("SET lock_timeout = \(Int((lockTimeout * 1000).rounded()))")
                // A feed's staging tables (``PostgresBulkLoad/copy``) stay in memory up to this size.
                try session.execute("SET temp_buffers = '128MB'")
            } catch {
                try? connection.close().wait()
                throw error
            }
            return session
        } catch let e as PSQLError where e.code == .sslUnsupported {
            let reason = "the server offers no TLS but sslmode is \(target.sslMode) (enable ssl there or use sslmode=prefer)"
            throw PostgresStoreError.cannotConnect(url: url, reason: reason)
        } catch let e as PSQLError {
            if let temporary = StoreError.postgres(sqlState: e.serverInfo?[.sqlState], url: url, lockTimeout: nil) {
                throw temporary
            }
            let reason = e.serverInfo?[.message] ?? e.underlying.map { "\($0)" } ?? String(describing: e.code)
            throw PostgresStoreError.cannotConnect(url: url, reason: reason)
        } catch let e as PostgresStoreError {
            throw e
        } catch let e as StoreError {
            throw e
        } catch {
            throw PostgresStoreError.cannotConnect(url: url, reason: "\(error)")
        }
    }
}
