/// Practice toward level A up to a date, per teacher id (RULES.md; Certifications/README.md "Practice toward A").
/// A teacher with none is absent from a map.
public struct PracticeTotals: Sendable, Hashable {
    /// Individual-counseling hours in tenths (`counseling`, dated on or before the date).
    public var counseling: [String: Int] = [:]
    /// Psychology periods of the feed (`lessonPractice`, dated on or before the date).
    public var feedPeriods: [String: Int] = [:]
    /// Delivered scheduled lessons (`scheduledSession` of kind `lesson`, dated before the date) on days without a
    /// `lessonPractice` row, one period each.
    public var scheduledPeriods: [String: Int] = [:]

    /// No practice.
    public init() {}
}
