import XinyuCore

/// A built term schedule: the sessions and what could not be placed.
public struct TermSchedule: Sendable {
    public var term: String
    public var sessions: [ScheduleEntry]
    public var unplaced: [UnplacedWork]
    public init(term: String, sessions: [ScheduleEntry], unplaced: [UnplacedWork]) {
        self.term = term; self.sessions = sessions; self.unplaced = unplaced
    }
}

/// Work the scheduler could not place, with the reason in one line.
public struct UnplacedWork: Sendable, Hashable, Codable {
    public var `class`: String
    public var reason: String
    public init(class c: String, reason: String) { self.class = c; self.reason = reason }
}
