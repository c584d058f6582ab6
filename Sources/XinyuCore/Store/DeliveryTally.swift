/// How one class's sessions with one teacher in a term went up to a date (issue #19): the school page's delivery
/// rate is `given / due`.
public struct DeliveryTally: Sendable, Hashable, Codable {
    public var classId: String
    public var teacherId: String
    /// Scheduled lessons of the class with the teacher dated on or before the date.
    public var due: Int
    /// Of those, whose newest record says given…
    public var given: Int
    /// …and not given; the rest are not recorded yet.
    public var notGiven: Int

    /// A tally.
    public init(classId: String, teacherId: String, due: Int, given: Int, notGiven: Int) {
        self.classId = classId
        self.teacherId = teacherId
        self.due = due
        self.given = given
        self.notGiven = notGiven
    }
}
