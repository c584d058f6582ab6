import Foundation
import NIOConcurrencyHelpers
import NIOCore
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

    /// The reporting replica (``open(url:readURL:lockTimeout:)``): ``ReportStore``'s reads run there; nil reads here.
    let replica: PostgresStore?

    init(
        target: PostgresURL, group: MultiThreadedEventLoopGroup, ownsGroup: Bool, lockTimeout: TimeInterval,
        replica: PostgresStore? = nil
    ) {
        self.target = target
        self.lockTimeout = lockTimeout
        self.url = target.redacted
        self.group = group
        self.ownsGroup = ownsGroup
        self.replica = replica
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

    /// Opens the database `target` names and migrates it; with `replica`, ``ReportStore``'s reads (reports, lists,
    /// the data version) go to that database, a streaming replica of this one, and everything else (writes,
    /// imports, accounts, credentials, the import log) stays here. The replica is only read: it is never migrated
    /// (it follows the primary), and it lags behind it by the replication delay.
    public static func open(
        _ target: PostgresURL, replica: PostgresURL? = nil, lockTimeout: TimeInterval = AppDatabase.defaultBusyTimeout
    ) throws -> PostgresStore {
        let reader = replica.map {
            PostgresStore(
                target: $0, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), ownsGroup: true,
                lockTimeout: lockTimeout)
        }
        let store = PostgresStore(
            target: target, group: MultiThreadedEventLoopGroup(numberOfThreads: 1), ownsGroup: true,
            lockTimeout: lockTimeout, replica: reader)
        try store.migrate()
        return store
    }

    /// ``open(_:replica:lockTimeout:)`` with URLs.
    public static func open(
        url: String, readURL: String?, lockTimeout: TimeInterval = AppDatabase.defaultBusyTimeout
    ) throws -> PostgresStore {
        try open(PostgresURL(url), replica: try readURL.map { try PostgresURL($0) }, lockTimeout: lockTimeout)
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
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", lock: .none) { s in (try body(s), true) }
    }

    /// ``reading(_:)`` on the reporting replica when there is one: for ``ReportStore``'s requirements only.
    func reportReading<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try (replica ?? self).reading(body)
    }

    /// ``withSession(_:)`` on the reporting replica when there is one: for ``ReportStore``'s requirements only.
    func withReportSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try (replica ?? self).withSession(body)
    }

    /// Runs `body` in one write transaction that holds the store's write lock from its first statement; it commits
    /// when `body` returns true and rolls back when it returns false or throws.
    func writing<T>(_ body: (PostgresSession) throws -> (T, commit: Bool)) throws -> T {
        try transaction("BEGIN", lock: .store, body)
    }

    /// ``writing(_:)`` for one district's feed (issue #18): the store's write lock is taken shared, then the
    /// district's own lock exclusively, so feeds of different districts run at once while every other writer (and
    /// a feed of the same district) still waits for them. The duplicate check takes the feed id's lock
    /// (``PostgresFeedTransaction/isImported(feed:)``), a new school its id's.
    func writing<T>(district: Int, _ body: (PostgresSession) throws -> (T, commit: Bool)) throws -> T {
        try transaction("BEGIN", lock: .district(district), body)
    }

    /// ``writing(_:)`` that always commits.
    func write<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try writing { s in (try body(s), true) }
    }

    /// Runs `body` in one write transaction without the store's write lock: for appends that no other writer's
    /// rule involves (the audit trail), so that they never wait for the district feeds in progress, which hold
    /// that lock shared for the whole import.
    func appending<T>(_ body: (PostgresSession) throws -> T) throws -> T {
        try transaction("BEGIN", lock: .none) { s in (try body(s), true) }
    }

    /// The advisory locks a transaction takes first.
    enum TransactionLock {
        /// None: a read.
        case none
        /// The store's write lock, exclusively.
        case store
        /// The store's write lock shared, then the lock of one district (its 6-digit code) exclusively.
        case district(Int)
    }

    /// The first key of the two-key advisory locks (`pg_advisory_xact_lock(int4, int4)`, a key space apart from
    /// the one-key ``writeLock``): districts, feed ids and new school ids.
    enum LockClass: Int {
        case district = 0x7869_6E01
        case feed = 0x7869_6E02
        case school = 0x7869_6E03
    }

    /// Takes the two-key advisory lock `(kind, key)` until the transaction ends.
    static func lock(_ kind: LockClass, _ key: Int, _ s: PostgresSession) throws {
        try s.execute("SELECT pg_advisory_xact_lock(?::int4, ?::int4)", [.int(kind.rawValue), .int(key)])
    }

    /// Takes the two-key advisory lock `(kind, hashtext(text))` until the transaction ends.
    static func lock(_ kind: LockClass, text: String, _ s: PostgresSession) throws {
        try s.wait(sendLock(kind, text: text, s))
    }

    /// ``lock(_:text:_:)`` sent without waiting: the statements sent after it run once the lock is granted, and
    /// ``PostgresSession/wait(_:)`` throws its error (a lock timeout).
    static func sendLock(_ kind: LockClass, text: String, _ s: PostgresSession) -> EventLoopFuture<PostgresQueryResult> {
        s.send(numbered: "SELECT pg_advisory_xact_lock($1::int4, hashtext($2))", [.int(kind.rawValue), .text(text)])
    }

    private func transaction<T>(
        _ begin: String, lock: TransactionLock, _ body: (PostgresSession) throws -> (T, commit: Bool)
    ) throws -> T {
        try withSession { s in
            try s.execute(begin)
            do {
                switch lock {
                case .none: break
                case .store: try s.execute("SELECT pg_advisory_xact_lock(?)", [.int(Self.writeLock)])
                case .district(let code):
                    try s.execute("SELECT pg_advisory_xact_lock_shared(?)", [.int(Self.writeLock)])
                    try Self.lock(.district, code, s)
                }
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
