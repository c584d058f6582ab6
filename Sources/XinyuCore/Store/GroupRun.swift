import Foundation

/// One group-guidance session that was run (table `groupRun`, issue #19): when, who facilitated, which activity,
/// how many took part and notes. Never a student's name or number: participants are counted only.
public struct GroupRun: Sendable, Hashable, Codable {
    /// The store's number; nil before it is stored.
    public var id: Int64?
    public var schoolId: String
    public var date: Day
    /// The facilitating teacher's id.
    public var facilitatorId: String
    /// The activity's id (bundled catalog or, later, the store's own activities).
    public var activityId: String
    /// How many students took part (a count, never names).
    public var participants: Int
    /// Notes about the session, never about a named or numbered student.
    public var notes: String?
    public var recordedBy: String
    public var recordedAt: Date

    /// A run to store (`id` is ignored).
    public init(
        id: Int64? = nil, schoolId: String, date: Day, facilitatorId: String, activityId: String, participants: Int,
        notes: String?, recordedBy: String, recordedAt: Date
    ) {
        self.id = id
        self.schoolId = schoolId
        self.date = date
        self.facilitatorId = facilitatorId
        self.activityId = activityId
        self.participants = participants
        self.notes = notes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
