import Certifications
import Foundation
import Testing

@testable import Curriculum
@testable import XinyuCore

@Suite struct StoreTests {
    @Test func viewListsEveryClassPlanAndFiltersDates() throws {
        let s = School(id: "S5", name: "五小", stage: .primary, counselingRoom: false, district: "440305")
        let g = [Grade(schoolId: "S5", level: 3, classes: 16)]
        let t = Teacher(id: "T5", schoolId: "S5", name: "钱老师", role: .psychFulltime, hired: nil, status: .active)
        let db = try Fixture.database(schools: [s], grades: g, teachers: [t])
        let report = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: ScheduleRules.bundled(), levels: ["T5": .A])
        // 16 weekly classes, 14 periods a week: the four last classes meet every two weeks.
        #expect(report.unplaced.isEmpty)
        #expect((report.classesFull, report.classesDegraded, report.classesUnplaced) == (12, 4, 0))
        let view = try Curriculum.schedule(in: db, school: "S5", from: Day("2026-09-14"), to: Day("2026-09-18"))
        #expect(view.unplaced.isEmpty)
        #expect(view.classes.count == 16)
        #expect(view.classes.filter { $0.outcome == .degraded }.map(\.class) == ["S5-3-13", "S5-3-14", "S5-3-15", "S5-3-16"])
        #expect(view.classes.filter { $0.outcome == .degraded }.allSatisfy { $0.frequency == "every 2 weeks" })
        #expect(view.sessions.count == 14)
        #expect(view.sessions.allSatisfy { $0.week == 3 })
        let one = try Curriculum.schedule(in: db, school: "S5", class: "S5-3-16")
        #expect(one.classes.map(\.class) == ["S5-3-16"] && one.sessions.count == one.classes[0].periods)
    }

    /// The scheduler's qualification source is the certification engine (no second implementation here): a
    /// schedule built from the store assigns exactly the teachers the engine certifies on the term's first day.
    /// T2's A award expired before the term and T3's B award is issued after it, so going by awards alone (or
    /// by roles, or by no levels at all) would assign other teachers or none.
    @Test func qualificationComesFromTheCertificationEngine() throws {
        let (s, g, t, _) = Fixture.primary()
        let db = try Fixture.database(schools: [s], grades: g, teachers: t)
        try db.writer.write { d in
            try Award(teacherId: "T1", level: .C, issued: Day("2015-01-01")!, number: nil, expires: nil).insert(d)
            try Award(teacherId: "T1", level: .B, issued: Day("2023-01-01")!, number: nil, expires: nil).insert(d)
            try Award(teacherId: "T2", level: .A, issued: Day("2020-01-01")!, number: nil, expires: Day("2026-06-30")!).insert(d)
            try Award(teacherId: "T3", level: .B, issued: Day("2027-01-01")!, number: nil, expires: nil).insert(d)
        }
        let profile = try RuleProfile.load(path: nil)
        let rules = try Fixture.rules { $0.allowClassTeachersWithC = true }
        let l = try CertificationEngine.effectiveLevels(in: db, asOf: rules.span(of: Fixture.term).lowerBound, profile: profile)
        #expect(l == ["T1": .B])
        let report = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: rules, profile: profile)
        #expect(report.sessions > 0)
        let view = try Curriculum.schedule(in: db, school: "S1", rules: rules)
        #expect(!view.sessions.isEmpty)
        #expect(Set(view.sessions.map(\.teacher)) == ["T1"])
    }
}
