import Foundation
import XinyuCore

extension Accounts {
    /// A token just issued: the secret (shown once, never stored) and its record.
    public struct IssuedToken: Sendable {
        public var secret: String
        public var record: StoredToken
    }

    /// What a credential (a token or a session) proves, once checked: who, and until when.
    public struct Credential: Sendable, Hashable {
        public var principal: Principal
        /// After this instant the credential is refused; nil: never.
        public var expires: Date?
    }

    /// The prefix of every token, so that a leaked one is easy to recognise.
    public static let tokenPrefix = "xyt_"

    /// Issues a token for `name` that expires `lifetime` seconds from now (nil: never).
    public func issueToken(
        for name: String, lifetime: TimeInterval?, label: String?,
        by actor: Principal, from address: String? = nil
    ) throws -> IssuedToken {
        let account = try require(name)
        if account.disabled { throw AccountError.disabled(name) }
        let secret = Secrets.generate(prefix: Self.tokenPrefix)
        let created = now()
        let record = StoredToken(
            id: Secrets.shortId(prefix: "tok-"), account: name, hash: Secrets.sha256(secret),
            label: label, created: created, expires: lifetime.map { created + $0 },
            lastUsed: nil, revoked: nil)
        try store.addToken(
            record,
            audit: entry(
                "token.issue", target: record.id, by: actor.name, from: address,
                after: [
                    "account": name, "label": label,
                    "expires": record.expires.map(Self.timestamp),
                ]))
        return IssuedToken(secret: secret, record: record)
    }

    /// Every token, newest first.
    public func tokens() throws -> [StoredToken] { try store.tokens() }

    /// Revokes a token (``AccountStoreError/unknownToken(id:)`` when there is none with this id).
    public func revokeToken(id: String, by actor: Principal, from address: String? = nil) throws {
        let at = now()
        _ = try store.revokeToken(
            id: id, at: at,
            audit: entry(
                "token.revoke", target: id, by: actor.name, from: address,
                before: ["revoked": nil],
                after: ["revoked": Self.timestamp(at)]))
    }

    /// The token's credential, or nil when it is unknown, revoked, expired, or its account is disabled.
    /// Reads only; the caller records the use (``recordTokenUse(_:)``), coalesced.
    public func credential(forTokenHash hash: String) throws -> (credential: Credential, tokenId: String)? {
        guard let (token, account) = try store.tokenCredential(hash: hash), token.revoked == nil, !account.disabled
        else { return nil }
        if let e = token.expires, e <= now() { return nil }
        return (
            Credential(
                principal: try Principal.resolve(account, store: store, via: .token(id: token.id)), expires: token.expires),
            token.id
        )
    }

    /// Records when tokens were last used (see ``AccountStore/recordTokenUse(_:)``).
    public func recordTokenUse(_ uses: [String: Date]) throws { try store.recordTokenUse(uses) }

    /// An instant as the audit trail and listings write it: ISO 8601 in UTC, to the second.
    public static func timestamp(_ d: Date) -> String {
        var f = Date.ISO8601FormatStyle()
        f.timeZone = TimeZone(identifier: "UTC")!
        return d.formatted(f)
    }
}
