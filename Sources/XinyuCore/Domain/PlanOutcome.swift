/// What a term build gave one class (or one group programme) of a school.
public enum PlanOutcome: String, Sendable, Codable, CaseIterable {
    /// Placed at the frequency the scheduling rules ask for its grade band.
    case full
    /// Placed less often than the rules ask (but at least the rules' minimum a term): the school's qualified
    /// teachers could not give every class its full frequency.
    case degraded
    /// Not placed; the plan's reason says why.
    case unplaced
}
