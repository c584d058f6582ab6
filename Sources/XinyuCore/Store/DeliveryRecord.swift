import Foundation

/// One record of whether a scheduled session was given (table `deliveryRecord`, issue #19). Records are never
/// updated or deleted: a change is a new record that names the one it supersedes, and the newest record of a
/// session is what it counts as.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// The store's number; nil before it is stored.
    public var id: Int64?
    /// The session recorded.
    public var session: SessionKey
    /// The session's term, teacher, kind and lesson or activity when it was recorded (copied from the stored
    /// schedule by the store, so the record stands alone after a rebuild).
    public var term: String
    public var teacherId: String
    public var kind: SessionKind
    public var lessonId: String
    /// Whether it was given.
    public var given: Bool
    /// Why not, when not given (required then; never with `given`).
    public var reason: DeliveryReason?
    /// 课后反思: the teacher's short reflection, optional.
    public var reflection: String?
    /// The record this one replaces (the session's previous newest record), or nil for the first.
    public var supersedes: Int64?
    /// Who recorded it (account name, `cli:USER`) and when.
    public var recordedBy: String
    public var recordedAt: Date

    /// A record to store: the store fills `id`, `term`, `teacherId`, `kind`, `lessonId` and `supersedes`.
    public init(
        session: SessionKey, given: Bool, reason: DeliveryReason?, reflection: String?, recordedBy: String,
        recordedAt: Date
    ) {
        self.id = nil
        self.session = session
        self.term = ""
        self.teacherId = ""
        self.kind = .lesson
        self.lessonId = ""
        self.given = given
        self.reason = reason
        self.reflection = reflection
        self.supersedes = nil
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
