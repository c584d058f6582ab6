import Foundation

/// One school's stored schedule of one term, with what a view of it needs
/// (``SchedulingStore/storedSchedule(school:term:)``).
public struct StoredSchedule: Sendable {
    public var school: School
    public var term: Term
    /// The term's sessions of the school, by date, period and class.
    public var sessions: [ScheduledSession]
    /// The school's grades by level (to list classes with no lesson).
    public var grades: [Grade]
    /// Teacher id → name, for the school's teachers.
    public var teacherNames: [String: String]
    /// What the build gave every class and group, by class id; empty for a term stored before builds kept plans.
    public var plans: [SchedulePlan]
    /// When the term was built for the school; nil for a term stored before builds were recorded.
    public var builtAt: Date?

    public init(
        school: School, term: Term, sessions: [ScheduledSession], grades: [Grade],
        teacherNames: [String: String], plans: [SchedulePlan] = [], builtAt: Date? = nil
    ) {
        self.school = school
        self.term = term
        self.sessions = sessions
        self.grades = grades
        self.teacherNames = teacherNames
        self.plans = plans
        self.builtAt = builtAt
    }
}
