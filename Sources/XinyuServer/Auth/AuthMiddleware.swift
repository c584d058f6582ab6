import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// Finds who is calling, before any route runs: the bootstrap token, an API token (`Authorization: Bearer`), or
/// a browser session (cookie `xinyu_session`). Everything but ``publicPaths`` and the public certificate
/// verification (`/verify/…`, issue #16) needs one: without it the answer is
/// 401 (JSON under `/api`, a page that links to the login page elsewhere).
///
/// A browser session authenticates reads and the pages' own forms (which carry a form token); it never
/// authenticates a write to the API (`POST /api/…` answers 403 "use a token"), so a page on another site cannot
/// make a logged-in browser write.
///
/// Cost per request: the SHA-256 of the secret and one read of the store's data version (which the report cache
/// uses too); the credential itself is read from the store only when it is not in the ``CredentialCache`` for
/// that version. Nothing is written: a token's last use is recorded at most once a minute, off the request path
/// (``TokenUseRecorder``).
struct AuthMiddleware: RouterMiddleware {
    typealias Context = XinyuRequestContext
    static let sessionCookie = "xinyu_session"
    /// Paths anyone may reach.
    static let publicPaths: Set<String> = ["/health", "/login"]

    let accounts: Accounts
    let bootstrapHash: String?
    let cache: CredentialCache
    let uses: TokenUseRecorder

    init(accounts: Accounts, bootstrapToken: String?, cache: CredentialCache) {
        self.accounts = accounts
        self.bootstrapHash = bootstrapToken.map(Secrets.sha256)
        self.cache = cache
        self.uses = TokenUseRecorder(accounts: accounts)
    }

    func handle(
        _ request: Request, context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if Self.publicPaths.contains(path) || path.hasPrefix("/verify/") { return try await next(request, context) }
        let isAPI = path.hasPrefix("/api/")
        var context = context
        let address = Self.clientAddress(request, peer: context.peerAddress)
        if let header = request.headers[.authorization] {
            let prefix = "Bearer "
            guard header.hasPrefix(prefix), header.count > prefix.count else {
                return try refuse(request, context, "send Authorization: Bearer <token>")
            }
            let hash = Secrets.sha256(String(header.dropFirst(prefix.count)))
            let version = try await dataVersion()
            if let bootstrapHash, Secrets.constantTimeEqual(hash, bootstrapHash) {
                context.caller = Caller(principal: .bootstrap, dataVersion: version, session: nil, address: address)
                return try await next(request, context)
            }
            guard let entry = try await credential(hash: hash, version: version, token: true) else {
                return try refuse(request, context, "unknown, expired or revoked token")
            }
            if let id = entry.tokenId { uses.note(id, logger: context.logger) }
            context.caller = Caller(
                principal: entry.credential.principal, dataVersion: version, session: nil,
                address: address)
            return try await next(request, context)
        }
        if let session = request.cookies[Self.sessionCookie]?.value, !session.isEmpty {
            let version = try await dataVersion()
            guard let entry = try await credential(hash: Secrets.sha256(session), version: version, token: false) else {
                return try refuse(request, context, "the session has ended; log in again")
            }
            if isAPI && request.method != .get && request.method != .head {
                throw APIError(
                    .forbidden, code: "forbidden",
                    message: "a browser session cannot write to the API; send Authorization: Bearer <token>")
            }
            context.caller = Caller(
                principal: entry.credential.principal, dataVersion: version, session: session,
                address: address)
            return try await next(request, context)
        }
        return try refuse(request, context, "log in, or send Authorization: Bearer <token>")
    }

    func dataVersion() async throws -> String {
        let store = accounts.store
        return try await BlockingWork.probe { try store.dataVersion() }
    }

    /// The checked credential for `hash`, from the cache or the store (quick lane); nil when refused.
    func credential(hash: String, version: String, token: Bool) async throws -> CredentialCache.Entry? {
        if let hit = cache.entry(hash, version: version, now: accounts.now()) { return hit }
        let accounts = accounts
        let found: CredentialCache.Entry? = try await BlockingWork.quick {
            if token {
                return try accounts.credential(forTokenHash: hash).map {
                    CredentialCache.Entry(credential: $0.credential, tokenId: $0.tokenId, version: version)
                }
            }
            return try accounts.credential(forSessionHash: hash).map {
                CredentialCache.Entry(credential: $0, tokenId: nil, version: version)
            }
        }
        if let found { cache.store(hash, found) }
        return found
    }

    /// 401: JSON under `/api`; elsewhere a small page that sends the browser to the login page.
    func refuse(_ request: Request, _ context: Context, _ message: String) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return try APIError(.unauthorized, code: "unauthorized", message: message).response(from: request, context: context)
        }
        let lang = DashboardLanguage(query: request.uri.queryParameters.get("lang"))
        let next =
            request.uri.path == "/"
            ? "" : "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        var response = JSONResponse.text(
            LoginPage.redirect(to: "/login" + next, lang: lang),
            contentType: "text/html; charset=utf-8", status: .unauthorized)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The peer's address, or the nearest `X-Forwarded-For` hop when the peer is a proxy on this machine.
    static func clientAddress(_ request: Request, peer: String?) -> String? {
        guard peer == nil || peer == "127.0.0.1" || peer == "::1",
            let forwarded = request.headers[.xForwardedFor]?.split(separator: ",").last
        else { return peer }
        let hop = forwarded.trimmingCharacters(in: CharacterSet.whitespaces)
        return hop.isEmpty ? peer : String(hop.prefix(64))
    }
}
