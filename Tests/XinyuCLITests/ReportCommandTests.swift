import Foundation
import Testing

/// Reports and planners through the real binary: bad arguments and bad files give one line and the right status.
@Suite struct ReportCommandTests {
    /// A small imported district shared by the tests of this suite.
    static let district: (dir: URL, db: String) = {
        let dir = try! CLIRunner.tempDir()
        let feed = dir.appendingPathComponent("d.xml").path
        let db = dir.appendingPathComponent("d.sqlite").path
        _ = try! CLIRunner.run(["sample-feed", feed, "--schools", "3", "--seed", "11"])
        _ = try! CLIRunner.run(["import", feed, "--db", db])
        return (dir, db)
    }()

    func expectOneLine(_ r: CLIRunner.Result, status: Int32, mentions: String) {
        #expect(r.status == status)
        #expect(r.stderr.split(separator: "\n").count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(mentions), "stderr: \(r.stderr)")
    }

    @Test func coverageJSONHasTheContractKeysAndCSVHasBOM() throws {
        let db = Self.district.db
        let r = try CLIRunner.run(["coverage", "--db", db, "--as-of", "2026-09-01", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["asOf"] as? String == "2026-09-01")
        let district = try #require(json["district"] as? [String: Any])
        for key in [
            "schools", "teachers", "certified", "meetingRoleRequirement", "schoolsWithQualifiedPsychTeacher",
            "expiring", "lapsed", "eligible",
        ] {
            #expect(district[key] != nil, "district.\(key)")
        }
        #expect(district["schools"] as? Int == 3)
        let schools = try #require(json["schools"] as? [[String: Any]])
        #expect(schools.compactMap { $0["id"] as? String } == ["S0001", "S0002", "S0003"])
        let csv = try CLIRunner.run(["coverage", "--db", db, "--as-of", "2026-09-01", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}"))
    }

    /// Unknown ids are usage errors (exit 1); a bad date, school year or term is rejected input (exit 2).
    @Test func badDatesYearsAndTermsExit2AndUnknownIdsExit1() throws {
        let db = Self.district.db
        expectOneLine(
            try CLIRunner.run(["coverage", "--db", db, "--as-of", "2026-02-30"]), status: 2, mentions: "--as-of 2026-02-30")
        expectOneLine(try CLIRunner.run(["coverage", "--db", db, "--school", "S9999"]), status: 1, mentions: "S9999")
        expectOneLine(try CLIRunner.run(["quota", "--db", db, "--year", "abc"]), status: 2, mentions: "--year abc")
        expectOneLine(
            try CLIRunner.run(["teachers", "show", "T404", "--db", db, "--as-of", "2026-09-01"]), status: 1, mentions: "T404")
        expectOneLine(
            try CLIRunner.run(["schedule", "build", "--db", db, "--term", "2026-winter"]), status: 2,
            mentions: "--term 2026-winter")
    }

    @Test func badProfileAndSessionsFilesAreInputRejectedExit2() throws {
        let (dir, db) = Self.district
        let profile = dir.appendingPathComponent("bad-profile.yaml").path
        try "levels:\n  C:\n    trainingHours: -5\n".write(toFile: profile, atomically: true, encoding: .utf8)
        expectOneLine(try CLIRunner.run(["coverage", "--db", db, "--profile", profile]), status: 2, mentions: "bad-profile.yaml")
        let sessions = dir.appendingPathComponent("sessions.csv").path
        try "id,title,date,hours,category,tier,capacity\nP1,培训,2026-10-10,6,professional,40,-3\n"
            .write(toFile: sessions, atomically: true, encoding: .utf8)
        expectOneLine(
            try CLIRunner.run(["quota", "plan", "--db", db, "--year", "2026-2027", "--sessions", sessions]),
            status: 2, mentions: "sessions.csv")
    }

    @Test func lessonsAndActivitiesListAsJSON() throws {
        let r = try CLIRunner.run(["lessons", "list", "--band", "junior", "--format", "json"])
        #expect(r.status == 0)
        let lessons = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(lessons.count >= 8)
        #expect(
            lessons.allSatisfy {
                $0["band"] as? String == "junior" && $0["id"] != nil && $0["theme"] != nil && $0["title"] != nil
            })
        expectOneLine(try CLIRunner.run(["lessons", "show", "no-such-lesson"]), status: 1, mentions: "no-such-lesson")
        #expect(try CLIRunner.run(["activities", "list"]).stdout.contains("心语沙龙"))
    }
}
