import XinyuCore

/// What a term build gave one class (or one group programme): its outcome, the frequency it got against the one
/// the rules ask, the sessions planned, its teacher, and why.
public struct ClassPlan: Sendable, Hashable, Codable {
    public var `class`: String
    public var school: String
    public var grade: Int
    public var kind: SessionKind
    public var outcome: PlanOutcome
    /// One session every N weeks as planned (nil: unplaced, or a group, which meets weekly).
    public var everyWeeks: Int?
    /// One session every N weeks as the rules ask for the class's band (nil for groups).
    public var rulesEveryWeeks: Int?
    /// Sessions planned in the term.
    public var periods: Int
    public var teacher: String?
    public var cause: PlanCause?
    public var reason: String

    public init(
        class c: String, school: String, grade: Int, kind: SessionKind = .lesson, outcome: PlanOutcome,
        everyWeeks: Int?, rulesEveryWeeks: Int?, periods: Int, teacher: String?, cause: PlanCause?,
        reason: String
    ) {
        self.class = c
        self.school = school
        self.grade = grade
        self.kind = kind
        self.outcome = outcome
        self.everyWeeks = everyWeeks
        self.rulesEveryWeeks = rulesEveryWeeks
        self.periods = periods
        self.teacher = teacher
        self.cause = cause
        self.reason = reason
    }

    /// The frequency in words: "weekly", "every 3 weeks", "—" when unplaced.
    public var frequency: String { everyWeeks.map(ClassPlan.frequency(every:)) ?? "—" }

    /// "weekly" or "every N weeks".
    public static func frequency(every n: Int) -> String { n == 1 ? "weekly" : "every \(n) weeks" }

    /// The plan as the store keeps it.
    public func record(term: String) -> SchedulePlan {
        SchedulePlan(
            term: term, schoolId: school, classId: self.class, grade: grade, kind: kind, outcome: outcome,
            everyWeeks: everyWeeks, rulesEveryWeeks: rulesEveryWeeks, periods: periods, teacherId: teacher,
            cause: cause?.rawValue, reason: reason)
    }

    /// A stored plan.
    public init(_ r: SchedulePlan) {
        self.init(
            class: r.classId, school: r.schoolId, grade: r.grade, kind: r.kind, outcome: r.outcome,
            everyWeeks: r.everyWeeks, rulesEveryWeeks: r.rulesEveryWeeks, periods: r.periods, teacher: r.teacherId,
            cause: r.cause.flatMap(PlanCause.init(rawValue:)), reason: r.reason)
    }
}
