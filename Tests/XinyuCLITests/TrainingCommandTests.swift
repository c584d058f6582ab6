import Foundation
import Testing

/// Issue #15 through the real binary: a training, its template, a GBK sign-in sheet, reviews, a submission and the
/// teacher's ledger before and after certification; exit statuses and one-line errors.
@Suite struct TrainingCommandTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="urn:xinyu:district-feed:1" id="F-T15" district="440608" generated="2026-09-01T08:00:00+08:00">
          <schools><school id="S1" stage="primary"><name>第一小学</name><grade level="1" classes="2"/></school></schools>
          <teachers>
            <teacher id="T1" school="S1" role="psych-fulltime"><name>王芳</name></teacher>
            <teacher id="T2" school="S1" role="subject-teacher"><name>李娜</name></teacher>
            <teacher id="T3" school="S1" role="subject-teacher"><name>陈静</name></teacher>
          </teachers>
        </feed>

        """

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    @Test func aTrainingFromSheetToCountedHours() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        func xinyu(_ args: [String]) throws -> CLIRunner.Result { try CLIRunner.run(args + ["--db", db], cwd: dir) }
        try Self.feed.write(toFile: dir.appendingPathComponent("feed.xml").path, atomically: true, encoding: .utf8)
        #expect(try xinyu(["import", "feed.xml"]).status == 0)

        let add = [
            "trainings", "add", "--school", "S1", "--title", "全员培训", "--category", "professional", "--tier", "60",
            "--mode", "2", "--date", "2026-03-01",
        ]
        let bad = try xinyu(add + ["--hours", "0"])
        #expect(bad.status == 2 && bad.stderr.hasPrefix("xinyu: --hours 0:") && bad.stderr.split(separator: "\n").count == 1)
        let added = try xinyu(add + ["--hours", "3", "--track", "cpd"])
        #expect(added.status == 0 && added.stdout == "S1-T0001\n")
        #expect(try xinyu(["trainings", "list", "--school", "S1"]).stdout.contains("全员培训"))

        let template = try xinyu(["attendance", "template", "--course", "S1-T0001", "--out", "roster.xlsx"])
        #expect(template.status == 0 && template.stdout.contains("3 teachers"))
        let unchanged = try xinyu(["attendance", "import", "roster.xlsx", "--course", "S1-T0001", "--format", "json"])
        let notSigned = try (json(unchanged.stdout) as? [String: Any])?["notSignedIn"] as? Int
        #expect(unchanged.status == 0 && notSigned == 3)

        let csv = "工号,姓名,学时,备注\r\nT1,王芳,3,\r\n,李娜,1.5,迟到\r\nT9,无名,3,\r\n"
        let literal = String(decoding: try JSONEncoder().encode(csv), as: UTF8.self)
        let script = "open('sheet.csv','wb').write(\(literal).encode('gbk'))"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", script]
        p.currentDirectoryURL = dir
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let imported = try xinyu(["attendance", "import", "sheet.csv", "--course", "S1-T0001", "--errors", "bad.csv"])
        #expect(imported.status == 3)
        #expect(imported.stdout.contains("added 2") && imported.stdout.contains("no teacher with this id"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.csv").path))
        #expect(try xinyu(["attendance", "import", "sheet.csv", "--course", "S1-T0001"]).stdout.contains("unchanged 2"))
        let strict = try xinyu(["attendance", "import", "sheet.csv", "--course", "S1-T0001", "--strict"])
        #expect(strict.status == 2)
        let missing = try xinyu(["attendance", "import", "nope.csv", "--course", "S1-T0001"])
        #expect(missing.status == 1 && missing.stderr.contains("nope.csv"))
        let noCourse = try xinyu(["attendance", "import", "sheet.csv", "--course", "C404"])
        #expect(noCourse.status == 1 && noCourse.stderr.hasPrefix("xinyu: no course with id C404"))

        let show = ["teachers", "show", "T1", "--as-of", "2026-06-30", "--format", "json"]
        var ledger = try json(try xinyu(show).stdout) as? [String: Any]
        #expect(ledger?["totalHours"] as? Double == 0 && ledger?["pendingHours"] as? Double == 3)
        let listed =
            try json(try xinyu(["approvals", "list", "--state", "submitted", "--format", "json"]).stdout)
            as? [[String: Any]]
        #expect(listed?.count == 2)
        let noReason = try xinyu(["approvals", "return", "2"])
        #expect(noReason.status == 1 && noReason.stderr.contains("needs a reason"))
        #expect(try xinyu(["approvals", "return", "2", "--reason", "迟到者学时待核实"]).status == 0)
        #expect(try xinyu(["approvals", "approve", "--course", "S1-T0001"]).stdout.contains("school-admin"))
        let early = try xinyu(["approvals", "certify", "2"])
        #expect(early.status == 1 && early.stderr.contains("record 2 is returned"))
        #expect(try xinyu(["approvals", "certify", "1"]).status == 0)
        ledger = try json(try xinyu(show).stdout) as? [String: Any]
        #expect(ledger?["totalHours"] as? Double == 3 && ledger?["pendingHours"] == nil)
        let shown = try xinyu(["teachers", "show", "T2", "--as-of", "2026-06-30"]).stdout
        #expect(shown.contains("returned") && shown.contains("迟到者学时待核实"))
        let history = try xinyu(["approvals", "history", "1"]).stdout
        #expect(history.contains("district-admin") && history.contains("cli:"))

        try Data("%PDF-1.4 certificate".utf8).write(to: dir.appendingPathComponent("cert.txt"))
        try Data("not a pdf".utf8).write(to: dir.appendingPathComponent("fake.pdf"))
        let fake = try xinyu([
            "submissions", "add", "--teacher", "T3", "--title", "省网络研修", "--hours", "10",
            "--date", "2026-04-01", "--evidence", "fake.pdf",
        ])
        #expect(fake.status == 2 && fake.stderr.contains("not a PDF, JPEG or PNG"))
        let submitted = try xinyu([
            "submissions", "add", "--teacher", "T3", "--title", "省网络研修", "--hours", "10",
            "--date", "2026-04-01", "--mode", "3", "--tier", "20", "--evidence", "cert.txt",
        ])
        #expect(submitted.status == 0 && submitted.stdout == "3\n")
        let out = try xinyu(["submissions", "evidence", "3", "--out", "copy.pdf"])
        #expect(out.status == 0 && out.stdout.contains("application/pdf"))
        #expect(try xinyu(["check"]).status == 0)
    }
}
