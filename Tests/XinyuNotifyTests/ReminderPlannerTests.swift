import Certifications
import Foundation
import Testing
import XinyuCore

@testable import XinyuNotify

/// Who hears what, as of which day: every window at its boundary day, lapses, the behind-check days, renewals.
@Suite struct ReminderPlannerTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)
    /// T1's C certificate: explicit first end, no renewal hours.
    let end = day("2026-12-31")

    func district() throws -> NotifyDistrict {
        let d = try NotifyDistrict()
        try d.teacher("T1", "张三丰")
        try d.award("T1", .C, issued: day("2022-01-10"), expires: end, number: "GD-C-0001")
        return d
    }

    func notices(_ d: NotifyDistrict, _ asOf: Day, kind: String) throws -> [Notice] {
        try d.planner().plan(in: d.store, asOf: asOf, now: now).filter { $0.key.kind == kind }
    }

    @Test func everyExpiryWindowStartsOnItsBoundaryDay() throws {
        let d = try district()
        let windows = ReminderRules.standard.expiryWindowsDays
        #expect(windows == [180, 90, 30, 7])
        for (i, w) in windows.enumerated() {
            let onTheDay = try notices(d, end.adding(days: -w), kind: "expiry")
            #expect(
                onTheDay.map(\.key) == [NoticeKey(person: "T1", kind: "expiry", window: "C/\(end)/\(w)")],
                "\(w) days before the end")
            // The day before the window opens is still in the previous (larger) window, or in none.
            let before = try notices(d, end.adding(days: -w - 1), kind: "expiry").map(\.key.window)
            #expect(before == (i == 0 ? [] : ["C/\(end)/\(windows[i - 1])"]), "\(w + 1) days before the end")
        }
        // The last day of the cycle is in the 7-day window; on the end day the certificate has lapsed.
        #expect(try notices(d, end.adding(days: -1), kind: "expiry").map(\.key.window) == ["C/\(end)/7"])
        #expect(try notices(d, end, kind: "expiry").isEmpty)
        let text = try #require(try notices(d, end.adding(days: -30), kind: "expiry").first)
        #expect(text.subject.contains("C级") && text.body.contains("尚缺 24.0 学时") && text.body.contains("2026年12月30日前"))
        #expect(text.recipient == "张三丰" && text.school == "S1" && text.language == "zh")
    }

    @Test func aRenewedCertificateStopsItsReminders() throws {
        var d = try district()
        let asOf = end.adding(days: -90)
        #expect(try notices(d, asOf, kind: "expiry").count == 1)
        // 20 h: still short of the 24 renewal hours (the text says what is missing).
        try d.attend("T1", hours: 20, on: day("2026-03-01"))
        #expect(try notices(d, asOf, kind: "expiry").first?.body.contains("尚缺 4.0 学时") == true)
        // 4 h more inside the cycle: renewed, the cycle runs on to 2031-12-31, nothing to say.
        try d.attend("T1", hours: 4, on: day("2026-05-01"))
        #expect(try notices(d, asOf, kind: "expiry").isEmpty)
        #expect(try notices(d, end.adding(days: -7), kind: "expiry").isEmpty)
        #expect(try notices(d, end.adding(days: 10), kind: "lapsed").isEmpty)
        // The renewed cycle has its own windows.
        let next = day("2031-12-31")
        #expect(try notices(d, next.adding(days: -90), kind: "expiry").map(\.key.window) == ["C/\(next)/90"])
    }

    @Test func aLapseIsAnnouncedWithinItsDays() throws {
        let d = try district()
        let within = ReminderRules.standard.lapsedWithinDays
        let key = NoticeKey(person: "T1", kind: "lapsed", window: "C/\(end)")
        #expect(try notices(d, end, kind: "lapsed").map(\.key) == [key])
        #expect(try notices(d, end.adding(days: within), kind: "lapsed").map(\.key) == [key])
        #expect(try notices(d, end.adding(days: within + 1), kind: "lapsed").isEmpty)
        #expect(try notices(d, end.adding(days: -1), kind: "lapsed").isEmpty)
        let n = try #require(try notices(d, end.adding(days: 3), kind: "lapsed").first)
        #expect(n.body.contains("已于2026年12月31日失效") && n.body.contains("C级培训 36.0 学时"))
    }

    @Test func behindChecksStartOnTheirDays() throws {
        var d = try district()
        try d.teacher("T2", "李四", school: "S2")
        // T2 meets every hour minimum and has 4 professional sessions before 1 March.
        try d.attend("T2", hours: 18, on: day("2025-10-01"), category: .public)
        try d.attend("T2", hours: 12, on: day("2025-10-02"), category: .elective)
        for k in 1...4 { try d.attend("T2", hours: 12, on: day("2025-11-1\(k)")) }
        let march = day("2026-03-01")
        let may = day("2026-05-01")
        #expect(try notices(d, march.adding(days: -1), kind: "behind").isEmpty)
        #expect(
            try notices(d, march, kind: "behind").map(\.key)
                == [NoticeKey(person: "T1", kind: "behind", window: "2025-2026/03-01")])
        #expect(try notices(d, may.adding(days: -1), kind: "behind").map(\.key.window) == ["2025-2026/03-01"])
        #expect(try notices(d, may, kind: "behind").map(\.key.window) == ["2025-2026/05-01"])
        let n = try #require(try notices(d, may, kind: "behind").first)
        #expect(
            n.body.contains("已计 0.0 学时") && n.body.contains("合计 72.0 学时") && n.body.contains("专业培训 4 次")
                && n.body.contains("2026年8月31日"))
        // A new school year starts without a check until 1 March.
        #expect(try notices(d, day("2026-09-15"), kind: "behind").isEmpty)
    }

    @Test func englishReadersAndRoutesFollowTheNotifyFile() throws {
        let d = try district()
        try d.teacher("T3", "王五", school: "S2")
        try d.award("T3", .C, issued: day("2022-01-10"), expires: end, number: "GD-C-0003")
        let config = NotifyConfiguration(
            schools: ["S2": .init(wecom: .init(webhook: "http://127.0.0.1:9/x"))],
            people: ["T1": .init(email: "zhang@s1.example.cn", language: .en)])
        let found = try d.planner(config).plan(in: d.store, asOf: end.adding(days: -30), now: now)
            .filter { $0.key.kind == "expiry" }
        #expect(found.map(\.key.person) == ["T1", "T3"])
        #expect(found[0].channel == .email && found[0].address == "zhang@s1.example.cn" && found[0].language == "en")
        #expect(found[0].subject.hasPrefix("[Xinyu]") && found[0].body.contains("24.0 h still missing"))
        #expect(found[1].channel == .wecom && found[1].address == "S2" && found[1].language == "zh")
        // A school with nothing configured: its CSV outbox.
        #expect(try d.planner().plan(in: d.store, asOf: end.adding(days: -30), now: now).allSatisfy { $0.channel == .csv })
    }

    @Test func aWeeklyDigestGoesToEachSchoolOnceAWeek() throws {
        let d = try district()
        let monday = day("2026-11-30")  // a Monday, 31 days before T1's end: expiring
        #expect(monday.weekday == 1)
        let digests = { (asOf: Day) in try notices(d, asOf, kind: "digest") }
        let first = try digests(monday)
        // S2 has no active teacher: no digest.
        #expect(first.map(\.key) == [NoticeKey(person: "school:S1", kind: "digest", window: "2026-W49")])
        #expect(first[0].body.contains("即将到期（续证学时不足）：1 人") && first[0].body.contains("张三丰：C级"))
        #expect(try digests(monday.adding(days: 6)).map(\.key.window) == ["2026-W49"])
        #expect(try digests(monday.adding(days: 7)).map(\.key.window) == ["2026-W50"])
        #expect(ReminderPlanner.isoWeek(day("2027-01-01")) == "2026-W53")
        #expect(ReminderPlanner.isoWeek(day("2026-01-01")) == "2026-W01")
    }

    @Test func theDigestSaysWhatAwaitsTheSchoolsApproval() throws {
        let d = try district()
        try d.teacher("T2", "李四")
        try d.teacher("T3", "王五", school: "S2")
        let monday = day("2026-11-30")
        let at = Date(timeIntervalSince1970: 1_780_000_000)
        func digest(_ school: String) throws -> Notice {
            try #require(try notices(d, monday, kind: "digest").first { $0.school == school })
        }
        #expect(try digest("S1").body.contains("待您审批的培训记录：0 条"))
        // A sheet of two teachers and one teacher's submission wait in S1; S2's record is not S1's business.
        let sheet = try d.store.addTraining(
            Course(
                id: "", title: "心理危机识别讲座", provider: "第一小学工会", tier: 60, mode: 1, hours: Hours(tenths: 20),
                start: day("2026-11-02"), end: day("2026-11-02"), track: .none, category: .professional, capacity: nil),
            school: "S1", by: "admin1", at: at)
        try d.store.enterAttendance(course: sheet.id, by: "admin1", capacity: "school-admin", at: at) { t in
            for teacher in ["T1", "T2"] {
                _ = try t.enter(
                    Attendance(
                        teacherId: teacher, courseId: sheet.id, hours: Hours(tenths: 20), status: .completed,
                        result: .none, date: day("2026-11-02")),
                    note: nil)
            }
            return .commit
        }
        let pdf = Array("%PDF-1.4\n%%EOF\n".utf8)
        let evidence = StoredEvidence(sha256: String(repeating: "a", count: 64), mediaType: "application/pdf", bytes: pdf)
        for (teacher, title) in [("T2", "省级网络课程"), ("T3", "市级讲座")] {
            _ = try d.store.submitTraining(
                TrainingSubmission(
                    teacherId: teacher,
                    course: Course(
                        id: "", title: title, provider: "省教师继续教育网", tier: 20, mode: 3, hours: Hours(tenths: 60),
                        start: day("2026-10-10"), end: day("2026-10-10"), track: .none, category: .elective,
                        capacity: nil),
                    result: .none, note: nil),
                evidence: evidence, by: teacher, at: at)
        }
        var body = try digest("S1").body
        #expect(body.contains("待您审批的培训记录：3 条"))
        #expect(body.contains("- 2026年10月10日 省级网络课程（S1-X0001）：1 条，李四"))
        #expect(body.contains("- 2026年11月2日 心理危机识别讲座（\(sheet.id)）：2 条"))
        #expect(!body.contains("市级讲座"))
        #expect(try digest("S2").body.contains("待您审批的培训记录：1 条"))
        // Approved records no longer wait for the school.
        let waiting = try d.store.recordEntries(RecordFilter(school: "S1", course: sheet.id))
        _ = try d.store.moveRecords(
            waiting.map { RecordMove(entry: $0.id, from: .submitted, to: .approved, capacity: "school-admin") },
            by: "admin1", at: at, reason: nil)
        body = try digest("S1").body
        #expect(body.contains("待您审批的培训记录：1 条") && !body.contains("心理危机识别讲座"))
        let en = try d.planner(NotifyConfiguration(schools: ["S1": .init(language: .en)]))
            .plan(in: d.store, asOf: monday, now: now).first { $0.key.kind == "digest" && $0.school == "S1" }
        #expect(en?.body.contains("Training records awaiting your approval: 1") == true)
        #expect(en?.body.contains("- 2026-10-10 省级网络课程 (S1-X0001): 1 record, 李四") == true)
    }
}
