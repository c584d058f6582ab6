import Foundation
import Testing

/// `schedule build` / `schedule show` for schools our users describe (#17), `timetable`, and `--db` everywhere.
@Suite struct ScheduleCommandTests {
    /// S1: a psychology teacher with B and a class teacher; S2: only a subject teacher (nothing can be placed);
    /// S3: a psychology teacher without a certificate.
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="urn:xinyu:district-feed:1" id="F17" district="440608" generated="2026-08-01T08:00:00+08:00">
          <schools>
            <school id="S1" stage="primary"><name>一小</name><grade level="3" classes="2"/></school>
            <school id="S2" stage="primary"><name>二小</name><grade level="1" classes="2"/></school>
            <school id="S3" stage="primary"><name>三小</name><grade level="4" classes="1"/></school>
          </schools>
          <teachers>
            <teacher id="P1" school="S1" role="psych-parttime"><name>王芳</name></teacher>
            <teacher id="C1" school="S1" role="class-teacher" homeroom="3-1"><name>李强</name></teacher>
            <teacher id="X2" school="S2" role="subject-teacher"><name>张伟</name></teacher>
            <teacher id="P3" school="S3" role="psych-fulltime"><name>陈静</name></teacher>
          </teachers>
          <awards>
            <award teacher="P1" level="B" issued="2024-01-10"/>
          </awards>
        </feed>
        """

    func district() throws -> (dir: URL, db: String) {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        let feed = dir.appendingPathComponent("f.xml")
        try Self.feed.write(to: feed, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["--db", db, "import", feed.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        return (dir, db)
    }

    @Test func aSchoolWithEveryClassUnplacedShowsItsReasons() throws {
        let (_, db) = try district()
        let build = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall", "--school", "S2"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("0 at the rules' frequency (0.0%), 0 less often (0.0%), 2 unplaced (100.0%)"))
        #expect(build.stdout.contains("no-qualified-teacher  2: no qualified teacher"))
        #expect(!build.stdout.contains("S2-1-1"), "unplaced classes are listed only with --unplaced")
        let show = try CLIRunner.run(["--db", db, "schedule", "show", "--school", "S2"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("\nunplaced:\n  S2-1-1: no qualified teacher: no active psych-fulltime or psych-parttime"))
        #expect(show.stdout.contains("  S2-1-2: no qualified teacher"))
        let json = try CLIRunner.run(["--db", db, "schedule", "show", "--school", "S2", "--format", "json"])
        let view = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(view["school"] as? String == "S2" && view["term"] as? String == "2026-fall")
        #expect((view["sessions"] as? [Any])?.isEmpty == true)
        #expect((view["unplaced"] as? [[String: Any]])?.map { $0["class"] as? String } == ["S2-1-1", "S2-1-2"])
        #expect((view["classes"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["unplaced", "unplaced"])
        // Only a school never built is "not built"; so is a term the school was never built for.
        let never = try CLIRunner.run(["--db", db, "schedule", "show", "--school", "S3"])
        #expect(never.status == 1)
        #expect(never.stderr == "xinyu: S3: no schedule stored; run `xinyu schedule build --term 2026-fall --school S3` first\n")
        let otherTerm = try CLIRunner.run(["--db", db, "schedule", "show", "--school", "S2", "--term", "2027-spring"])
        #expect(otherTerm.status == 1)
        #expect(
            otherTerm.stderr.hasPrefix(
                "xinyu: S2: no schedule stored for 2027-spring; run `xinyu schedule build --term 2027-spring"))
    }

    @Test func buildListsUnplacedOnlyWhenAsked() throws {
        let (_, db) = try district()
        let plain = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("3 schools, 5 classes"))
        #expect(plain.stdout.contains("list them with --unplaced"))
        let listed = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall", "--unplaced"])
        #expect(listed.stdout.contains("S2-1-1") && listed.stdout.contains("S2-1-2"))
        let csv = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall", "--format", "csv"])
        #expect(csv.stdout.contains("S2-1-1"))
        let json = try CLIRunner.run(["--db", db, "schedule", "build", "--term", "2026-fall", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // S3's psychology teacher holds no certificate: S2's two classes and S3's one stay unplaced.
        #expect(report["classesUnplaced"] as? Int == 3 && report["classesFull"] as? Int == 2)
        #expect((report["unplaced"] as? [Any])?.count == 3)
        // The class teacher gives only their own class.
        let s1 = try CLIRunner.run(["--db", db, "schedule", "show", "--school", "S1", "--format", "json"])
        let view = try #require(try JSONSerialization.jsonObject(with: Data(s1.stdout.utf8)) as? [String: Any])
        let sessions = try #require(view["sessions"] as? [[String: Any]])
        #expect(sessions.filter { $0["teacher"] as? String == "C1" }.allSatisfy { $0["class"] as? String == "S1-3-1" })
    }

    @Test func timetableImportAndShow() throws {
        let (dir, db) = try district()
        let file = dir.appendingPathComponent("timetable.csv")
        try """
        "Activity Id","Day","Hour","Students Sets","Subject","Teachers","Activity Tags","Room","Comments"
        "1","星期一","第2节","三(1)班","语文","王芳","","",""
        "2","星期二","第3节","三(2)班","数学","赵敏","","",""
        """.write(to: file, atomically: true, encoding: .utf8)
        let r = try CLIRunner.run(["--db", db, "timetable", "import", file.path, "--school", "S1"])
        #expect(r.status == 3)
        #expect(r.stdout.contains("S1 timetable partial (fet, UTF-8): 1 of 2 rows"))
        #expect(r.stdout.contains("\(file.path):3: teacher 赵敏 is not a teacher of school S1"))
        let show = try CLIRunner.run(["--db", db, "timetable", "show", "--teacher", "P1"])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("语文 S1-3-1"))
        let none = try CLIRunner.run(["--db", db, "timetable", "show", "--teacher", "P3"])
        #expect(none.status == 1)
        #expect(none.stderr == "xinyu: S3: no timetable imported; run `xinyu timetable import FILE --school S3` first\n")
    }

    /// `--db` may come before any command, and every command takes it and `$XINYU_DB`, even those that only read
    /// the bundled library.
    @Test func everyCommandTakesTheDatabaseOption() throws {
        let dir = try CLIRunner.tempDir()
        let db = dir.appendingPathComponent("x.sqlite").path
        for args in [
            ["lessons", "list"], ["lessons"], ["lessons", "show", "low-01"], ["activities", "list"], ["activities"],
            ["sample-feed", dir.appendingPathComponent("s.xml").path, "--schools", "1"],
        ] {
            let r = try CLIRunner.run(["--db", db] + args)
            #expect(r.status == 0, "\(args): \(r.stderr)")
            #expect(try CLIRunner.run(args + ["--db", db]).status == 0, "\(args)")
            #expect(try CLIRunner.run(args, env: ["XINYU_DB": db]).status == 0, "\(args)")
        }
    }
}
