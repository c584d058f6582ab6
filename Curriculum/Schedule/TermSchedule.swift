import XinyuCore

/// A built term schedule: the sessions, what every class and group got, and what could not be placed.
public struct TermSchedule: Sendable {
    public var term: String
    public var sessions: [ScheduleEntry]
    public var unplaced: [UnplacedWork]
    /// Every class and group programme of the schools built, placed or not, by school then class.
    public var plans: [ClassPlan]

    public init(term: String, sessions: [ScheduleEntry], unplaced: [UnplacedWork], plans: [ClassPlan] = []) {
        self.term = term
        self.sessions = sessions
        self.unplaced = unplaced
        self.plans = plans
    }
}

/// Work the scheduler could not place, with the reason in one line and its ``PlanCause``.
public struct UnplacedWork: Sendable, Hashable, Codable {
    public var `class`: String
    public var reason: String
    /// Why, as a short stable code (``PlanCause``); nil for work stored before causes were kept.
    public var cause: PlanCause?

    public init(class c: String, reason: String, cause: PlanCause? = nil) {
        self.class = c
        self.reason = reason
        self.cause = cause
    }
}
