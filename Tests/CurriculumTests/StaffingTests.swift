import Foundation
import Testing
import XinyuCore

@testable import Curriculum

/// Schools staffed as our users describe them (#17): few psychology teachers, class teachers for their own class,
/// and the school's own timetable.
@Suite struct StaffingTests {
    /// A primary school of `classes` classes in grades 3–6 (weekly by the bundled rules) and its psychology teacher.
    static func school(_ id: String, classes: Int, teachers: [Teacher] = []) -> (School, [Grade], [Teacher]) {
        let s = School(id: id, name: "城南小学", stage: .primary, counselingRoom: false, district: "440305")
        var grades: [Grade] = []
        var left = classes
        for level in 3...6 where left > 0 {
            let n = level == 6 ? left : min(left, (classes + 3) / 4)
            grades.append(Grade(schoolId: id, level: level, classes: n))
            left -= n
        }
        let psych = Teacher(id: "\(id)-P", schoolId: id, name: "周老师", role: .psychFulltime, hired: nil, status: .active)
        return (s, grades, [psych] + teachers)
    }

    static func classTeacher(_ id: String, school: String) -> Teacher {
        Teacher(id: id, schoolId: school, name: "班主任\(id)", role: .classTeacher, hired: nil, status: .active)
    }

    /// The school: 38 classes and one psychology teacher (weekly maximum 14). Weekly for every class
    /// would need 38 periods a week; every class still gets at least the minimum of six periods, at a frequency
    /// its plan states with the numbers behind it, and the plan breaks no hard rule.
    @Test func thirtyEightClassesAndOnePsychologyTeacherGiveEveryClassSixPeriods() throws {
        let (s, g, t) = Self.school("S38", classes: 38)
        #expect(g.reduce(0) { $0 + $1.classes } == 38)
        let ctx = try Fixture.context(schools: [s], grades: g, teachers: t, levels: ["S38-P": .B])
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        #expect(built.unplaced.isEmpty, "\(built.unplaced.prefix(2))")
        let perClass = Dictionary(grouping: built.sessions, by: \.classId).mapValues(\.count)
        #expect(perClass.count == 38)
        #expect(perClass.values.allSatisfy { $0 >= ctx.rules.minimumPeriods }, "\(perClass.values.sorted().prefix(3))")
        #expect(built.plans.count == 38)
        #expect(built.plans.allSatisfy { $0.outcome != .unplaced && perClass[$0.class] == $0.periods })
        let degraded = built.plans.filter { $0.outcome == .degraded }
        #expect(!degraded.isEmpty)
        #expect(degraded.allSatisfy { ($0.everyWeeks ?? 0) > ($0.rulesEveryWeeks ?? 9) && $0.cause == .teacherPeriods })
        #expect(degraded[0].reason.contains("38 classes need 38 periods a week"), "\(degraded[0].reason)")
        #expect(degraded[0].reason.contains("1 psychology teacher with level B or A gives at most 14"))
        // The teacher's week never goes over the maximum.
        let weeks = Dictionary(grouping: built.sessions, by: { ctx.week(of: $0.date) }).mapValues(\.count)
        #expect(weeks.values.allSatisfy { $0 <= 14 })
    }

    /// Lowering frequencies class by class: where the minimum cannot be reached for everyone, as many classes as
    /// fit get it and only the others are unplaced, with the numbers.
    @Test func onlyClassesBeyondTheMinimumAreUnplacedWithTheNumbers() throws {
        let (s, g, t) = Self.school("S60", classes: 60)
        let ctx = try Fixture.context(schools: [s], grades: g, teachers: t, levels: ["S60-P": .A])
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        let placed = built.plans.filter { $0.outcome != .unplaced }
        // Every 3 weeks (the least that still gives 6 periods in 2026-fall) with 14 periods a week: 42 classes.
        let least = try #require(placed.compactMap(\.everyWeeks).max())
        #expect(!TermCalendar(ctx).reaches(ctx.rules.minimumPeriods, every: least + 1))
        #expect(placed.count == 14 * least)
        #expect(placed.allSatisfy { $0.periods >= ctx.rules.minimumPeriods })
        #expect(built.unplaced.count == 60 - placed.count)
        let u = try #require(built.unplaced.first)
        #expect(u.cause == .teacherPeriods)
        #expect(u.reason.contains("60 classes need 60 periods a week"), "\(u.reason)")
        #expect(u.reason.contains("weekly maximum 14; 30 free periods"))
    }

