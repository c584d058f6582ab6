import Foundation
import XinyuCore

/// Users, tokens, sessions and the audit trail, over any ``XinyuStore`` (the CLI and the server call this; the
/// store keeps hashes only).
///
/// Decisions where the issue is silent:
/// - Login names are 1–64 letters (any script), digits, `.`, `_`, `-` or `@`; `bootstrap` is reserved for the
///   server's bootstrap token and names with `:` for the command line (`cli:USER`).
/// - Passwords: 8 characters at least, 72 bytes at most (bcrypt reads no further), bcrypt cost 12.
/// - Tokens: `xyt_` and 32 random bytes; by default they expire after 90 days. A token of a disabled account is
///   refused, as is an expired or revoked one.
/// - Sessions last 12 hours from login (a school day), whatever the activity; logging out ends one at once, and
///   disabling a user ends all of theirs.
/// - Logins: after 5 failed logins for a name within 15 minutes the name is locked for 15 minutes from the fifth
///   failure, whether the name exists or not (so the answer does not tell). Attempts while locked are refused
///   without checking the password, recorded as `login.locked`, and do not extend the lock; a successful login
///   clears the count.
public struct Accounts: Sendable {
    public let store: any XinyuStore
    /// bcrypt's cost for new password hashes (tests use a low one).
    public let bcryptCost: UInt8
    /// The clock (tests move it).
    public let now: @Sendable () -> Date

    /// How long a browser session lasts: 12 hours.
    public static let sessionLifetime: TimeInterval = 12 * 3600
    /// Failed logins that lock a name…
    public static let lockAfterFailures = 5
    /// …within this window…
    public static let failureWindow: TimeInterval = 15 * 60
    /// …for this long.
    public static let lockDuration: TimeInterval = 15 * 60
    public static let minimumPasswordLength = 8
    public static let maximumPasswordBytes = 72
    /// The bcrypt cost of new password hashes.
    public static let defaultBcryptCost: UInt8 = 12

    /// The accounts of `store`.
    public init(
        store: any XinyuStore, bcryptCost: UInt8 = Accounts.defaultBcryptCost,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.bcryptCost = bcryptCost
        self.now = now
    }

    /// A new audit line dated now.
    func entry(
        _ action: String, target: String, by actor: String, from address: String?,
        before: [String: String?]? = nil, after: [String: String?]? = nil
    ) -> AuditEntry {
        AuditEntry(
            at: now(), actor: actor, address: address, action: action, target: target,
            before: before.map(Self.json), after: after.map(Self.json))
    }

    /// Appends one line for a write done elsewhere (an import, a schedule build), after it committed. `school` (the
    /// school the write concerns) or `district` (a district feed's code) decide the line's district; without them
    /// the store takes the actor's (``AccountStore/appendAudit(_:)``).
    public func record(
        _ action: String, target: String, by actor: Principal, from address: String? = nil,
        before: [String: String?]? = nil, after: [String: String?]? = nil, school: String? = nil, district: String? = nil
    ) throws {
        var line = entry(action, target: target, by: actor.name, from: address, before: before, after: after)
        line.school = school
        line.district = district
        try store.appendAudit([line])
    }

    /// The audit trail, oldest first: lines at or after `since`, by `actor`, of `district` (issue #18: what a
    /// district-scoped district-admin reads; lines of no district are not any district's), each when given.
    public func audit(since: Date? = nil, actor: String? = nil, district: String? = nil) throws -> [AuditEntry] {
        try store.auditEntries(district: district, since: since, actor: actor, actions: nil, target: nil)
    }

    /// Compact JSON with sorted keys; nil values are JSON nulls.
    static func json(_ values: [String: String?]) -> String {
        let object = values.mapValues { $0.map { $0 as Any } ?? NSNull() }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
