import Foundation
import Testing
import XinyuCore

@testable import Curriculum

@Suite struct CheckerTests {
    let ctx: ScheduleContext
    let valid: [ScheduleEntry]

    init() throws {
        ctx = try Fixture.primaryContext()
        valid = Scheduler.build(ctx).sessions
    }

    func kinds(_ s: [ScheduleEntry]) -> Set<ScheduleViolation.Kind> {
        Set(ScheduleChecker.violations(s, context: ctx).map(\.kind))
    }

    func lesson(
        _ c: String = "S1-3-1", grade: Int = 3, date: String = "2026-09-08", period: Int = 3,
        teacher: String = "T1", lesson: String = "mid-01"
    ) -> ScheduleEntry {
        ScheduleEntry(
            term: "2026-fall", school: "S1", classId: c, grade: grade, date: Day(date)!, period: period,
            teacher: teacher, lesson: lesson)
    }

    @Test func builtScheduleIsClean() { #expect(kinds(valid).isEmpty) }

    @Test func teacherDoubleBooked() {
        #expect(kinds([lesson(), lesson("S1-4-1", grade: 4, lesson: "mid-02")]) == [.teacherDoubleBooked])
    }

    @Test func classDoubleBooked() {
        #expect(kinds([lesson(), lesson(teacher: "T2", lesson: "mid-03")]).contains(.classDoubleBooked))
    }

    @Test func overWeeklyMax() {
        // 15 sessions in one week for T1 (max 14): 5 days × 3 periods, different classes.
        var s: [ScheduleEntry] = []
        for (i, d) in ["2026-09-14", "2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18"].enumerated() {
            for p in [2, 3, 4] {
                s.append(lesson("S1-\(3 + (p % 2))-\(1 + i % 3)", grade: 3 + (p % 2), date: d, period: p, lesson: "mid-0\(p)"))
            }
        }
        #expect(kinds(s).contains(.overWeeklyMax))
        #expect(!kinds(Array(s.prefix(14))).contains(.overWeeklyMax))
    }

    @Test func unqualifiedTeacher() {
        #expect(kinds([lesson(teacher: "T3")]) == [.unqualifiedTeacher])
        #expect(kinds([lesson(teacher: "NOBODY")]) == [.unqualifiedTeacher])
    }

    @Test func wrongBand() {
        #expect(kinds([lesson(lesson: "jun-01")]) == [.wrongBand])
    }

    @Test func holidayAndWeekend() {
        #expect(kinds([lesson(date: "2026-10-02")]) == [.notSchoolDay])
        #expect(kinds([lesson(date: "2026-09-12")]) == [.notSchoolDay])
        #expect(kinds([lesson(period: 1)]) == [.periodNotAllowed])
    }

    @Test func themeRepeatedBeforeCoverage() {
        // mid-01 and mid-02 are both self-awareness.
        #expect(kinds([lesson(), lesson(date: "2026-09-15", lesson: "mid-02")]) == [.themeRepeated])
    }

    @Test func groupOutsideRoomHoursOrOverSize() throws {
        let g = try #require(valid.first { $0.kind == .group })
        #expect(kinds([g]).isEmpty)
        var late = g
        late.period = 9
        #expect(kinds([late]).contains(.groupOutsideRoomHours))
        var wrongDay = g
        // Window 2 is Tuesday/Thursday only: move to a Monday that is a school day.
        wrongDay.period = 2
        wrongDay.date = Day("2026-09-14")!
        #expect(kinds([wrongDay]).contains(.groupOutsideRoomHours))
        var big = g
        big.groupSize = 40
        #expect(kinds([big]) == [.groupSize])
        var noRoom = g
        noRoom.room = nil
        #expect(kinds([noRoom]).contains(.groupOutsideRoomHours))
        #expect(kinds([g, g]).contains(.roomDoubleBooked))
    }
}