    /// With class teachers allowed, a class teacher gives their own class's lessons and never another class's;
    /// the psychology teacher stays preferred while it has room.
    @Test func aClassTeacherNeverTeachesAnotherClass() throws {
        var (s, g, t) = Self.school("SC", classes: 30)
        var homerooms: [Homeroom] = []
        var n = 0
        for grade in g {
            for k in 1...grade.classes {
                n += 1
                t.append(Self.classTeacher("SC-C\(n)", school: "SC"))
                homerooms.append(Homeroom(teacherId: "SC-C\(n)", grade: grade.level, classNumber: k))
            }
        }
        var levels = Dictionary(uniqueKeysWithValues: t.map { ($0.id, Level.C) })
        levels["SC-P"] = .B
        let rules = try Fixture.rules { $0.allowClassTeachersWithC = true }
        let ctx = try Fixture.context(rules: rules, schools: [s], grades: g, teachers: t, levels: levels)
            .with(homerooms: homerooms)
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        #expect(built.unplaced.isEmpty)
        #expect(built.plans.allSatisfy { $0.outcome == .full })
        let own = Dictionary(uniqueKeysWithValues: homerooms.map { ($0.teacherId, $0.classId(school: "SC")) })
        for session in built.sessions where session.teacher != "SC-P" {
            #expect(own[session.teacher] == session.classId, "\(session.teacher) teaches \(session.classId)")
        }
        let byPsych = Set(built.sessions.filter { $0.teacher == "SC-P" }.map(\.classId))
        #expect(byPsych.count == 14, "the psychology teacher takes as many weekly classes as its maximum allows")
        #expect(built.sessions.contains { $0.teacher != "SC-P" })
        // Without class teachers the same school degrades instead.
        let off = try Fixture.context(
            rules: try Fixture.rules { $0.allowClassTeachersWithC = false }, schools: [s], grades: g,
            teachers: t, levels: levels
        ).with(homerooms: homerooms)
        let alone = Scheduler.build(off)
        #expect(Set(alone.sessions.map(\.teacher)) == ["SC-P"])
        #expect(alone.plans.contains { $0.outcome == .degraded })
    }

    /// A psychology teacher keeps periods for the school's group programmes when classes have their own class
    /// teacher to take the lessons; with no class teachers, lessons come first and the groups find no room.
    @Test func groupsKeepTheirPeriodsWhenClassTeachersCanTakeTheLessons() throws {
        var (s, g, t) = Self.school("SG", classes: 20)
        s.counselingRoom = true
        var homerooms: [Homeroom] = []
        for grade in g {
            for k in 1...grade.classes {
                let id = "SG-C\(grade.level)\(k)"
                t.append(Self.classTeacher(id, school: "SG"))
                homerooms.append(Homeroom(teacherId: id, grade: grade.level, classNumber: k))
            }
        }
        var levels = Dictionary(uniqueKeysWithValues: t.map { ($0.id, Level.C) })
        levels["SG-P"] = .B
        let ctx = try Fixture.context(schools: [s], grades: g, teachers: t, levels: levels).with(homerooms: homerooms)
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        #expect(built.unplaced.isEmpty, "\(built.unplaced)")
        let groups = built.plans.filter { $0.kind == .group }
        #expect(!groups.isEmpty && groups.allSatisfy { $0.outcome == .full && $0.teacher == "SG-P" })
        #expect(built.plans.filter { $0.kind == .lesson }.allSatisfy { $0.outcome == .full })
        // Without class teachers, the twenty classes take every period the teacher has.
        let alone = Scheduler.build(try Fixture.context(schools: [s], grades: g, teachers: [t[0]], levels: ["SG-P": .B]))
        #expect(alone.plans.filter { $0.kind == .group }.allSatisfy { $0.outcome == .unplaced })
        #expect(alone.plans.filter { $0.kind == .lesson }.allSatisfy { $0.outcome != .unplaced })
    }

