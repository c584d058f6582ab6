/// What the importer checks of a stored course: an attendance record's hours are at most the course's, and a
/// record without a date takes the course's end.
public struct CourseLimits: Sendable, Hashable {
    /// The course's hours, in tenths.
    public var hoursTenths: Int
    /// The course's last day.
    public var end: Day

    public init(hoursTenths: Int, end: Day) {
        self.hoursTenths = hoursTenths
        self.end = end
    }
}
