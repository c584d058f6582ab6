import Foundation
import Testing
import XinyuCore
import XinyuPostgres

/// One implementation of ``XinyuStore`` under test: the conformance suite runs every check on each engine here.
/// The checks use the protocols only.
struct StoreEngine: Sendable, CustomTestStringConvertible {
    let name: String
    /// Whether ``MaintenanceStore/backup(to:)`` writes a SQLite file (PostgreSQL refuses: `pg_dump` backs it up).
    var backsUpToFile = true
    /// Whether feeds of two districts (``FeedStore/applyFeed(district:_:)``) run at the same time (issue #18).
    /// PostgreSQL does; SQLite has one writer, so they follow one another.
    var runsDistrictFeedsAtOnce = false
    /// Whether a whole-store certification reading is cut into parts (every engine since PostgreSQL's migration
    /// v13 keeps a summary of each teacher's attendance).
    var cutsTheWholeStore = true
    /// A new, empty store with the current schema.
    let make: @Sendable () throws -> any XinyuStore

    var testDescription: String { name }

    static let sqliteInMemory = StoreEngine(name: "SQLite in memory") { try AppDatabase.inMemory() }

    static let sqliteFile = StoreEngine(name: "SQLite file") {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try AppDatabase.open(path: dir.appendingPathComponent("store.sqlite").path)
    }

    /// PostgreSQL, when `XINYU_TEST_POSTGRES_URL` names a server (and `XINYU_TEST_POSTGRES` is not `0`): each store
    /// is a new database on it (its role needs CREATEDB); `scripts/postgres-test-cluster.sh` starts one.
    static let postgres: StoreEngine? = {
        let env = ProcessInfo.processInfo.environment
        guard env["XINYU_TEST_POSTGRES"] != "0", let text = env["XINYU_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
        return StoreEngine(
            name: "PostgreSQL", backsUpToFile: false, runsDistrictFeedsAtOnce: true
        ) {
            let server = try PostgresURL(text)
            let name = "xinyu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try PostgresStore.createDatabase(name, on: server)
            return try PostgresStore.open(server.with(database: name))
        }
    }()

    /// Every engine the suite runs on.
    static let all: [StoreEngine] = [sqliteInMemory, sqliteFile] + (postgres.map { [$0] } ?? [])
}
