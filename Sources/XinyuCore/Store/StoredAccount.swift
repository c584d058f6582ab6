import Foundation

/// A user or machine account as the store keeps it (table `account`).
public struct StoredAccount: Sendable, Hashable {
    /// The login name, unique.
    public var name: String
    public var role: AccountRole
    /// The school the account is limited to: a school-scoped role's own school, and for a `teacher` the
    /// teacher's current school (read from the teacher record, so a move between schools follows the feed).
    public var school: String?
    /// The teacher a `teacher` account is.
    public var teacher: String?
    /// The district (a feed's `district` code) a district role is limited to; nil: the whole store (issue #18).
    public var district: String?
    /// The bcrypt hash of the password, or nil when no password is set (token-only accounts).
    public var passwordHash: String?
    /// A disabled account's tokens and sessions are refused.
    public var disabled: Bool
    public var created: Date

    /// An account.
    public init(
        name: String, role: AccountRole, school: String?, teacher: String?, passwordHash: String?,
        disabled: Bool, created: Date, district: String? = nil
    ) {
        self.name = name
        self.role = role
        self.school = school
        self.teacher = teacher
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.created = created
        self.district = district
    }
}
