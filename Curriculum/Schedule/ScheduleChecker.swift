import XinyuCore

/// A broken hard rule.
public struct ScheduleViolation: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case teacherDoubleBooked = "teacher-double-booked"
        case classDoubleBooked = "class-double-booked"
        case overWeeklyMax = "over-weekly-max"
        case unqualifiedTeacher = "unqualified-teacher"
        case wrongBand = "wrong-band"
        case notSchoolDay = "not-a-school-day"
        case periodNotAllowed = "period-not-allowed"
        case unknownClass = "unknown-class"
        case unknownLesson = "unknown-lesson"
        case themeRepeated = "theme-repeated"
        case groupOutsideRoomHours = "group-outside-room-hours"
        case groupSize = "group-size"
        case roomDoubleBooked = "room-double-booked"
        /// A session in a period the school's own timetable gives its teacher (or, for a lesson, its class).
        case timetableConflict = "timetable-conflict"
    }
    public var kind: Kind
    public var message: String
    public var description: String { "\(kind.rawValue): \(message)" }
}

/// Checks every hard rule of a schedule against its context; an empty result means the schedule is valid.
public enum ScheduleChecker {
    public static func violations(_ sessions: [ScheduleEntry], context ctx: ScheduleContext) -> [ScheduleViolation] {
        var out: [ScheduleViolation] = []
        func add(_ k: ScheduleViolation.Kind, _ m: String) { out.append(ScheduleViolation(kind: k, message: m)) }
        let teachers = Dictionary(uniqueKeysWithValues: ctx.teachers.map { ($0.id, $0) })
        let schools = Dictionary(uniqueKeysWithValues: ctx.schools.map { ($0.id, $0) })
        var classGrade: [String: Int] = [:]
        var gradeClasses: [String: Int] = [:]
        for g in ctx.grades where g.classes > 0 {
            gradeClasses["\(g.schoolId)#\(g.level)"] = g.classes
            for k in 1...g.classes { classGrade["\(g.schoolId)-\(g.level)-\(k)"] = g.level }
        }
        var teacherTimes: [String: [Day: [(Int, Int, String)]]] = [:]
        struct SlotKey: Hashable {
            var a: String
            var date: Int
            var period: Int
        }
        var classSlots: [SlotKey: String] = [:]
        var roomSlots: [SlotKey: String] = [:]
        var weekly: [String: [Int: Int]] = [:]
        for s in sessions {
            var tag: String { "\(s.classId) \(s.date) p\(s.period)" }
            if !ctx.rules.isSchoolDay(s.date, term: ctx.term) {
                add(.notSchoolDay, "\(tag): \(s.date) is a weekend, holiday or outside term \(ctx.term)")
            }
            var time: (Int, Int)?
            if s.kind == .group {
                guard let a = ctx.catalog.activity(s.lesson) else {
                    add(.unknownLesson, "\(tag): no activity \(s.lesson)")
                    continue
                }
                if let t = teachers[s.teacher] {
                    if !ctx.canFacilitate(t, activity: a, school: s.school) {
                        add(
                            .unqualifiedTeacher,
                            "\(tag): \(s.teacher) may not facilitate \(a.id) (needs level ≥ \(a.facilitatorLevel.rawValue))")
                    }
                } else {
                    add(.unqualifiedTeacher, "\(tag): unknown teacher \(s.teacher)")
                }
                let size = s.groupSize ?? 0
                if !(a.minSize...a.maxSize).contains(size) {
                    add(.groupSize, "\(tag): group of \(size) outside \(a.minSize)–\(a.maxSize) for \(a.id)")
                }
                if let band = Band(grade: s.grade), !a.bands.contains(band) {
                    add(.wrongBand, "\(tag): \(a.id) does not suit band \(band.rawValue)")
                }
                let room = schools[s.school]?.counselingRoom == true && s.room == "counseling-room"
                if s.period < 1 || s.period > ctx.rules.roomOpen.count || !room {
                    add(.groupOutsideRoomHours, "\(tag): not in an open counseling-room window")
                } else {
                    let w = ctx.rules.roomOpen[s.period - 1]
                    if !w.weekdays.contains(s.date.weekday) || w.start + a.minutes > w.end {
                        add(
                            .groupOutsideRoomHours,
                            "\(tag): \(a.minutes) minutes on weekday \(s.date.weekday) outside the room's open hours")
                    }
                    time = (w.start, w.start + a.minutes)
                    let (g0, g1) = (w.start, w.start + a.minutes)
                    let busy = ctx.busyTimes(teacher: s.teacher, weekday: s.date.weekday)
                    if busy.contains(where: { $0.start < g1 && g0 < $0.end }) {
                        add(.timetableConflict, "\(tag): \(s.teacher) is busy then in the school's timetable")
                    }
                    let grade = gradeClasses["\(s.school)#\(s.grade)"] ?? 0
                    let occupied = (0..<grade).contains { k in
                        ctx.occupiedTimes(classId: "\(s.school)-\(s.grade)-\(k + 1)", weekday: s.date.weekday)
                            .contains { $0.start < g1 && g0 < $0.end }
                    }
                    if occupied {
                        add(.timetableConflict, "\(tag): a class of grade \(s.grade) is occupied then in the school's timetable")
                    }
                    let key = SlotKey(a: s.school, date: s.date.ordinal, period: s.period)
                    if let other = roomSlots[key] { add(.roomDoubleBooked, "\(tag): room already used by \(other)") }
                    roomSlots[key] = s.classId
                }
            } else {
                guard let l = ctx.library.lesson(s.lesson) else {
                    add(.unknownLesson, "\(tag): no lesson \(s.lesson)")
                    continue
                }
                if Band(grade: s.grade) != l.band {
                    add(.wrongBand, "\(tag): lesson \(l.id) is band \(l.band.rawValue), grade \(s.grade) is not")
                }
                if classGrade[s.classId] != s.grade || !s.classId.hasPrefix(s.school + "-") {
                    add(.unknownClass, "\(tag): no class \(s.classId) in the school's grades")
                }
                if let t = teachers[s.teacher] {
                    if !ctx.canTeach(t, classId: s.classId, school: s.school) {
                        if t.role == .classTeacher, let own = ctx.homerooms[t.id], own != s.classId {
                            add(
                                .unqualifiedTeacher,
                                "\(tag): \(s.teacher) is a class teacher and may teach only their own class \(own)")
                        } else {
                            add(.unqualifiedTeacher, "\(tag): \(s.teacher) is not qualified for \(s.classId)")
                        }
                    }
                } else {
                    add(.unqualifiedTeacher, "\(tag): unknown teacher \(s.teacher)")
                }
                let slot = ScheduleContext.slot(weekday: s.date.weekday, period: s.period)
                if ctx.teacherBusy[s.teacher]?.contains(slot) == true {
                    add(.timetableConflict, "\(tag): \(s.teacher) is busy then in the school's timetable")
                }
                if ctx.classOccupied[s.classId]?.contains(slot) == true {
                    add(.timetableConflict, "\(tag): the class is occupied then in the school's timetable")
                }
                if !ctx.rules.allowedPeriods.contains(s.period) {
                    add(.periodNotAllowed, "\(tag): period \(s.period) is not allowed")
                }
                if let band = Band(grade: s.grade), let t = ctx.rules.periodTime(s.period, band: band) { time = (t.start, t.end) }
                let key = SlotKey(a: s.classId, date: s.date.ordinal, period: s.period)
                if classSlots[key] != nil { add(.classDoubleBooked, "\(tag): class has two sessions in one period") }
                classSlots[key] = s.lesson
            }
            if let (a, b) = time {
                let list = teacherTimes[s.teacher]?[s.date] ?? []
                if let o = list.first(where: { $0.0 < b && a < $0.1 }) {
                    add(.teacherDoubleBooked, "\(tag): \(s.teacher) also teaches \(o.2) at the same time")
                }
                teacherTimes[s.teacher, default: [:]][s.date, default: []].append((a, b, s.classId))
            }
            weekly[s.teacher, default: [:]][ctx.week(of: s.date), default: 0] += 1
        }
        for (t, weeks) in weekly.sorted(by: { $0.key < $1.key }) {
            for (w, n) in weeks.sorted(by: { $0.key < $1.key }) where n > ctx.rules.weeklyMax(t) {
                add(.overWeeklyMax, "\(t): \(n) sessions in week \(w), weekly maximum \(ctx.rules.weeklyMax(t))")
            }
        }
        // Theme order: per class, every theme before any repeats.
        let lessonsByClass = Dictionary(grouping: sessions.filter { $0.kind == .lesson }, by: \.classId)
        for (c, list) in lessonsByClass.sorted(by: { $0.key < $1.key }) {
            var round = Set<Theme>()
            for s in list.sorted(by: { ($0.date, $0.period) < ($1.date, $1.period) }) {
                guard let th = ctx.library.lesson(s.lesson)?.theme else { continue }
                if round.count == Theme.allCases.count { round.removeAll() }
                if !round.insert(th).inserted {
                    add(.themeRepeated, "\(c) \(s.date): theme \(th.rawValue) repeats before every theme was covered")
                }
            }
        }
        return out
    }
}