    /// A teacher whose weekly maximum is 0 teaches nothing, and the classes say why.
    @Test func aTeacherWithNoPeriodsTeachesNothing() throws {
        let (s, g, t) = Self.school("SZ", classes: 4)
        let rules = try Fixture.rules { $0.teacherWeeklyMaxById = ["SZ-P": 0] }
        let ctx = try Fixture.context(rules: rules, schools: [s], grades: g, teachers: t, levels: ["SZ-P": .A])
        let built = Scheduler.build(ctx)
        #expect(built.sessions.isEmpty)
        #expect(built.unplaced.count == 4 && built.unplaced.allSatisfy { $0.cause == .teacherPeriods })
        #expect(built.unplaced[0].reason.contains("gives at most 0"), "\(built.unplaced[0].reason)")
    }

    /// The checker refuses a class teacher in another class.
    @Test func theCheckerRefusesAClassTeacherInAnotherClass() throws {
        let (s, g, t) = Self.school("SK", classes: 8, teachers: [Self.classTeacher("SK-C1", school: "SK")])
        let rules = try Fixture.rules { $0.allowClassTeachersWithC = true }
        let ctx = try Fixture.context(rules: rules, schools: [s], grades: g, teachers: t, levels: ["SK-P": .B, "SK-C1": .C])
            .with(homerooms: [Homeroom(teacherId: "SK-C1", grade: 3, classNumber: 1)])
        func lesson(_ c: String) -> ScheduleEntry {
            ScheduleEntry(
                term: "2026-fall", school: "SK", classId: c, grade: 3, date: Day("2026-09-08")!, period: 3,
                teacher: "SK-C1", lesson: "mid-01")
        }
        #expect(ScheduleChecker.violations([lesson("SK-3-1")], context: ctx).isEmpty)
        let wrong = ScheduleChecker.violations([lesson("SK-3-2")], context: ctx)
        #expect(wrong.map(\.kind) == [.unqualifiedTeacher])
        #expect(wrong.first?.message.contains("only their own class SK-3-1") == true)
    }

