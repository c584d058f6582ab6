import Foundation
import HummingbirdBcrypt
import XinyuCore

extension Accounts {
    /// How a login attempt ended.
    public enum LoginOutcome: Sendable {
        /// Logged in: the new session's id (for the cookie; the store keeps its hash) and who.
        case success(session: String, credential: Credential)
        /// Wrong name or password (the answer does not say which).
        case failed
        /// The name is locked after too many failures, until this instant.
        case locked(until: Date)
    }

    /// The login actions in the audit trail.
    static let loginActions = ["login", "login.failed"]

    /// Checks a name and password, records the attempt, and on success opens a session.
    public func logIn(name: String, password: String, from address: String?) throws -> LoginOutcome {
        let at = now()
        let target = String(name.prefix(64))
        if let until = try lockedUntil(name: target) {
            try store.appendAudit([entry("login.locked", target: target, by: target, from: address)])
            return .locked(until: until)
        }
        let account = try store.account(named: target)
        let hash = account?.passwordHash ?? Self.dummyHash
        let matches = Bcrypt.verify(password, hash: hash)  // runs for unknown names too: the same time
        guard let account, account.passwordHash != nil, matches, !account.disabled else {
            try store.appendAudit([entry("login.failed", target: target, by: target, from: address)])
            if let until = try lockedUntil(name: target) { return .locked(until: until) }
            return .failed
        }
        let session = Secrets.generate()
        let stored = StoredSession(
            hash: Secrets.sha256(session), account: account.name, created: at,
            expires: at + Self.sessionLifetime)
        try store.addSession(stored, audit: entry("login", target: account.name, by: account.name, from: address))
        return .success(
            session: session,
            credential: Credential(
                principal: try Principal.resolve(account, store: store, via: .session), expires: stored.expires))
    }

    /// When `name`'s lock ends, or nil when it is not locked now.
    public func lockedUntil(name: String) throws -> Date? {
        let at = now()
        let since = at - Self.failureWindow - Self.lockDuration
        let attempts = try store.auditEntries(since: since, actor: nil, actions: Self.loginActions, target: name)
        return LoginThrottle.lockedUntil(attempts: attempts, now: at)
    }

    /// The session's credential, or nil when it is unknown, expired, or its account disabled.
    public func credential(forSessionHash hash: String) throws -> Credential? {
        guard let (session, account) = try store.sessionCredential(hash: hash), !account.disabled,
            session.expires > now()
        else { return nil }
        return Credential(principal: try Principal.resolve(account, store: store, via: .session), expires: session.expires)
    }

    /// Ends a session.
    public func logOut(session: String, by actor: Principal, from address: String?) throws {
        try store.endSession(
            hash: Secrets.sha256(session),
            audit: entry("logout", target: actor.name, by: actor.name, from: address))
    }

    /// A bcrypt hash no password matches in practice, checked for unknown names so they take as long.
    static let dummyHash = Bcrypt.hash(Secrets.generate(), cost: defaultBcryptCost)
}
