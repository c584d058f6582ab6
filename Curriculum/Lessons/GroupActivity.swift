import XinyuCore

/// A group-guidance activity of the catalog (团体辅导): who it suits and what it needs.
public struct GroupActivity: Sendable, Codable, Hashable {
    public var id: String
    /// Chinese name, e.g. 心语沙龙.
    public var name: String
    public var nameEn: String
    public var minSize: Int
    public var maxSize: Int
    /// Number of sessions of one group (weekly).
    public var sessions: Int
    /// Length of one session in minutes.
    public var minutes: Int
    /// Certificate level the facilitator must hold (effective level at or above).
    public var facilitatorLevel: Level
    /// Bands whose students the activity suits.
    public var bands: [Band]
    /// Where it runs: `counseling-room` (scheduled by the term scheduler) or `classroom`.
    public var room: String
    public var description: String
}
