import Hummingbird
import NIOCore
import XinyuAccounts

/// The server's request context: Hummingbird's core storage, the client's address, and who the caller is once
/// ``AuthMiddleware`` has checked the credential.
public struct XinyuRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address (the audit trail's "from where"), nil in router tests.
    public var peerAddress: String?
    /// The authenticated caller; nil on the public routes (`/health`, the login page).
    public var caller: Caller?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}
