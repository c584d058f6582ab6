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

    public init(school: School, term: Term, sessions: [ScheduledSession], grades: [Grade], teacherNames: [String: String]) {
        self.school = school
        self.term = term
        self.sessions = sessions
        self.grades = grades
        self.teacherNames = teacherNames
    }
}
