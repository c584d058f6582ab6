import Foundation

/// One line of the audit trail (table `audit`, append-only): who did what, on what, when, from where, with the
/// values before and after when something changed.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// The store's number, in the order lines were appended; nil before it is appended.
    public var id: Int64?
    public var at: Date
    /// Who: an account name, `bootstrap` (the server's `--token-file` token) or `cli:USER` (the OS user).
    public var actor: String
    /// The client's address (HTTP), or nil (CLI).
    public var address: String?
    /// What, e.g. `user.add`, `token.revoke`, `login.failed`, `import`, `schedule.build`.
    public var action: String
    /// On what: an account name, a token id, a feed, a school and term.
    public var target: String
    /// The changed values before, as JSON text, when something changed.
    public var before: String?
    /// The changed values after, as JSON text.
    public var after: String?
    /// The district the line concerns (issue #18), a 6-digit code, or nil: a whole-store action, or one of no
    /// district. When appended nil, the store decides it (see ``AccountStore/appendAudit(_:)``).
    public var district: String?
    /// The school the line concerns, when it concerns one: the store records that school's district. Only read
    /// when the line is appended (nil on lines read back).
    public var school: String?

    /// An audit line.
    public init(
        id: Int64? = nil, at: Date, actor: String, address: String?, action: String, target: String,
        before: String? = nil, after: String? = nil, district: String? = nil, school: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.address = address
        self.action = action
        self.target = target
        self.before = before
        self.after = after
        self.district = district
        self.school = school
    }
}
