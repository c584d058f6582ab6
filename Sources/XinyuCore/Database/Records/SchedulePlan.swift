import GRDB

/// What a stored term build gave one class or group programme of a school (table `schedulePlan`): its outcome,
/// the frequency it got and the one the rules ask, how many sessions were planned, and why.
///
/// Every class of a built school has a plan, placed or not, so that a school whose classes all stayed unplaced
/// still shows what happened. Rows are replaced with the term's sessions on every build of the school.
public struct SchedulePlan: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "schedulePlan"
    public var term: String
    public var schoolId: String
    /// The class id (`S0001-3-2`), or a group's label (`S0001-ACTIVITY-N`).
    public var classId: String
    public var grade: Int
    public var kind: SessionKind
    public var outcome: PlanOutcome
    /// One session every N weeks as planned; nil when unplaced (and for groups, which meet weekly).
    public var everyWeeks: Int?
    /// One session every N weeks as the rules ask for the class's band; nil for groups.
    public var rulesEveryWeeks: Int?
    /// Sessions planned in the term.
    public var periods: Int
    /// The class's teacher (or the group's facilitator); nil when unplaced.
    public var teacherId: String?
    /// A short stable code of why it was degraded or unplaced (e.g. `teacher-periods`), nil when full.
    public var cause: String?
    /// The reason in one line, with the numbers behind it.
    public var reason: String

    public init(
        term: String, schoolId: String, classId: String, grade: Int, kind: SessionKind, outcome: PlanOutcome,
        everyWeeks: Int?, rulesEveryWeeks: Int?, periods: Int, teacherId: String?, cause: String?,
        reason: String
    ) {
        self.term = term
        self.schoolId = schoolId
        self.classId = classId
        self.grade = grade
        self.kind = kind
        self.outcome = outcome
        self.everyWeeks = everyWeeks
        self.rulesEveryWeeks = rulesEveryWeeks
        self.periods = periods
        self.teacherId = teacherId
        self.cause = cause
        self.reason = reason
    }
}
