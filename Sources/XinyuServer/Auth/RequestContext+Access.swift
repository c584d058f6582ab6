import Hummingbird
import XinyuAccounts

extension XinyuRequestContext {
    /// The caller, or a 401 (only on a route that ``AuthMiddleware`` let through without one: a bug).
    func principal() throws -> Principal {
        guard let caller else { throw APIError(.unauthorized, code: "unauthorized", message: "log in or send a bearer token") }
        return caller.principal
    }

    /// Asks ``AccessPolicy``: allowed, or a 404 worded exactly as for an id that does not exist (`notFound`), or
    /// a 403.
    func require(_ operation: AccessPolicy.Operation, notFound: @autoclosure () -> String = "no such route") throws {
        let p = try principal()
        switch AccessPolicy.decide(p, operation) {
        case .allow: return
        case .notFound: throw APIError.notFound(notFound())
        case .forbidden:
            throw APIError(
                .forbidden, code: "forbidden",
                message: "role \(p.role.rawValue) may not do this" + (p.school.map { " (limited to school \($0))" } ?? ""))
        }
    }

    /// The rows the caller's lists show; a 403 for a role that reads no lists.
    func readScope() throws -> AccessPolicy.ReadScope {
        let p = try principal()
        guard let scope = AccessPolicy.readScope(p) else {
            throw APIError(.forbidden, code: "forbidden", message: "role \(p.role.rawValue) may not read this")
        }
        return scope
    }

    /// Who acts and from where, for the audit trail.
    var actor: (principal: Principal, address: String?) {
        get throws { (try principal(), caller?.address ?? peerAddress) }
    }
}
