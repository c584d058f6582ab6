import Foundation
import GRDB
import Testing
import XinyuCore
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
        try trainingNoticesAndCertificatesPrintTheSame(sqlite: sqlite, pg: pg, dir: dir, teacher: String(firstId))
    }

    /// Issues #15 and #16 on both engines: a training, the same sign-in sheet, approvals, hours statistics, the
    /// reminders' CSV outbox and a revoked certificate print the same bytes; the instants at which each command
    /// ran (`created`, `enteredAt`, …) are the only difference allowed, and are masked.
    func trainingNoticesAndCertificatesPrintTheSame(sqlite: String, pg: String, dir: URL, teacher: String) throws {
        let ids = try DatabaseQueue(path: sqlite).read { db in
            try String.fetchAll(db, sql: "SELECT id FROM teacher WHERE schoolId = 'S0001' ORDER BY id LIMIT 3")
        }
        try #require(ids.count == 3)
        let sheet = dir.appendingPathComponent("sheet.csv")
        try Data(("\u{FEFF}工号,姓名,学时,备注\r\n\(ids[0]),,3,\r\n\(ids[1]),,1.5,迟到\r\nT9,无名,3,\r\n").utf8)
            .write(to: sheet)
        let number = try #require(
            try DatabaseQueue(path: sqlite).read { db in
                try String.fetchOne(
                    db,
                    sql: """
                        SELECT a.number FROM award a JOIN teacher t ON t.id = a.teacherId
                        WHERE a.number IS NOT NULL AND t.status = 'active' AND a.issued <= '2026-01-01'
                        ORDER BY a.issued DESC, a.number LIMIT 1
                        """)
            })
        var outputs: [String: [String]] = [:]
        for (engine, db) in [("sqlite", sqlite), ("pg", pg)] {
            // Each engine in its own directory, with the same relative paths: the commands read the same.
            let cwd = dir.appendingPathComponent(engine)
            try FileManager.default.createDirectory(at: cwd, withIntermediateDirectories: true)
            try "sender: \"心育 <xinyu@jyj.example.cn>\"\noutboxDirectory: outbox\n"
                .write(to: cwd.appendingPathComponent("notify.yaml"), atomically: true, encoding: .utf8)
            let steps: [[String]] = [
                [
                    "trainings", "add", "--school", "S0001", "--title", "全员培训", "--category", "professional",
                    "--tier", "60", "--mode", "2", "--date", "2026-03-01", "--hours", "3", "--track", "cpd",
                ],
                ["trainings", "list"], ["trainings", "list", "--format", "json"],
                ["attendance", "import", sheet.path, "--course", "S0001-T0001"],
                ["attendance", "import", sheet.path, "--course", "S0001-T0001", "--format", "json"],
                ["approvals", "list"], ["approvals", "list", "--format", "json"],
                ["approvals", "return", "2", "--reason", "迟到者学时待核实"],
                ["approvals", "approve", "--course", "S0001-T0001"], ["approvals", "certify", "1"],
                ["approvals", "history", "1"], ["approvals", "list", "--state", "returned"],
                ["stats", "hours", "--year", "2025-2026", "--format", "json"],
                ["teachers", "show", ids[0], "--as-of", "2026-06-30"], ["teachers", "show", ids[1], "--as-of", "2026-06-30"],
                ["remind", "--as-of", "2026-03-02", "--dry-run", "--format", "json"],
                ["remind", "--as-of", "2026-03-02", "--notify", "notify.yaml", "--format", "json"],
                ["notices", "list"], ["notices", "list", "--state", "sent", "--format", "json"],
                ["certs", "revoke", number, "--reason", "证书信息有误"], ["certs", "list", "--as-of", "2026-09-01"],
                ["certs", "revoked", "--format", "json"], ["coverage", "--as-of", "2026-09-01"],
                ["teachers", "show", teacher, "--as-of", "2026-09-01"], ["check"],
            ]
            var out: [String] = []
            for step in steps {
                let r = try CLIRunner.run(step + ["--db", db], cwd: cwd)
                // Every step succeeds; the sheet's unknown teacher T9 makes its import exit 3 (rows rejected).
                #expect(r.status == (step[0] == "attendance" ? 3 : 0), "\(engine) \(step): \(r.stderr)")
                out.append("\(step.joined(separator: " ")) → \(r.status)\n" + Self.maskingInstants(r.stdout))
            }
            let outbox = cwd.appendingPathComponent("outbox/S0001.csv")
            out.append(Self.maskingInstants(try String(contentsOf: outbox, encoding: .utf8)))
            outputs[engine] = out
        }
        let a = try #require(outputs["sqlite"])
        let b = try #require(outputs["pg"])
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) {
            #expect(x == y, "differs between SQLite and PostgreSQL:\n\(x)\n---\n\(y)")
        }
        #expect(a[0].hasSuffix("→ 0\nS0001-T0001\n"))
        #expect(a[3].contains("added 2"))
        #expect(a.contains { $0.hasPrefix("certs revoke") && $0.contains("→ 0") })
    }

    /// `text` with every instant (`2026-12-01T20:11:55Z`, `2026-12-01 20:11`, …) replaced by `<instant>`: each
    /// engine's commands ran at their own time. Days stay.
    static func maskingInstants(_ text: String) -> String {
        text.replacingOccurrences(
            of: #"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"#, with: "<instant>",
            options: .regularExpression)
    }

    /// A write that waits past `XINYU_BUSY_TIMEOUT` for the write lock of another connection ends with one line
    /// saying the database is busy, and a non-zero exit.
    @Test(.enabled(if: server != nil)) func aBusyPostgreSQLStoreIsOneLineAndNonZero() throws {
        let server = try #require(Self.server)
        let name = "xinyu_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresStore.createDatabase(name, on: server)
        let pg = "postgres://\(server.user)@\(server.host):\(server.port)/\(name)?sslmode=\(server.sslMode)"
        let dir = try CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("feed.xml").path
        #expect(try CLIRunner.run(["sample-feed", feed, "--schools", "1", "--seed", "3"]).status == 0)
        let holder = try PostgresStore.open(url: pg)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? holder.applyFeed { _ in
                holding.signal()
                release.wait()
                return .rollback
            }
            done.signal()
        }
        holding.wait()
        let r = try CLIRunner.run(["import", feed, "--db", pg], env: ["XINYU_BUSY_TIMEOUT": "1"])
        release.signal()
        done.wait()
        #expect(r.status != 0)
        #expect(r.stderr.hasPrefix("xinyu: database postgres://") && r.stderr.contains(" is busy: "), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try CLIRunner.run(["import", feed, "--db", pg]).status == 0)
    }
}
