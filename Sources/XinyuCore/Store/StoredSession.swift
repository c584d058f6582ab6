import Foundation

/// A browser session as the store keeps it (table `session`): only the SHA-256 of the session id.
public struct StoredSession: Sendable, Hashable {
    /// SHA-256 of the session id (the cookie's value), hex.
    public var hash: String
    public var account: String
    public var created: Date
    /// After this instant the session is refused.
    public var expires: Date

    /// A session record.
    public init(hash: String, account: String, created: Date, expires: Date) {
        self.hash = hash
        self.account = account
        self.created = created
        self.expires = expires
    }
}
