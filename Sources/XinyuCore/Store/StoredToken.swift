import Foundation

/// An API token as the store keeps it (table `accessToken`): never the token itself, only its SHA-256.
public struct StoredToken: Sendable, Hashable {
    /// The token's public id (`tok-…`), what `tokens list` shows and `tokens revoke` takes.
    public var id: String
    /// The account it acts for.
    public var account: String
    /// SHA-256 of the token, hex.
    public var hash: String
    public var label: String?
    public var created: Date
    /// After this instant the token is refused; nil: it does not expire.
    public var expires: Date?
    /// When it was last used (recorded at most once a minute per token).
    public var lastUsed: Date?
    /// When it was revoked; a revoked token is refused.
    public var revoked: Date?

    /// A token record.
    public init(
        id: String, account: String, hash: String, label: String?, created: Date, expires: Date?,
        lastUsed: Date?, revoked: Date?
    ) {
        self.id = id
        self.account = account
        self.hash = hash
        self.label = label
        self.created = created
        self.expires = expires
        self.lastUsed = lastUsed
        self.revoked = revoked
    }
}
