/// One kept state change of an entered record (table `recordTransition`, append-only): who, when, from → to, in
/// which capacity, and why. A record's first line has no `from` (it was entered `submitted`).
///
/// This is the history RULES.md asks for ("every transition is kept with who, when and why"); the audit trail of
/// issue #14 can take each line as it is (``auditAction``, ``auditTarget``).
public struct RecordTransition: Sendable, Codable, Hashable {
    public var id: Int64
    public var entry: Int64
    public var from: RecordState?
    public var to: RecordState
    /// `cli:USER` on the command line, an account name on the server.
    public var actor: String
    /// `school-admin`, `district-admin`, `school` (a sheet entered or sent again) or `teacher` (a submission).
    public var capacity: String
    /// ISO 8601, UTC.
    public var at: String
    public var reason: String?

    public init(
        id: Int64, entry: Int64, from: RecordState?, to: RecordState, actor: String, capacity: String,
        at: String, reason: String?
    ) {
        self.id = id
        self.entry = entry
        self.from = from
        self.to = to
        self.actor = actor
        self.capacity = capacity
        self.at = at
        self.reason = reason
    }

    /// The audit trail's action word for this line: `record.submit`, `record.approve`, `record.return`,
    /// `record.certify`, `record.resubmit`.
    public var auditAction: String {
        switch (from, to) {
        case (nil, _): "record.submit"
        case (.returned?, .submitted): "record.resubmit"
        case (_, .approved): "record.approve"
        case (_, .certified): "record.certify"
        case (_, .returned): "record.return"
        default: "record.\(to.rawValue)"
        }
    }

    /// The audit trail's target: `record N`.
    public var auditTarget: String { "record \(entry)" }
}
