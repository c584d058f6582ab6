import GRDB

extension AppDatabase {
    /// A token that changes whenever imported data or stored schedules change: the latest import-log id and the
    /// latest scheduled-session id (both AUTOINCREMENT, so a rebuild that replaces rows moves it too). Caches of
    /// computed reports compare it on every request to notice writes made by another process, such as the CLI.
    public func dataVersion() throws -> String {
        try writer.read { db in
            let imports = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM importLog") ?? 0
            let sessions = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM scheduledSession") ?? 0
            return "\(imports).\(sessions)"
        }
    }
}
