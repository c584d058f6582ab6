import Foundation
import Testing

@testable import Curriculum
@testable import XinyuCore

@Suite struct SchedulerTests {
    @Test func builtScheduleHasNoViolationsAndCoversThemes() throws {
        let ctx = try Fixture.primaryContext()
        let built = Scheduler.build(ctx)
        #expect(built.unplaced.isEmpty, "\(built.unplaced)")
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        let lessons = built.sessions.filter { $0.kind == .lesson }
        let byClass = Dictionary(grouping: lessons, by: \.classId)
        #expect(byClass.count == 18)
        let lib = ctx.library
        for (c, list) in byClass {
            let grade = list[0].grade
            #expect(list.allSatisfy { lib.lesson($0.lesson)?.band == Band(grade: grade) })
            // weekly for grades 3–6, every two weeks for 1–2: ~19 teaching weeks in the term.
            if grade >= 3 {
                #expect(list.count >= 15, "\(c): \(list.count)")
            } else {
                #expect((7...11).contains(list.count), "\(c): \(list.count)")
            }
            let first7 = Set(list.sorted { $0.date < $1.date }.prefix(7).compactMap { lib.lesson($0.lesson)?.theme })
            #expect(first7.count == 7, "\(c) covers every theme before repeating")
            #expect(list.allSatisfy { ctx.rules.isSchoolDay($0.date, term: ctx.term) })
        }
        // The C-certified class teacher has no class of their own.
        #expect(!built.sessions.contains { $0.teacher == "T3" })
        // Load is shared between the two qualified teachers.
        let t1 = lessons.filter { $0.teacher == "T1" }.count
        let t2 = lessons.filter { $0.teacher == "T2" }.count
        #expect(t1 > 0 && t2 > 0)
        // Groups in the counseling room.
        let groups = built.sessions.filter { $0.kind == .group }
        #expect(!groups.isEmpty)
        #expect(groups.allSatisfy { $0.room == "counseling-room" })
        let score = ScheduleScore.of(built.sessions, context: ctx)
        #expect(score.themeCoverage > 0.99)
        #expect(score.total > 50)
    }

    @Test func preferredMonthsAreHonoured() throws {
        let s = School(id: "J1", name: "实验中学", stage: .junior, counselingRoom: false, district: "440305")
        let t = Teacher(id: "JT", schoolId: "J1", name: "陈老师", role: .psychFulltime, hired: nil, status: .active)
        let ctx = try Fixture.context(
            schools: [s], grades: [Grade(schoolId: "J1", level: 9, classes: 1)], teachers: [t], levels: ["JT": .B])
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        let exam = built.sessions.filter { $0.lesson == "jun-10" }
        #expect(!exam.isEmpty)
        #expect(exam.contains { $0.date.month == 1 }, "exam lesson taught in January: \(exam.map(\.date))")
        // September lesson first week.
        let first = built.sessions.min { $0.date < $1.date }!
        #expect(first.lesson == "jun-01")
    }

