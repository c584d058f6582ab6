import XinyuCore

/// One planned session in memory: a lesson period of a class, or one meeting of a group in the counseling room.
///
/// For `kind == "group"`, `period` is the 1-based number of the counseling-room window in the rules
/// (`counselingRoom.open`), the session starts at that window's start, and `classId` is the group's label
/// `SCHOOL-ACTIVITY-N` (students are counted, never named).
public struct PlannedSession: Sendable, Hashable, Codable {
    public var term: String
    public var school: String
    public var classId: String
    public var grade: Int
    public var date: Day
    public var period: Int
    public var teacher: String
    public var lesson: String
    public var kind: String
    public var room: String?
    /// Students in a group session (not stored: the store keeps no student data).
    public var groupSize: Int?

    public init(term: String, school: String, classId: String, grade: Int, date: Day, period: Int, teacher: String,
                lesson: String, kind: String = "lesson", room: String? = nil, groupSize: Int? = nil) {
        self.term = term; self.school = school; self.classId = classId; self.grade = grade; self.date = date
        self.period = period; self.teacher = teacher; self.lesson = lesson; self.kind = kind; self.room = room
        self.groupSize = groupSize
    }

    public var record: ScheduledSession {
        ScheduledSession(term: term, schoolId: school, classId: classId, grade: grade, date: date, period: period,
                         teacherId: teacher, lessonId: lesson, kind: kind, room: room)
    }
}

/// Work the scheduler could not place, with the reason in one line.
public struct UnplacedWork: Sendable, Hashable, Codable {
    public var `class`: String
    public var reason: String
    public init(class c: String, reason: String) { self.class = c; self.reason = reason }
}

/// Everything the scheduler and the checker need, built by the caller (tests build it by hand).
public struct ScheduleContext: Sendable {
    public var term: Term
    public var rules: ScheduleRules
    public var library: LessonLibrary
    public var catalog: ActivityCatalog
    public var schools: [School]
    public var grades: [Grade]
    public var teachers: [Teacher]
    /// Effective certification level per teacher id on the term's first day (absent: none).
    public var levels: [String: Level]

    public init(term: Term, rules: ScheduleRules, library: LessonLibrary, catalog: ActivityCatalog, schools: [School],
                grades: [Grade], teachers: [Teacher], levels: [String: Level]) {
        self.term = term; self.rules = rules; self.library = library; self.catalog = catalog; self.schools = schools
        self.grades = grades; self.teachers = teachers; self.levels = levels
    }

    /// May this teacher teach psychology periods at `school`? Active, of that school, and either psych-fulltime or
    /// psych-parttime with effective level ≥ B, or (when the rules allow it) a class teacher with level ≥ C.
    public func canTeachLessons(_ t: Teacher, school: String) -> Bool {
        guard t.status == .active, t.schoolId == school, let level = levels[t.id] else { return false }
        switch t.role {
        case .psychFulltime, .psychParttime: return level >= .B
        case .classTeacher: return rules.allowClassTeachersWithC && level >= .C
        default: return false
        }
    }

    /// May this teacher facilitate `activity`? A lesson-qualified teacher whose level is at least the catalog's.
    public func canFacilitate(_ t: Teacher, activity: GroupActivity, school: String) -> Bool {
        canTeachLessons(t, school: school) && (levels[t.id].map { $0 >= activity.facilitatorLevel } ?? false)
    }

    /// Monday of the term's first teaching week; week N of the term starts N−1 weeks later.
    public var firstMonday: Day {
        let s = rules.span(of: term).lowerBound
        return s.adding(days: 1 - s.weekday)
    }

    /// 1-based teaching week of a date.
    public func week(of d: Day) -> Int { (d.ordinal - firstMonday.ordinal).floorDiv(7) + 1 }
}

extension Int {
    func floorDiv(_ d: Int) -> Int { self >= 0 ? self / d : -((-self + d - 1) / d) }
}

/// A built term schedule: the sessions and what could not be placed.
public struct TermSchedule: Sendable {
    public var term: String
    public var sessions: [PlannedSession]
    public var unplaced: [UnplacedWork]
    public init(term: String, sessions: [PlannedSession], unplaced: [UnplacedWork]) {
        self.term = term; self.sessions = sessions; self.unplaced = unplaced
    }
}
