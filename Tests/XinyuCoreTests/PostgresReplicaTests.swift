import Foundation
import Testing
import XinyuCore
import XinyuPostgres

/// `--read-db` (issue #18): a PostgreSQL store composed of a writer and a reporting replica. Runs on the test server
/// (`XINYU_TEST_POSTGRES_URL`), each store on new databases.
@Suite struct PostgresReplicaTests {
    static var server: PostgresURL? {
        let env = ProcessInfo.processInfo.environment
        guard env["XINYU_TEST_POSTGRES"] != "0", let text = env["XINYU_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
        return try? PostgresURL(text)
    }

    static func newDatabase(_ server: PostgresURL) throws -> PostgresURL {
        let name = "xinyu_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresStore.createDatabase(name, on: server)
        return server.with(database: name)
    }

    static func importOneSchool(_ store: PostgresStore) throws {
        try store.applyFeed(district: "440608") { t in
            try t.upsertSchool(
                School(id: "S1", name: "第一小学", stage: .primary, counselingRoom: true, district: "440608"), grades: [])
            try t.recordChange()
            try t.logAttempt(
                ImportLogEntry(
                    feedId: "f1", format: "district-v1", file: "f1.xml", digest: "ab", importedAt: Date(),
                    status: .applied, accepted: "{}", rejectedCount: 0, rejections: "[]"))
            return .commit
        }
    }

    @Test(.enabled(if: server != nil)) func reportsReadTheReplicaAndWritesGoToThePrimary() throws {
        let server = try #require(Self.server)
        let primary = try Self.newDatabase(server)
        // A database that is not a copy of the primary shows where each read goes.
        let elsewhere = try Self.newDatabase(server)
        _ = try PostgresStore.open(elsewhere)
        let store = try PostgresStore.open(primary, replica: elsewhere)
        try Self.importOneSchool(store)
        #expect(try store.importLog().map(\.feedId) == ["f1"])  // the primary
        #expect(try store.schoolSummaries().isEmpty)  // the "replica"
        #expect(try store.tableCounts()["school"] == 0)
        #expect(try PostgresStore.open(primary).schoolSummaries().map(\.id) == ["S1"])
    }

    @Test(.enabled(if: server != nil)) func aReplicaOnTheSameDatabaseSeesEveryCommit() throws {
        let server = try #require(Self.server)
        let primary = try Self.newDatabase(server)
        let store = try PostgresStore.open(primary, replica: primary)
        let before = try store.dataVersion()
        try Self.importOneSchool(store)
        #expect(try store.dataVersion() != before)
        #expect(try store.schoolSummaries().map(\.id) == ["S1"])
        #expect(try store.schoolDistricts() == ["S1": "440608"])
    }
}
