/// One counted attendance record of a certification track (A, B, C or cpd): the course's track, the date, the
/// hours in tenths, and whether the result is `pass`.
public struct TrackedAttendance: Sendable, Hashable {
    /// The course's track (never `none`).
    public var track: Track
    /// The attendance date.
    public var date: Day
    /// Hours in tenths.
    public var tenths: Int
    /// The result is `pass`.
    public var pass: Bool

    /// A record.
    public init(track: Track, date: Day, tenths: Int, pass: Bool) {
        self.track = track
        self.date = date
        self.tenths = tenths
        self.pass = pass
    }
}
