import Foundation
import Testing
import XinyuCore

@testable import Certifications

@Suite struct QuotaReportTests {
    let year = SchoolYear(startYear: 2025)

    /// Two schools; teacher t1 meets everything, t2 falls short, t3 is inactive, t4 alone at school B.
    func district() throws -> AppDatabase {
        var att: [(teacher: String, course: String, hours: Int, status: AttendanceStatus, result: CourseResult, date: String)] =
            []
        // t1: public 18, professional 42 in 7 completed courses, elective 12 → 72 h, 7 sessions.
        att += [("t1", "pub1", 12, .completed, .none, "2025-09-10"), ("t1", "pub2", 6, .partial, .none, "2026-03-01")]
        for i in 1...7 { att.append(("t1", "pro\(i)", 6, .completed, .pass, "2025-10-0\(i)")) }
        att += [("t1", "ele1", 12, .completed, .none, "2026-08-31")]
        // t2: only counted hours of the right kinds; a fail, an absent and out-of-year records do not count.
        att += [
            ("t2", "pro1", 6, .completed, .none, "2025-10-01"), ("t2", "pro2", 6, .partial, .none, "2025-10-02"),
            ("t2", "pro3", 6, .completed, .fail, "2025-10-03"), ("t2", "pro4", 6, .absent, .none, "2025-10-04"),
            ("t2", "pro5", 6, .completed, .none, "2025-08-31"), ("t2", "pub1", 6, .completed, .none, "2026-09-01"),
        ]
        // Whole-staff: school A has 2 active teachers (t1, t2); ws1 completed by both in fall → counts; ws2 by one → not.
        att += [
            ("t1", "ws1", 3, .completed, .none, "2025-11-01"), ("t2", "ws1", 3, .completed, .none, "2025-11-01"),
            ("t1", "ws2", 3, .completed, .none, "2026-03-01"), ("t3", "ws2", 3, .completed, .none, "2026-03-01"),
        ]
        var courses: [(id: String, category: XinyuCore.Category, tier: Int)] = [
            ("pub1", .public, 40), ("pub2", .public, 40), ("ele1", .elective, 40), ("ws1", .elective, 60), ("ws2", .elective, 60),
        ]
        for i in 1...7 { courses.append(("pro\(i)", .professional, 40)) }
        return try QuotaFixture.database(
            schools: ["B", "A"],
            teachers: [("t1", "A", true), ("t2", "A", true), ("t3", "A", false), ("t4", "B", true)],
            courses: courses, attendance: att)
    }

    @Test func countsHoursAndSessionsAsTheRulesSay() throws {
        let r = QuotaReport.make(
            ledger: try QuotaLedger.load(from: district(), year: year, school: nil, rules: QuotaFixture.rules),
            includeTeachers: true, rules: QuotaFixture.rules)
        let t = Dictionary(uniqueKeysWithValues: (r.teachers ?? []).map { ($0.id, $0) })
        #expect(t["t3"] == nil, "inactive teachers are left out")
        let t1 = try #require(t["t1"])
        #expect(t1.hours["public"] == 18 && t1.hours["professional"] == 42)
        #expect(t1.hours["elective"] == Hours(tenths: 180), "12 h plus 6 h of whole-staff electives")
        #expect(t1.sessions == 7 && t1.meetsHours && t1.meetsSessions)
        let t2 = try #require(t["t2"])
        #expect(t2.hours["professional"] == 12, "completed + partial count; fail, absent, out of year do not")
        #expect(t2.hours["public"] == .zero)
        #expect(t2.sessions == 2, "completed professional courses in the year are sessions (RULES.md names no result)")
        #expect(t2.missing.sessions == 2)
        #expect(t2.missing.professional == 30 && t2.missing.public == 18)
        #expect(t2.missing.elective == Hours(tenths: 90))
        #expect(t2.missing.total == Hours(tenths: 570))
        #expect(t2.missing.hours == Hours(tenths: 570))
        #expect(!t2.meetsHours && !t2.meetsSessions)
    }

    @Test func schoolsAreSortedAndCountWholeStaffTrainings() throws {
        let r = try QuotaReport.compute(
            in: district(), year: year, school: nil, includeTeachers: false, rules: QuotaFixture.rules)
        #expect(r.year == "2025-2026")
        #expect(r.schools.map(\.id) == ["A", "B"])
        #expect(r.district.teachers == 3 && r.district.meetsHours == 1 && r.district.meetsSessions == 1)
        let a = r.schools[0]
        #expect(a.teachers == 2 && a.meetsAll == 1)
        #expect(a.wholeStaff.map(\.count) == [1, 0], "ws1: 2 of 2 in fall; ws2: 1 of 2 active (t3 left) in spring")
        #expect(a.wholeStaff[0].courses == ["ws1"] && !a.wholeStaff[0].met)
        #expect(r.teachers == nil)
    }

    @Test func jsonHasTheRequiredKeys() throws {
        let r = try QuotaReport.compute(in: district(), year: year, school: "B", includeTeachers: true, rules: QuotaFixture.rules)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(JSONOutput.string(r).utf8)) as? [String: Any])
        #expect(obj["year"] as? String == "2025-2026")
        let d = try #require(obj["district"] as? [String: Any])
        for k in ["teachers", "meetsHours", "meetsSessions"] { #expect(d[k] is Int) }
        let schools = try #require(obj["schools"] as? [[String: Any]])
        #expect(schools.count == 1 && schools[0]["id"] as? String == "B")
        for k in ["id", "teachers", "meetsHours", "meetsSessions"] { #expect(schools[0][k] != nil) }
        let teachers = try #require(obj["teachers"] as? [[String: Any]])
        #expect(teachers.map { $0["id"] as? String } == ["t4"])
    }

    @Test func unknownSchoolIsOneClearError() throws {
        #expect(throws: StoreError.self) {
            try QuotaReport.compute(in: district(), year: year, school: "nope", includeTeachers: false, rules: QuotaFixture.rules)
        }
    }

    @Test func rulesDecodeFromYAMLAndTheBundledProfile() throws {
        // The whole bundled profile with the district's own quota values: the quota sections are read by the one
        // profile loader, with the same checks as every other key.
        let base = try String(contentsOf: RuleProfile.bundledDefaultURL, encoding: .utf8)
        let yaml =
            base
            .replacingOccurrences(of: "yearMinimumHours: 72", with: "yearMinimumHours: 80")
            .replacingOccurrences(
                of: "{ public: 18, professional: 42, elective: 12 }", with: "{ public: 20, professional: 40.5, elective: 12 }"
            )
            .replacingOccurrences(of: "professionalSessionsPerYear: 4", with: "professionalSessionsPerYear: 5")
            .replacingOccurrences(of: "wholeStaffAttendanceShare: 0.8", with: "wholeStaffAttendanceShare: 0.75")
        #expect(yaml != base)
        let r = try QuotaRules.decode(yaml: yaml, file: "p.yaml")
        #expect(r.continuingEducation.minimum(.professional) == Hours(tenths: 405))
        #expect(r.unionQuota.professionalSessionsPerYear == 5)
        let bundled = try QuotaRules.load(profilePath: nil)
        #expect(bundled == QuotaFixture.rules)
        #expect(throws: InputError.self) { try QuotaRules.decode(yaml: "unionQuota: {}", file: "bad.yaml") }
        #expect(throws: InputError.self) {
            try QuotaRules.decode(yaml: yaml.replacingOccurrences(of: "0.75", with: "1.5"), file: "bad.yaml")
        }
    }
}
