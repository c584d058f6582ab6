import XinyuCore

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
