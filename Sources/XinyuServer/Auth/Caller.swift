import XinyuAccounts

/// Who made a request, as ``AuthMiddleware`` found it.
public struct Caller: Sendable {
    public var principal: Principal
    /// The store's data version read while checking the credential, so a cached report need not read it again.
    public var dataVersion: String
    /// The session id of a browser caller (for its form token and logout); nil for a bearer token.
    public var session: String?
    /// The client's address for the audit trail: the peer, or the first `X-Forwarded-For` hop when the peer is a
    /// local proxy.
    public var address: String?
}
