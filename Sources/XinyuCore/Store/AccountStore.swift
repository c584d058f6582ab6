import Foundation

/// Accounts, their API tokens and browser sessions, and the audit trail (issue #14).
///
/// An engine must guarantee:
/// - Secrets are never stored: tokens and session ids arrive as their SHA-256 (hex), passwords as bcrypt hashes.
/// - Each write that takes an ``AuditEntry`` appends it in the same transaction as the change, so a change and
///   its audit line commit together or not at all.
/// - Changes to accounts and tokens raise ``ReportStore/dataVersion()`` (the server's credential cache follows
///   it, so a user disabled or a token revoked by the CLI is refused at the next request). Writes that change
///   nothing a cache or a credential check reads leave it alone: a token's last use, a new session, an ended
///   session, and audit lines appended on their own (a refused login). Raising it there would empty the
///   server's report cache at every login attempt, and an unauthenticated client could keep the server
///   recomputing reports.
/// - The audit trail is append-only: the store itself refuses to update or delete a line (the SQLite store
///   with triggers), whoever asks, a hand edit included.
/// - Busy and full stores throw as ``ReportStore`` says.
public protocol AccountStore: Sendable {
    /// Adds an account; ``AccountStoreError/accountExists(name:)`` when the name is taken. A school or teacher
    /// that is not stored throws ``StoreError/unknownSchool(id:)`` / ``StoreError/unknownTeacher(id:)``.
    func addAccount(_ account: StoredAccount, audit: AuditEntry) throws

    /// Every account, sorted by name (a teacher account's school is the teacher's current school).
    func accounts() throws -> [StoredAccount]

    /// The account with this name, or nil.
    func account(named name: String) throws -> StoredAccount?

    /// Replaces an account's password hash, disabled flag and district (its name, role, school and teacher stay).
    /// Disabling it also ends its sessions. ``AccountStoreError/unknownAccount(name:)`` when it is not stored.
    func updateAccount(_ account: StoredAccount, audit: AuditEntry) throws

    /// Stores a new token (its account must exist: ``AccountStoreError/unknownAccount(name:)``).
    func addToken(_ token: StoredToken, audit: AuditEntry) throws

    /// Every token, newest first (by creation, then id).
    func tokens() throws -> [StoredToken]

    /// Marks the token revoked at `at` and returns it as it was before; ``AccountStoreError/unknownToken(id:)``
    /// when no token has this id. Revoking a revoked token changes nothing and appends no line.
    func revokeToken(id: String, at: Date, audit: AuditEntry) throws -> StoredToken

    /// The token with this SHA-256 and its account, or nil: whatever its state (the caller checks expiry,
    /// revocation and the account's disabled flag).
    func tokenCredential(hash: String) throws -> (token: StoredToken, account: StoredAccount)?

    /// Records when tokens were last used (token id → instant). A later instant never goes back. Does not move
    /// the data version; appends no audit line.
    func recordTokenUse(_ uses: [String: Date]) throws

    /// Stores a new session (does not move the data version).
    func addSession(_ session: StoredSession, audit: AuditEntry) throws

    /// The session with this SHA-256 and its account, or nil.
    func sessionCredential(hash: String) throws -> (session: StoredSession, account: StoredAccount)?

    /// Ends a session (nothing when none has this hash), appending `audit` when given.
    func endSession(hash: String, audit: AuditEntry?) throws

    /// Appends audit lines on their own, e.g. a refused login (does not move the data version).
    ///
    /// Every audit line, appended here or with a write, records the district it concerns (issue #18), decided
    /// when it is appended and never changed, the first that applies:
    /// 1. the line's own ``AuditEntry/district`` (an import of a district's feed);
    /// 2. the district of the line's ``AuditEntry/school`` (a school's training records, deliveries, schedule);
    /// 3. the district of the actor's account, when it is district-scoped;
    /// 4. the district of the actor's school, for a school's user (school-admin, planner, teacher);
    /// 5. none (NULL): a whole-store action by an unscoped district role, the command line or `bootstrap`.
    /// A district-scoped role reads only its district's lines (``auditEntries(district:since:actor:actions:target:)``);
    /// lines of no district are for unscoped roles only.
    func appendAudit(_ entries: [AuditEntry]) throws

    /// Audit lines in the order they were appended: those of `district` (see ``appendAudit(_:)``; lines of no
    /// district are never those of a district), at or after `since`, by `actor`, with one of `actions` and on
    /// `target`, each filter only when given.
    func auditEntries(
        district: String?, since: Date?, actor: String?, actions: [String]?, target: String?
    ) throws -> [AuditEntry]
}

extension AccountStore {
    /// Audit lines of every district and none (see ``auditEntries(district:since:actor:actions:target:)``).
    public func auditEntries(since: Date?, actor: String?, actions: [String]?, target: String?) throws -> [AuditEntry] {
        try auditEntries(district: nil, since: since, actor: actor, actions: actions, target: target)
    }
}
