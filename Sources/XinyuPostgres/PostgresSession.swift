import Foundation
import NIOCore
import PostgresNIO
import XinyuCore

/// One connection, used synchronously: each statement is sent on PostgresNIO's event loop and the calling thread
/// waits for its result (`EventLoopFuture.wait()`).
///
/// The rule that keeps this from deadlocking: a session is only used from threads that are not event loops (the
/// CLI's main thread, the server's `NIOThreadPool` threads, test threads). Its connection lives on the store's
/// own event loop group, which nothing else blocks, so the wait always ends. One thread uses a session at a time.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let url: String
    /// The `lock_timeout` the session set, for a busy store's message.
    let lockTimeout: TimeInterval?
    let logger: Logger

    init(connection: PostgresConnection, url: String, lockTimeout: TimeInterval?, logger: Logger) {
        self.connection = connection
        self.url = url
        self.lockTimeout = lockTimeout
        self.logger = logger
    }

    /// Runs one statement and returns its rows.
    @discardableResult
    func rows(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRandomAccessRow] {
        try result(sql, values).rows.map { $0.makeRandomAccess() }
    }

    /// Runs one statement; returns how many rows it changed (or returned).
    @discardableResult
    func execute(_ sql: String, _ values: [PostgresValue] = []) throws -> Int {
        try result(sql, values).metadata.rows ?? 0
    }

    /// The one integer of a one-row, one-column result (0 when NULL or no row).
    func int(_ sql: String, _ values: [PostgresValue] = []) throws -> Int {
        guard let row = try rows(sql, values).first else { return 0 }
        return try row.int(0) ?? 0
    }

    /// Runs one statement whose arguments are numbered `$1`, `$2`, … already; returns how many rows it changed.
    @discardableResult
    func execute(numbered sql: String, _ values: [PostgresValue]) throws -> Int {
        try result(PostgresQuery(numbered: sql, values)).metadata.rows ?? 0
    }

    /// Runs one statement and returns its rows as they came, for reads of many rows: a row decoded in column order
    /// (`PostgresRow.decode((String, Int?).self)`) is not copied into a random-access row first.
    func sequentialRows(_ sql: String, _ values: [PostgresValue] = []) throws -> [PostgresRow] {
        try result(sql, values).rows
    }

    /// Sends one statement whose arguments are numbered already, without waiting for it: the connection runs its
    /// statements in the order they were sent, and ``wait(_:)`` returns (or throws) its outcome.
    func send(numbered sql: String, _ values: [PostgresValue]) -> EventLoopFuture<PostgresQueryResult> {
        connection.query(PostgresQuery(numbered: sql, values), logger: logger)
    }

    /// Waits for a statement ``send(numbered:_:)`` or ``send(copyInto:columns:data:)`` sent; throws its error in
    /// the store's words.
    func wait<T>(_ sent: EventLoopFuture<T>) throws {
        do {
            _ = try sent.wait()
        } catch let e as PSQLError {
            throw PostgresSession.wrap(e, url: url, lockTimeout: lockTimeout)
        }
    }

    private func result(_ sql: String, _ values: [PostgresValue]) throws -> (rows: [PostgresRow], metadata: PostgresQueryMetadata)
    {
        try result(PostgresQuery(sql, values))
    }

    /// Runs one statement and collects its rows as they arrive.
    ///
    /// PostgresNIO's own collecting (`query(_:logger:)`, whose future holds every row) copies the rows gathered so
    /// far each time more arrive, so a result of 400,000 rows (a province's teachers) took seconds and most of the
    /// process's memory traffic; here each row is appended once to an array nothing else holds.
    private func result(_ query: PostgresQuery) throws -> (rows: [PostgresRow], metadata: PostgresQueryMetadata) {
        let collected = CollectedRows()
        do {
            let metadata = try connection.query(query, logger: logger) { collected.rows.append($0) }.wait()
            return (collected.rows, metadata)
        } catch let e as PSQLError {
            throw PostgresSession.wrap(e, url: url, lockTimeout: lockTimeout)
        }
    }

    /// A server error in the store's words: a busy, overloaded or full database as the temporary ``StoreError``
    /// (``StoreError/isTemporary``) its SQLSTATE names, any other with its message and detail.
    static func wrap(_ e: PSQLError, url: String, lockTimeout: TimeInterval? = nil) -> Error {
        if let temporary = StoreError.postgres(sqlState: e.serverInfo?[.sqlState], url: url, lockTimeout: lockTimeout) {
            return temporary
        }
        if let info = e.serverInfo, let message = info[.message] {
            let detail = info[.detail].map { " (\($0))" } ?? ""
            return PostgresStoreError.server(url: url, message: message + detail)
        }
        return PostgresStoreError.server(url: url, message: String(reflecting: e.code))
    }

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(_ error: Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }
}

/// The rows of one statement, appended on the connection's event loop and read by the waiting thread after the
/// statement's future completes (which orders the two).
private final class CollectedRows: @unchecked Sendable {
    var rows: [PostgresRow] = []
}

extension PostgresRandomAccessRow {
    func text(_ i: Int) throws -> String? { try self[i].decode(String?.self) }
    func string(_ i: Int) throws -> String { try self[i].decode(String.self) }
    func int(_ i: Int) throws -> Int? { try self[i].decode(Int?.self) }
    func bool(_ i: Int) throws -> Bool { try self[i].decode(Bool.self) }
    func date(_ i: Int) throws -> Date? { try self[i].decode(Date?.self) }
    func int64(_ i: Int) throws -> Int64 { Int64(try self[i].decode(Int.self)) }
    func bytes(_ i: Int) throws -> [UInt8]? { try self[i].decode(ByteBuffer?.self).map { Array($0.readableBytesView) } }
}

extension PostgresSession {
    /// Runs SQL text of several statements (a migration), without arguments, one statement at a time: a statement
    /// ends at a line ending in `;` outside a `$$` body.
    func script(_ sql: String) throws {
        var statement = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            statement += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && line.hasSuffix(";") {
                try execute(statement)
                statement = ""
            }
        }
        if !statement.allSatisfy(\.isWhitespace) { try execute(statement) }
    }
}
