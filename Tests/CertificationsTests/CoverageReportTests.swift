import Foundation
import Testing
import XinyuCore

@testable import Certifications

@Suite struct CoverageReportTests {
    @Test func countsPerSchoolAndDistrict() throws {
        var f = try Fixture()
        // S1: an A holder whose A lapsed but B is valid and expiring; a C holder; an uncertified teacher eligible for C.
        try f.teacher("A1", role: .psychFulltime)
        try f.award("A1", .C, issued: "2019-01-01")
        try f.award("A1", .B, issued: "2016-09-01")  // ends 2021-09-01: expiring on D
        try f.award("A1", .A, issued: "2015-01-01")  // lapsed 2020-01-01
        try f.teacher("C1", role: .classTeacher)
        try f.award("C1", .C, issued: "2020-01-01")
        try f.teacher("N1")
        try f.attend("N1", track: .C, hours: 36, date: "2020-05-01", result: .pass)
        // S2: one leader with C only (role requires A), no psych teacher; an inactive teacher.
        try f.teacher("L2", school: "S2", role: .leader)
        try f.award("L2", .C, issued: "2020-01-01")
        try f.teacher("X2", school: "S2", role: .psychFulltime, status: .inactive)
        try f.award("X2", .A, issued: "2020-01-01")

        let r = try CoverageReport.compute(in: f.db, asOf: Day("2021-06-01")!, school: nil, profile: f.profile)
        #expect(r.schools.map(\.id) == ["S1", "S2"])
        let s1 = r.schools[0]
        let s2 = r.schools[1]
        #expect(s1.teachers == 3 && s1.certified.C == 2 && s1.certified.B == 1 && s1.certified.A == 0)
        #expect(s1.expiring == 1 && s1.lapsed == 1)  // A1 once each
        #expect(s1.eligible.C == 1 && s1.eligible.B == 0)
        #expect(s1.meetingRoleRequirement == 1 && s1.hasQualifiedPsychTeacher)  // C1 only (A1 needs A)
        #expect(s2.teachers == 1 && s2.certified.C == 1 && !s2.hasQualifiedPsychTeacher && s2.meetingRoleRequirement == 0)
        #expect(r.district.schools == 2 && r.district.teachers == 4 && r.district.certified.C == 3)
        #expect(r.district.schoolsWithQualifiedPsychTeacher == 1 && r.district.expiring == 1 && r.district.lapsed == 1)
        #expect(s1.belowTargets && s2.belowTargets)

        let one = try CoverageReport.compute(in: f.db, asOf: Day("2021-06-01")!, school: "S2", profile: f.profile)
        #expect(one.schools.map(\.id) == ["S2"] && one.district.teachers == 1)
        let unknown = #expect(throws: StoreError.self) {
            try CoverageReport.compute(in: f.db, asOf: Day("2021-06-01")!, school: "NOPE", profile: f.profile)
        }
        #expect(unknown?.exitStatus == 1 && unknown?.description.contains("NOPE") == true)
    }

    @Test func jsonHasTheIssueKeys() throws {
        let f = try Fixture()
        let r = try CoverageReport.compute(in: f.db, asOf: Day("2021-06-01")!, school: nil, profile: f.profile)
        let obj = try JSONSerialization.jsonObject(with: Data(try JSONOutput.string(r).utf8)) as! [String: Any]
        #expect(obj["asOf"] as? String == "2021-06-01")
        let d = obj["district"] as! [String: Any]
        for k in [
            "schools", "teachers", "certified", "meetingRoleRequirement", "schoolsWithQualifiedPsychTeacher",
            "expiring", "lapsed", "eligible",
        ] { #expect(d[k] != nil, "district.\(k)") }
        #expect(Set((d["certified"] as! [String: Any]).keys) == ["C", "B", "A"])
        let s = (obj["schools"] as! [[String: Any]])[0]
        for k in [
            "id", "teachers", "certified", "meetingRoleRequirement", "hasQualifiedPsychTeacher", "expiring",
            "lapsed", "eligible",
        ] { #expect(s[k] != nil, "schools.\(k)") }
        #expect(s["hasQualifiedPsychTeacher"] as? Bool == false)
    }
}
