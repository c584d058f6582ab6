/// What a reviewer may do, as the caller's authentication decides it: the capacities it acts in and the one school
/// it is limited to (nil: every school). The CLI acts in both capacities over the whole district (see
/// `xinyu approvals`); the server builds one per request in one place (`TrainingAccess` in XinyuServer), where
/// issue #14's access policy decides.
public struct ReviewerScope: Sendable, Hashable {
    public var capacities: Set<ReviewCapacity>
    public var school: String?

    public init(capacities: Set<ReviewCapacity>, school: String?) {
        self.capacities = capacities
        self.school = school
    }

    /// Both capacities, every school.
    public static let everything = ReviewerScope(capacities: Set(ReviewCapacity.allCases), school: nil)
}
