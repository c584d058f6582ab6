import GRDB

extension AppDatabase {
    /// A token that changes whenever the store's data changes: the `storeVersion` counter, which every write
    /// transaction raises in the same transaction as its data (``recordChange(_:)``). Caches of computed reports
    /// compare it on every request, so a write by any process (the CLI included) is noticed at the next request,
    /// and a write that did not commit is never seen. Reading it is one row; it never waits for a writer.
    public func dataVersion() throws -> String {
        try writer.read { db in
            String(try Int64.fetchOne(db, sql: "SELECT version FROM storeVersion WHERE id = 1") ?? 0)
        }
    }

    /// Raises the store's data version inside the caller's write transaction. Every operation that changes stored
    /// data calls it once per transaction (imports, schedule builds, …), so that ``dataVersion()`` moves exactly
    /// when such a transaction commits.
    public static func recordChange(_ db: Database) throws {
        try db.execute(sql: "UPDATE storeVersion SET version = version + 1 WHERE id = 1")
    }
}
