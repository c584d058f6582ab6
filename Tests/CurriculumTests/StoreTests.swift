import Foundation
import Testing
import XinyuCore
import Certifications
@testable import Curriculum

@Suite struct StoreTests {
    @Test func viewListsClassesWithoutLessonsAndFiltersDates() throws {
        let s = School(id: "S5", name: "五小", stage: .primary, counselingRoom: false, district: "440305")
        let g = [Grade(schoolId: "S5", level: 3, classes: 16)]
        let t = Teacher(id: "T5", schoolId: "S5", name: "钱老师", role: .psychFulltime, hired: nil, status: .active)
        let db = try Fixture.database(schools: [s], grades: g, teachers: [t])
        let report = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: ScheduleRules.bundled(), levels: ["T5": .A])
        #expect(report.unplaced.map(\.class) == ["S5-3-15", "S5-3-16"])
        let view = try Curriculum.schedule(in: db, school: "S5", from: Day("2026-09-14"), to: Day("2026-09-18"))
        #expect(view.unplaced.map(\.class) == ["S5-3-15", "S5-3-16"])
        #expect(view.sessions.count == 14)
        #expect(view.sessions.allSatisfy { $0.week == 3 })
    }

    /// The scheduler's qualification source is the certification engine (no second implementation here).
    @Test func qualificationComesFromTheCertificationEngine() throws {
        let (s, g, t, _) = Fixture.primary()
        let db = try Fixture.database(schools: [s], grades: g, teachers: t)
        try db.writer.write { d in
            try Award(teacherId: "T1", level: .C, issued: Day("2015-01-01")!, number: nil, expires: nil).insert(d)
            try Award(teacherId: "T1", level: .B, issued: Day("2023-01-01")!, number: nil, expires: nil).insert(d)
            try Award(teacherId: "T2", level: .A, issued: Day("2020-01-01")!, number: nil, expires: Day("2026-06-30")!).insert(d)
            try Award(teacherId: "T3", level: .B, issued: Day("2027-01-01")!, number: nil, expires: nil).insert(d)
        }
        let l = try CertificationEngine.effectiveLevels(in: db, asOf: Day("2026-09-01")!, profile: RuleProfile.load(path: nil))
        #expect(l == ["T1": .B])
    }
}
