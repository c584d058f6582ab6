import Foundation
import Testing

/// Issue #19 on the command line: `schedule record`, `schedule deliveries`, `groups record` and `groups list`,
/// their refusals (one line, exit status, nothing stored) and their audit lines.
@Suite struct DeliveryCommandTests {
    func built() throws -> String {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = dir.appendingPathComponent("f.xml")
        try ScheduleCommandTests.feed.write(to: feed, atomically: true, encoding: .utf8)
        #expect(try CLIRunner.run(["--db", db, "import", feed.path]).status == 0)
        let build = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall", "--school", "S1"])
        #expect(build.status == 0, "\(build.stderr)")
        return db
    }

    @Test func aSessionIsRecordedCorrectedAndListed() throws {
        let db = try built()
        let list = try CLIRunner.run([
            "--db", db, "schedule", "deliveries", "--school", "S1", "--sessions", "--as-of", "2026-10-31", "--format", "csv",
        ])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.components(separatedBy: "\r\n")  // CSV lines end in CRLF
        let first = try #require(rows.dropFirst().first?.components(separatedBy: ",").first)
        #expect(first.hasPrefix("S1/S1-3-"))
        let given = try CLIRunner.run(["--db", db, "schedule", "record", first, "--given", "--reflection", "学生积极"])
        #expect(given.status == 0 && given.stdout.contains("\(first): given"), "\(given.stderr)")
        let noReason = try CLIRunner.run(["--db", db, "schedule", "record", first, "--not-given"])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("--not-given needs --reason exam, holiday, event, illness or other"))
        let id = try CLIRunner.run(["--db", db, "schedule", "record", first, "--given", "--reflection", "11010519491231002X"])
        #expect(id.status == 2 && id.stderr.contains("looks like a Chinese ID-card number"), "\(id.stderr)")
        let bad = try CLIRunner.run(["--db", db, "schedule", "record", "S1/S1-3-1/2026-09-01/9", "--given"])
        #expect(bad.status == 1 && bad.stderr.contains("no scheduled session S1/S1-3-1/2026-09-01/9"), "\(bad.stderr)")
        let exam = try CLIRunner.run(["--db", db, "schedule", "record", first, "--not-given", "--reason", "exam"])
        #expect(exam.status == 0 && exam.stdout.contains("not given (exam)"))
        let history = try CLIRunner.run(["--db", db, "schedule", "deliveries", "--school", "S1", "--history", "--format", "json"])
        let records = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(records.map { $0["given"] as? Bool } == [true, false])
        #expect(records[1]["supersedes"] as? Int == records[0]["id"] as? Int)
        let rates = try CLIRunner.run(["--db", db, "schedule", "deliveries", "--school", "S1", "--as-of", "2026-10-31"])
        #expect(rates.status == 0 && rates.stdout.contains("school"), "\(rates.stderr)")
        let audit = try CLIRunner.run(["--db", db, "audit", "--format", "json"])
        #expect(audit.stdout.components(separatedBy: "delivery.record").count - 1 == 2)
    }

    @Test func aGroupRunFitsItsActivityAndItsNotesNameNoStudent() throws {
        let db = try built()
        let base = ["--db", db, "groups", "record", "--school", "S1", "--date", "2026-10-15", "--facilitator", "P1"]
        let small = try CLIRunner.run(base + ["--activity", "xinyu-salon", "--participants", "7"])
        #expect(small.status == 2 && small.stderr.contains("7 participants do not fit activity xinyu-salon, which takes 8–12"))
        let number = try CLIRunner.run(base + ["--activity", "xinyu-salon", "--participants", "9", "--notes", "学号 20230815"])
        #expect(number.status == 2 && number.stderr.contains("looks like a student number"))
        let ok = try CLIRunner.run(base + ["--activity", "xinyu-salon", "--participants", "9", "--notes", "围坐分享"])
        #expect(ok.status == 0 && ok.stdout == "1\n", "\(ok.stderr)")
        let list = try CLIRunner.run(["--db", db, "groups", "list", "--school", "S1"])
        #expect(list.stdout.contains("xinyu-salon") && list.stdout.contains("围坐分享"))
        #expect(try CLIRunner.run(["--help"]).stdout.contains("groups"))
        let help = try CLIRunner.run(["groups", "record", "--help"])
        #expect(help.stdout.contains("never names") && help.stdout.contains("never a student's name or number"))
    }
}
