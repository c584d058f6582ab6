/// One counted attendance record of a teacher, with its course's track and category as stored (raw values of
/// ``Track`` and ``Category``), for the teacher's training ledger.
public struct CountedAttendance: Sendable, Hashable {
    /// The course's track as stored.
    public var track: String
    /// The course's category as stored.
    public var category: String
    /// The attendance date (nil if the stored text is not a day).
    public var date: Day?
    /// Hours in tenths.
    public var tenths: Int
    /// The result is `pass`.
    public var pass: Bool

    /// A record.
    public init(track: String, category: String, date: Day?, tenths: Int, pass: Bool) {
        self.track = track
        self.category = category
        self.date = date
        self.tenths = tenths
        self.pass = pass
    }
}
