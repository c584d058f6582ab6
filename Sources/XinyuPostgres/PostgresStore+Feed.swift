import Foundation
import PostgresNIO
import XinyuCore

/// ``FeedStore`` on PostgreSQL: a feed is one transaction under the store's write lock (an advisory lock taken
/// by its first statement, so ``FeedTransaction/isImported(feed:)`` still holds at commit).
extension PostgresStore {
    public func applyFeed(_ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws {
        try writing { s in
            let t = PostgresFeedTransaction(s, bulkLoad: bulkLoad)
            return ((), try Self.run(body, t))
        }
    }

    /// A district's feed takes the district's lock and the store's write lock shared (``writing(district:_:)``):
    /// feeds of two districts run at the same time.
    public func applyFeed(district: String?, _ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws {
        guard let district, district.utf8.count == 6, let code = Int(district) else { return try applyFeed(body) }
        try writing(district: code) { s in
            let t = PostgresFeedTransaction(s, bulkLoad: bulkLoad, district: code)
            return ((), try Self.run(body, t))
        }
    }

    /// Runs the importer's `body` in transaction `t` and tells whether to commit. Whatever `body` answers or throws,
    /// the batches it submitted are packed and sent first (``PostgresFeedTransaction/waitForPacking()``): the
    /// session is then the store's alone again, to commit or roll back.
    private static func run(
        _ body: (any FeedTransaction) throws -> FeedTransactionEnd, _ t: PostgresFeedTransaction
    ) throws -> Bool {
        let end: FeedTransactionEnd
        do {
            end = try body(t)
        } catch {
            try? t.waitForPacking()
            throw error
        }
        guard end == .commit else {
            try? t.waitForPacking()
            return false
        }
        try t.finish()
        return true
    }

    public func logImportAttempt(_ entry: ImportLogEntry) throws {
        try write { s in try Self.insertLog(entry, s) }
    }

    public func importLog() throws -> [ImportLogEntry] {
        try withSession { s in try s.rows("SELECT \(Self.logColumns) FROM importLog ORDER BY id").map(logEntry) }
    }

    public func importLog(district: String) throws -> [ImportLogEntry] {
        try withSession { s in
            try s.rows("SELECT \(Self.logColumns) FROM importLog WHERE district = ? ORDER BY id", [.text(district)])
                .map(logEntry)
        }
    }

    public func importLogEntry(id: Int64) throws -> ImportLogEntry? {
        try withSession { s in
            try s.rows("SELECT \(Self.logColumns) FROM importLog WHERE id = ?", [.int(Int(id))]).first.map(logEntry)
        }
    }

    static let logColumns =
        "id, feedId, format, file, digest, importedAt, status, accepted, rejectedCount, rejections, district"

    static func insertLog(_ e: ImportLogEntry, _ s: PostgresSession) throws {
        try s.execute(
            """
            INSERT INTO importLog
                (feedId, format, file, digest, importedAt, status, accepted, rejectedCount, rejections, district)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .text(e.feedId), .text(e.format), .text(e.file), .text(e.digest), .date(e.importedAt),
                .text(e.status.rawValue), .text(e.accepted), .int(e.rejectedCount), .text(e.rejections),
                .text(e.district),
            ])
    }

    private func logEntry(_ r: PostgresRandomAccessRow) throws -> ImportLogEntry {
        let id = try r.int(0) ?? 0
        return ImportLogEntry(
            id: Int64(id), feedId: try r.text(1), format: try r.string(2), file: try r.string(3),
            digest: try r.string(4), importedAt: try r.date(5) ?? Date(timeIntervalSince1970: 0),
            status: try word(r, 6, "importLog", String(id)), accepted: try r.string(7),
            rejectedCount: try r.int(8) ?? 0, rejections: try r.string(9), district: try r.text(10))
    }
}
