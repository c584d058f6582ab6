import XinyuCore

/// One level of one teacher as of a date: the status, every flag RULES.md defines, and the figures behind them.
public struct LevelStatus: Sendable, Codable, Hashable {
    public var level: Level
    /// The one status to show (see ``CertStatus`` for the order).
    public var status: CertStatus
    /// The reason in words, e.g. "B: 54.0 of 90.0 h, no pass yet".
    public var reason: String
    public var certified: Bool
    public var expiring: Bool
    public var eligible: Bool
    public var lapsed: Bool
    public var inTraining: Bool
    /// Counted hours of this level's track that count toward it (after a lapse: only those on or after ``countsFrom``).
    public var trackHours: Hours
    public var requiredHours: Hours
    /// A `pass` in this track (after a lapse: dated on or after ``countsFrom``).
    public var passed: Bool
    /// After a lapse: the last cycle end of the most recently ended lapsed award; earlier hours do not count.
    public var countsFrom: Day?
    /// The earliest award of this level issued on or before the date.
    public var firstAwarded: Day?
    /// The current cycle of the valid award (the one lasting longest), when certified.
    public var cycleStart: Day?
    public var cycleEnd: Day?
    /// Renewal hours counted inside the current cycle, and the hours needed.
    public var renewalHours: Hours?
    public var renewalRequired: Hours
    /// Awards of this level issued on or before the date.
    public var awards: Int
}
