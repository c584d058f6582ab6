import Testing
import XinyuCore

@testable import Certifications

@Suite struct CertificationEngineTests {
    @Test func countedHoursRules() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.attend("T1", track: .C, hours: 10, date: "2020-03-01", result: .pass)
        try f.attend("T1", track: .C, hours: Hours(tenths: 55), date: "2020-03-02", status: .partial)
        try f.attend("T1", track: .C, hours: 10, date: "2020-03-03", result: .fail)  // fail: not counted
        try f.attend("T1", track: .C, hours: 10, date: "2020-03-04", status: .absent)  // absent: not counted
        try f.attend("T1", track: .C, hours: 10, date: "2020-03-06")  // after the date
        try f.attend("T1", track: .none, hours: 4, date: "2020-03-01", category: .public)
        let c = try f.level("T1", .C, "2020-03-05")
        #expect(c.trackHours == Hours(tenths: 155) && c.passed && c.status == .inTraining)
        #expect(c.reason == "C: 15.5 of 36.0 h, passed")
        let ledger = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Day("2020-03-05")!, profile: f.profile)
        #expect(ledger.hoursByTrack["C"] == Hours(tenths: 155) && ledger.hoursByTrack["none"] == 4)
        #expect(ledger.hoursByCategory["public"] == 4 && ledger.totalHours == Hours(tenths: 195))
    }

    @Test func eligibleForCNeedsHoursAndPass() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.attend("T1", track: .C, hours: 36, date: "2020-03-01")
        #expect(try f.level("T1", .C, "2020-04-01").status == .inTraining)
        #expect(try f.level("T1", .C, "2020-04-01").reason == "C: 36.0 of 36.0 h, no pass yet")
        try f.attend("T1", track: .C, hours: 1, date: "2020-03-10", result: .pass)
        #expect(try f.level("T1", .C, "2020-04-01").status == .eligible)
        #expect(try f.level("T1", .C, "2020-03-09").status == .inTraining)
    }

    @Test func renewalOverSeveralCycles() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .C, issued: "2010-01-01")
        try f.attend("T1", track: .cpd, hours: 24, date: "2012-05-01")  // renews cycle 1
        try f.attend("T1", track: .B, hours: 12, date: "2016-05-01")  // cycle 2: track B counts too
        try f.attend("T1", track: .A, hours: 12, date: "2019-12-31")  // last day of cycle 2
        // Cycle 3 is [2020-01-01, 2025-01-01) with no renewal hours.
        let c = try f.level("T1", .C, "2024-06-01")
        #expect(c.status == .certified && c.cycleStart == Day("2020-01-01") && c.cycleEnd == Day("2025-01-01"))
        #expect(c.renewalHours == 0)
        #expect(try f.level("T1", .C, "2024-07-04").status == .certified)  // 181 days before the end: not yet
        #expect(try f.level("T1", .C, "2024-07-05").status == .expiring)  // end exactly 180 days after D
        let lapsed = try f.level("T1", .C, "2025-01-01")
        #expect(lapsed.status == .lapsed && lapsed.countsFrom == Day("2025-01-01") && !lapsed.certified)
    }

    @Test func shortRenewalLapsesAtCycleEnd() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .C, issued: "2010-01-01")
        try f.attend("T1", track: .cpd, hours: Hours(tenths: 239), date: "2012-05-01")
        try f.attend("T1", track: .none, hours: 50, date: "2012-05-01")  // not mental-health training
        #expect(try f.level("T1", .C, "2014-12-31").status == .expiring)
        #expect(try f.level("T1", .C, "2015-01-01").status == .lapsed)
        try f.attend("T1", track: .cpd, hours: Hours(tenths: 1), date: "2015-01-01")  // too late for cycle 1
        #expect(try f.level("T1", .C, "2015-06-01").status == .lapsed)
    }

    @Test func explicitExpires() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .B, issued: "2020-01-01", expires: "2022-06-30")
        #expect(try f.level("T1", .B, "2022-06-29").status == .expiring)
        #expect(try f.level("T1", .B, "2022-06-30").status == .lapsed)
        try f.attend("T1", track: .cpd, hours: 36, date: "2021-01-01")
        let b = try f.level("T1", .B, "2022-06-30")
        #expect(b.status == .certified && b.cycleStart == Day("2022-06-30") && b.cycleEnd == Day("2027-06-30"))
    }

    @Test func lapseThenRetrainingCountsOnlyLaterHours() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.attend("T1", track: .C, hours: 40, date: "2014-06-01", result: .pass)
        try f.award("T1", .C, issued: "2015-01-01")  // lapses 2020-01-01
        try f.attend("T1", track: .C, hours: 20, date: "2021-03-01")
        let c = try f.level("T1", .C, "2021-06-01")
        #expect(c.status == .lapsed && c.lapsed && c.inTraining && !c.eligible)
        #expect(c.trackHours == 20 && !c.passed && c.countsFrom == Day("2020-01-01"))
        #expect(c.reason == "C: lapsed 2020-01-01; since then 20.0 of 36.0 h, no pass yet")
        try f.attend("T1", track: .C, hours: 16, date: "2021-04-01", result: .pass)
        let again = try f.level("T1", .C, "2021-06-01")
        #expect(again.status == .eligible && again.trackHours == 36 && again.lapsed)
    }

    @Test func bHeldWithoutC() throws {
        var f = try Fixture()
        try f.teacher("T1", role: .psychParttime)
        try f.award("T1", .B, issued: "2020-01-01")
        let s = try f.status("T1", "2021-01-01")
        #expect(s.effectiveLevel == .B && s.meetsRoleRequirement && !s.level(.C).certified && s.level(.B).certified)
        let cov = try CoverageReport.compute(in: f.db, asOf: Day("2021-01-01")!, school: "S1", profile: f.profile)
        #expect(cov.district.certified.C == 1 && cov.district.certified.B == 1 && cov.district.certified.A == 0)
        #expect(cov.schools[0].hasQualifiedPsychTeacher)
        // A's prerequisite: B held 2 years.
        try f.attend("T1", track: .A, hours: 120, date: "2020-06-01", result: .pass)
        try f.counseling("T1", date: "2020-06-01", hours: 60)
        try f.lessons("T1", date: "2020-06-01", periods: 40)
        let a1 = try f.level("T1", .A, "2021-12-31")
        #expect(a1.status == .inTraining && a1.reason.contains("needs 2 years"))
        #expect(try f.level("T1", .A, "2022-01-01").status == .eligible)
    }

    /// B held 3 years and A's hours and pass done; only practice varies.
    func practiceFixture() throws -> Fixture {
        var f = try Fixture()
        try f.teacher("T1", role: .psychFulltime)
        try f.award("T1", .C, issued: "2015-01-01")
        try f.award("T1", .B, issued: "2020-01-01")
        try f.attend("T1", track: .A, hours: 120, date: "2022-01-15", result: .pass)
        return f
    }

    @Test func practiceThresholdsAreStrict() throws {
        let f = try practiceFixture()
        try f.counseling("T1", date: "2022-03-01", hours: 30)
        try f.counseling("T1", date: "2022-04-01", hours: 20)  // exactly 50
        try f.lessons("T1", date: "2022-03-01", periods: 30)  // exactly 30
        let a = try f.level("T1", .A, "2023-01-01")
        #expect(a.status == .inTraining)
        #expect(a.reason.contains("counseling 50.0 of >50.0 h") && a.reason.contains("lessons 30 of >30 periods"))
        try f.counseling("T1", date: "2022-05-01", hours: Hours(tenths: 1))  // 50.1
        #expect(try f.level("T1", .A, "2023-01-01").reason.contains("lessons 30 of >30"))
        #expect(try f.level("T1", .A, "2023-01-01").status == .inTraining)
        try f.lessons("T1", date: "2022-05-01", periods: 1)  // 31
        #expect(try f.level("T1", .A, "2023-01-01").status == .eligible)
        #expect(try f.level("T1", .A, "2022-04-30").status == .inTraining)  // practice dated after D not counted
    }

    /// Issue #19: only scheduled lessons whose newest delivery record says given count, one period each, dated
    /// on or before the date; the feed's record of the same day wins; group sessions are not lessons.
    @Test func onlyLessonsRecordedGivenCountAsPractice() throws {
        let f = try practiceFixture()
        try f.counseling("T1", date: "2022-03-01", hours: 51)
        try f.lessons("T1", date: "2022-09-01", periods: 29)
        try f.scheduled("T1", date: "2022-09-01", period: 3)  // same day as feed record: feed wins
        try f.scheduled("T1", date: "2022-09-02", period: 1)
        try f.scheduled("T1", date: "2022-09-02", period: 2, kind: .group)  // group sessions are not lessons
        try f.scheduled("T1", date: "2022-09-05", period: 1)
        try f.scheduled("T1", date: "2022-09-06", period: 1)
        try f.scheduled("T1", date: "2022-09-07", period: 1)  // never recorded: not counted
        try f.deliver("2022-09-01", period: 3, given: true)
        try f.deliver("2022-09-02", period: 1, given: true)
        try f.deliver("2022-09-02", period: 2, given: true)
        try f.deliver("2022-09-06", given: false, reason: .exam)  // not given: not counted
        let l1 = try CertificationEngine.ledger(teacherId: "T1", in: f.db, asOf: Day("2022-09-30")!, profile: f.profile)
        #expect(l1.lessonPeriods == 30 && l1.deliveredScheduledPeriods == 1 && l1.status.level(.A).status == .inTraining)
        try f.deliver("2022-09-05", given: true)
        #expect(try f.level("T1", .A, "2022-09-04").status == .inTraining)  // given after the date
        #expect(try f.level("T1", .A, "2022-09-05").status == .eligible)  // given on the date: 31
        try f.deliver("2022-09-05", given: false, reason: .illness)  // corrected: the newest record counts
        #expect(try f.level("T1", .A, "2022-09-30").status == .inTraining)
    }

    @Test func awardIssuedOn29February() throws {
        var f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .C, issued: "2024-02-29")
        let c = try f.level("T1", .C, "2029-02-27")
        #expect(c.certified && c.cycleEnd == Day("2029-02-28"))
        #expect(try f.level("T1", .C, "2029-02-28").status == .lapsed)
        try f.attend("T1", track: .cpd, hours: 24, date: "2028-02-29")
        #expect(try f.level("T1", .C, "2029-02-28").cycleEnd == Day("2034-02-28"))
    }

    @Test func awardAfterTheDateIsIgnored() throws {
        let f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .C, issued: "2025-09-01")
        let s = try f.status("T1", "2025-08-31")
        #expect(s.effectiveLevel == nil && s.highestAwarded == nil && !s.isLapsed && s.level(.C).status == .none)
        #expect(s.level(.C).reason == "C: 0.0 of 36.0 h, no pass yet")
        #expect(try f.status("T1", "2025-09-01").effectiveLevel == .C)
    }

    @Test func severalAwardsOfOneLevel() throws {
        let f = try Fixture()
        try f.teacher("T1")
        try f.award("T1", .C, issued: "2010-01-01")  // lapses 2015-01-01
        try f.award("T1", .C, issued: "2016-01-01")  // valid to 2021-01-01
        let c = try f.level("T1", .C, "2017-01-01")
        #expect(c.status == .certified && !c.lapsed && c.awards == 2 && c.firstAwarded == Day("2010-01-01"))
        #expect(c.cycleEnd == Day("2021-01-01"))
        #expect(try f.level("T1", .C, "2015-06-01").status == .lapsed)
        let s = try f.status("T1", "2017-01-01")
        #expect(!s.isLapsed && s.effectiveLevel == .C)
    }

    @Test func inactiveTeacherLeavesCoverage() throws {
        let f = try Fixture()
        try f.teacher("T1")
        try f.teacher("T2", status: .inactive)
        try f.award("T1", .C, issued: "2020-01-01")
        try f.award("T2", .A, issued: "2020-01-01")
        let d = Day("2021-01-01")!
        let list = try CertificationEngine.statuses(in: f.db, asOf: d, profile: f.profile)
        #expect(list.map(\.teacherId) == ["T1"])
        let s2 = try f.status("T2", "2021-01-01")
        #expect(s2.effectiveLevel == .A && !s2.meetsRoleRequirement)
        let levels = try CertificationEngine.effectiveLevels(in: f.db, asOf: d, profile: f.profile)
        #expect(levels == ["T1": .C])
        let cov = try CoverageReport.compute(in: f.db, asOf: d, school: nil, profile: f.profile)
        #expect(cov.district.teachers == 1 && cov.district.certified.A == 0 && cov.district.certified.C == 1)
    }
}
