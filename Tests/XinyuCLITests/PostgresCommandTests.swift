import Foundation
import Testing
import XinyuPostgres

/// The same feeds imported into SQLite and PostgreSQL print the same bytes (issue #18), through the real binary.
/// Runs when `XINYU_TEST_POSTGRES_URL` names a server whose role may create databases.
@Suite struct PostgresCommandTests {
    static var server: PostgresURL? {
        let env = ProcessInfo.processInfo.environment
        guard env["XINYU_TEST_POSTGRES"] != "0", let text = env["XINYU_TEST_POSTGRES_URL"], !text.isEmpty else { return nil }
        return try? PostgresURL(text)
    }

    @Test(.enabled(if: server != nil)) func bothEnginesPrintTheSameReports() throws {
        let server = try #require(Self.server)
        let name = "xinyu_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresStore.createDatabase(name, on: server)
        let pg = "postgres://\(server.user)@\(server.host):\(server.port)/\(name)?sslmode=\(server.sslMode)"
        let dir = try CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("feed.xml").path
        let sqlite = dir.appendingPathComponent("store.sqlite").path
        #expect(try CLIRunner.run(["sample-feed", feed, "--schools", "3", "--seed", "7"]).status == 0)
        for db in [sqlite, pg] {
            #expect(try CLIRunner.run(["import", feed, "--db", db]).status == 0)
            #expect(try CLIRunner.run(["import", feed, "--db", db]).stdout.contains("duplicate"))
            #expect(try CLIRunner.run(["schedule", "build", "--term", "2026-fall", "--db", db]).status == 0)
        }
        let teacher = try CLIRunner.run(["teachers", "list", "--format", "json", "--db", sqlite]).stdout
        let firstId = try #require(teacher.range(of: #""id" : ""#).map { teacher[$0.upperBound...].prefix { $0 != "\"" } })
        let commands: [[String]] = [
            ["coverage", "--as-of", "2026-09-01"], ["quota", "report", "--year", "2025-2026", "--teachers"],
            ["certs", "list", "--as-of", "2026-09-01"], ["teachers", "show", String(firstId), "--as-of", "2026-09-01"],
            ["schedule", "show", "--school", "S0001", "--term", "2026-fall"], ["schools", "list"], ["check"],
        ]
        for c in commands {
            let a = try CLIRunner.run(c + ["--db", sqlite])
            let b = try CLIRunner.run(c + ["--db", pg])
            #expect(a.status == 0, "\(c): \(a.stderr)")
            #expect(a.stdout == b.stdout, "\(c.joined(separator: " ")) differs between SQLite and PostgreSQL")
            #expect(a.status == b.status)
        }
        let backup = try CLIRunner.run(["backup", dir.appendingPathComponent("copy.sqlite").path, "--db", pg])
        #expect(backup.status == 1)
        #expect(backup.stderr.contains("pg_dump"))
    }
}
