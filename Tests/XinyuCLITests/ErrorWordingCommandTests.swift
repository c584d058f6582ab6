import Foundation
import Testing

/// The CLI adds its own hints (flags, commands) to the libraries' words.
@Suite struct ErrorWordingCommandTests {
    @Test func noScheduleStoredNamesTheBuildCommand() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = dir.appendingPathComponent("f.xml").path
        #expect(try CLIRunner.run(["sample-feed", feed, "--schools", "1"]).status == 0)
        #expect(try CLIRunner.run(["import", feed, "--db", db]).status == 0)
        let r = try CLIRunner.run(["schedule", "show", "--school", "S0001", "--db", db])
        #expect(r.status == 1)
        #expect(
            r.stderr == "xinyu: S0001: no schedule stored; run `xinyu schedule build --term 2026-fall --school S0001` first\n")
    }

    @Test func aBadBudgetNamesTheFlag() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let sessions = dir.appendingPathComponent("s.csv")
        try "id,title,school,date,hours,seats,cost\n".write(to: sessions, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run([
            "quota", "plan", "--year", "2026-2027", "--sessions", sessions.path, "--budget", "12k", "--db", db,
        ])
        #expect(r.status == 1)
        #expect(r.stderr == "xinyu: --budget 12k: not an amount like 12000 or 12000.50 (yuan, no sign)\n")
    }
}
