import GRDB

extension School {
    /// The stored school, or ``StoreError/unknownSchool(id:)``: the one check every `--school` / `{school}` uses.
    @discardableResult
    public static func require(_ db: Database, id: String) throws -> School {
        guard let s = try School.fetchOne(db, key: id) else { throw StoreError.unknownSchool(id: id) }
        return s
    }
}

extension AppDatabase {
    /// Throws ``StoreError/unknownSchool(id:)`` when the school is not stored.
    public func requireSchool(_ id: String) throws {
        try writer.read { db in _ = try School.require(db, id: id) }
    }
}
