/// Practice toward level A up to a date, per teacher id (RULES.md; Certifications/README.md "Practice toward A").
/// A teacher with none is absent from a map.
public struct PracticeTotals: Sendable, Hashable {
    /// Individual-counseling hours in tenths (`counseling`, dated on or before the date).
    public var counseling: [String: Int] = [:]
    /// Psychology periods of the feed (`lessonPractice`, dated on or before the date).
    public var feedPeriods: [String: Int] = [:]
    /// Delivered scheduled lessons, one period each (issue #19): delivery records of kind `lesson` that are their
    /// session's newest record and say given, dated on or before the date, counted for the record's teacher, on
    /// days without a `lessonPractice` row of that teacher (the feed's record wins). A scheduled session with no
    /// record, or recorded not given, counts nothing.
    public var scheduledPeriods: [String: Int] = [:]

    /// No practice.
    public init() {}
}