    @Test func tooFewTeachersDegradeWithTheReason() throws {
        let s = School(id: "S0012", name: "某小学", stage: .primary, counselingRoom: false, district: "440305")
        let g = [Grade(schoolId: "S0012", level: 3, classes: 9), Grade(schoolId: "S0012", level: 4, classes: 9)]
        let t = Teacher(id: "X1", schoolId: "S0012", name: "赵老师", role: .psychFulltime, hired: nil, status: .active)
        let ctx = try Fixture.context(schools: [s], grades: g, teachers: [t], levels: ["X1": .B])
        let built = Scheduler.build(ctx)
        #expect(built.unplaced.isEmpty)
        // 18 weekly classes need 18 periods a week, the teacher gives 14: eight classes meet every two weeks.
        let degraded = built.plans.filter { $0.outcome == .degraded }
        #expect(degraded.count == 8)
        #expect(degraded.allSatisfy { $0.everyWeeks == 2 && $0.rulesEveryWeeks == 1 })
        #expect(
            degraded.allSatisfy {
                $0.reason.hasPrefix("every 2 weeks instead of weekly")
                    && $0.reason.contains("18 classes need 18 periods a week at the rules' frequencies; 1 psychology teacher")
            })
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
    }

    @Test func unqualifiedTeachersAreNotUsedAndClassTeachersOnlyForTheirOwnClass() throws {
        let s = School(id: "S2", name: "乡村小学", stage: .primary, counselingRoom: false, district: "440305")
        let g = [Grade(schoolId: "S2", level: 3, classes: 2)]
        let t = [
            Teacher(id: "P", schoolId: "S2", name: "周老师", role: .psychParttime, hired: nil, status: .active),
            Teacher(id: "Q", schoolId: "S2", name: "吴老师", role: .psychFulltime, hired: nil, status: .inactive),
            Teacher(id: "C", schoolId: "S2", name: "郑老师", role: .classTeacher, hired: nil, status: .active),
        ]
        let levels: [String: Level] = ["P": .C, "Q": .A, "C": .C]
        let homerooms = [Homeroom(teacherId: "C", grade: 3, classNumber: 1)]
        let off = try Fixture.rules { $0.allowClassTeachersWithC = false }
        let ctx = try Fixture.context(rules: off, schools: [s], grades: g, teachers: t, levels: levels).with(homerooms: homerooms)
        let built = Scheduler.build(ctx)
        #expect(built.sessions.isEmpty)
        #expect(built.unplaced.count == 2 && built.unplaced[0].reason.contains("no qualified teacher"))
        #expect(built.unplaced[0].reason.contains("class teachers may not teach"))
        let ctx2 = try Fixture.context(schools: [s], grades: g, teachers: t, levels: levels).with(homerooms: homerooms)
        #expect(ctx2.rules.allowClassTeachersWithC, "the bundled rules allow class teachers")
        let built2 = Scheduler.build(ctx2)
        #expect(built2.unplaced.map(\.class) == ["S2-3-2"])
        #expect(built2.unplaced[0].reason.hasSuffix("and no class teacher has this class as homeroom"))
        #expect(!built2.sessions.isEmpty && built2.sessions.allSatisfy { $0.teacher == "C" && $0.classId == "S2-3-1" })
        #expect(ScheduleChecker.violations(built2.sessions, context: ctx2).isEmpty)
    }

    @Test func storeReplacesTheTermAndViewHasTheJSONShape() throws {
        let (s, g, t, l) = Fixture.primary()
        let other = School(id: "S9", name: "另一所", stage: .primary, counselingRoom: false, district: "440305")
        let ot = Teacher(id: "T9", schoolId: "S9", name: "孙老师", role: .psychFulltime, hired: nil, status: .active)
        let db = try Fixture.database(
            schools: [s, other], grades: g + [Grade(schoolId: "S9", level: 1, classes: 1)], teachers: t + [ot])
        var levels = l
        levels["T9"] = .B
        let rules = try ScheduleRules.bundled()
        let r1 = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: rules, levels: levels)
        let n1 = try db.writer.read { try ScheduledSession.fetchCount($0) }
        #expect(n1 == r1.sessions && r1.unplaced.isEmpty)
        // Delivered lessons are stored as kind "lesson" with the teacher and date (practice for the A level).
        let kinds = try db.writer.read {
            try String.fetchAll($0, sql: "SELECT DISTINCT kind FROM scheduledSession ORDER BY kind")
        }
        #expect(kinds == ["group", "lesson"])
        // Rebuild only S1: same count, S9 untouched.
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, school: "S1", rules: rules, levels: levels)
        #expect(try db.writer.read { try ScheduledSession.fetchCount($0) } == n1)
        // Rebuild S1 with T2 gone: rows replaced, none of T2 remain.
        levels["T2"] = nil
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, school: "S1", rules: rules, levels: levels)
        let t2rows = try db.writer.read { try ScheduledSession.filter(sql: "teacherId = 'T2'").fetchCount($0) }
        #expect(t2rows == 0)
        let view = try Curriculum.schedule(in: db, school: "S1", class: "S1-3-1")
        #expect(view.term == "2026-fall" && !view.sessions.isEmpty && view.sessions.allSatisfy { $0.class == "S1-3-1" })
        let json = try JSONSerialization.jsonObject(with: JSONOutput.encoder().encode(view)) as! [String: Any]
        #expect(Set(["school", "term", "sessions", "unplaced"]).isSubset(of: json.keys))
        let first = (json["sessions"] as! [[String: Any]])[0]
        #expect(Set(["class", "grade", "date", "period", "teacher", "lesson"]).isSubset(of: first.keys))
        #expect(
            view.sessions[0].start.count == 5 && view.sessions[0].teacherName == "王老师" || view.sessions[0].teacherName == "李老师")
    }

    @Test func unknownSchoolIsAUsageError() throws {
        let db = try AppDatabase.inMemory()
        let build = #expect(throws: StoreError.self) {
            try Curriculum.buildSchedule(in: db, term: Fixture.term, school: "NOPE", rules: ScheduleRules.bundled(), levels: [:])
        }
        #expect(build?.exitStatus == 1 && build?.description.contains("NOPE") == true)
        let show = #expect(throws: StoreError.self) { try Curriculum.schedule(in: db, school: "NOPE") }
        #expect(show?.exitStatus == 1)
    }
}