    /// A part-time psychology teacher who also teaches Chinese, and classes whose week the school's timetable fills:
    /// no lesson or group falls in a busy or occupied period, and a class whose allowed periods are all occupied is
    /// unplaced with that reason.
    @Test func theSchoolsTimetableKeepsBusyPeriodsFree() throws {
        let s = School(id: "ST", name: "东风小学", stage: .primary, counselingRoom: true, district: "440305")
        let g = [Grade(schoolId: "ST", level: 5, classes: 3), Grade(schoolId: "ST", level: 6, classes: 2)]
        let p = Teacher(id: "ST-P", schoolId: "ST", name: "吴老师", role: .psychParttime, hired: nil, status: .active)
        let rules = try Fixture.rules()
        var slots: [TimetableSlot] = []
        // The teacher teaches 语文 in every allowed period of Monday to Thursday but the third (the last one
        // overlaps the afternoon counseling-room window on Tuesday and Thursday).
        for d in 1...4 {
            for period in rules.allowedPeriods where period != 3 {
                slots.append(
                    TimetableSlot(
                        schoolId: "ST", weekday: d, period: period, teacherId: "ST-P", classId: "ST-6-2",
                        subject: "语文", psychology: false, row: slots.count + 2))
            }
        }
        // Class 5-1 has every allowed period occupied.
        for d in 1...5 {
            for period in rules.allowedPeriods {
                slots.append(
                    TimetableSlot(
                        schoolId: "ST", weekday: d, period: period, teacherId: nil, classId: "ST-5-1",
                        subject: "数学", psychology: false, row: slots.count + 2))
            }
        }
        // Class 5-2's psychology period in the school's own timetable.
        slots.append(
            TimetableSlot(
                schoolId: "ST", weekday: 5, period: 5, teacherId: "ST-P", classId: "ST-5-2",
                subject: "心理健康", psychology: true, row: slots.count + 2))
        let ctx = try Fixture.context(rules: rules, schools: [s], grades: g, teachers: [p], levels: ["ST-P": .B])
            .with(timetable: slots)
        let built = Scheduler.build(ctx)
        #expect(ScheduleChecker.violations(built.sessions, context: ctx).isEmpty)
        let busy = Set(slots.filter { !$0.psychology && $0.teacherId == "ST-P" }.map { "\($0.weekday)-\($0.period)" })
        #expect(!built.sessions.isEmpty)
        for session in built.sessions where session.kind == .lesson {
            #expect(!busy.contains("\(session.date.weekday)-\(session.period)"), "\(session.classId) \(session.date)")
        }
        #expect(built.sessions.filter { $0.classId == "ST-5-2" }.allSatisfy { $0.date.weekday == 5 && $0.period == 5 })
        #expect(built.unplaced.map(\.class) == ["ST-5-1"])
        #expect(built.unplaced.first?.cause == .classTimetableFull)
        // Groups keep to the room windows the teacher and the students' classes are free in.
        let groups = built.sessions.filter { $0.kind == .group }
        #expect(!groups.isEmpty)
        for session in groups {
            let w = rules.roomOpen[session.period - 1]
            let times = ctx.busyTimes(teacher: "ST-P", weekday: session.date.weekday)
            #expect(!times.contains { $0.start < w.end && w.start < $0.end }, "\(session.classId) \(session.date)")
        }
        // With the afternoon window only (Tuesday and Thursday from 15:50), the teacher is busy then: no group.
        var afternoon = rules
        afternoon.roomOpen = [rules.roomOpen[1]]
        let late = Scheduler.build(
            try Fixture.context(
                rules: afternoon, schools: [s], grades: g, teachers: [p],
                levels: ["ST-P": .B]
            ).with(timetable: slots))
        #expect(!late.sessions.contains { $0.kind == .group })
        #expect(late.plans.filter { $0.kind == .group }.allSatisfy { $0.cause == .noRoomWindow })
        #expect(
            Scheduler.build(
                try Fixture.context(
                    rules: afternoon, schools: [s], grades: g, teachers: [p],
                    levels: ["ST-P": .B])
            ).sessions.contains { $0.kind == .group })
        // A lesson put into a busy period is a hard-rule violation.
        let bad = ScheduleEntry(
            term: "2026-fall", school: "ST", classId: "ST-5-3", grade: 5, date: Day("2026-09-07")!,
            period: rules.allowedPeriods[0], teacher: "ST-P", lesson: "high-01")
        #expect(ScheduleChecker.violations([bad], context: ctx).map(\.kind).contains(.timetableConflict))
    }
}

extension ScheduleContext {
    /// The same context with homerooms.
    func with(homerooms: [Homeroom]) -> ScheduleContext {
        ScheduleContext(
            term: term, rules: rules, library: library, catalog: catalog, schools: schools, grades: grades,
            teachers: teachers, levels: levels, homerooms: homerooms, timetable: timetable)
    }

    /// The same context with a timetable.
    func with(timetable: [TimetableSlot]) -> ScheduleContext {
        let h = homerooms.map { teacher, classId -> Homeroom in
            let parts = classId.split(separator: "-")
            return Homeroom(teacherId: teacher, grade: Int(parts[parts.count - 2])!, classNumber: Int(parts.last!)!)
        }
        return ScheduleContext(
            term: term, rules: rules, library: library, catalog: catalog, schools: schools, grades: grades,
            teachers: teachers, levels: levels, homerooms: h, timetable: timetable)
    }
}
