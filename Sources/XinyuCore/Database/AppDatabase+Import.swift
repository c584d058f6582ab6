import GRDB

extension AppDatabase: FeedStore {
    /// One feed's transaction (see ``FeedStore``): `BEGIN IMMEDIATE`, so the write lock is held from the first
    /// statement. For the feed's transaction the page cache is larger (32 MiB, restored afterwards) and SQLite's
    /// per-row foreign-key probes are off: the importer checks every reference itself before writing (a record
    /// naming an unknown school, teacher or course is rejected with its line), so the probes only repeated that
    /// work, at a third of a large feed's write time. Every other writer keeps them.
    public func applyFeed(_ body: (any FeedTransaction) throws -> FeedTransactionEnd) throws {
        do {
            try writer.writeWithoutTransaction { conn in
                let cache = try Int.fetchOne(conn, sql: "PRAGMA cache_size") ?? -2000
                try conn.execute(sql: "PRAGMA cache_size = -32768")
                defer { try? conn.execute(sql: "PRAGMA cache_size = \(cache)") }
                let foreignKeys = try Bool.fetchOne(conn, sql: "PRAGMA foreign_keys") ?? true
                if foreignKeys { try conn.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if foreignKeys { try? conn.execute(sql: "PRAGMA foreign_keys = ON") } }
                try conn.inTransaction(.immediate) {
                    let transaction = SQLiteFeedTransaction(conn)
                    defer { transaction.stop() }  // on every path, before the transaction ends
                    switch try body(transaction) {
                    case .commit:
                        try transaction.flush()
                        return .commit
                    case .rollback:
                        return .rollback
                    }
                }
            }
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    public func logImportAttempt(_ entry: ImportLogEntry) throws {
        var entry = entry
        do {
            try writer.write { try entry.insert($0) }
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    public func importLog() throws -> [ImportLogEntry] {
        try reading { try ImportLogEntry.order(Column("id")).fetchAll($0) }
    }

    public func importLog(district: String) throws -> [ImportLogEntry] {
        try reading { try ImportLogEntry.filter(Column("district") == district).order(Column("id")).fetchAll($0) }
    }

    public func importLogEntry(id: Int64) throws -> ImportLogEntry? {
        try reading { try ImportLogEntry.fetchOne($0, key: id) }
    }
}
