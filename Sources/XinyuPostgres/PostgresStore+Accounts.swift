import Foundation
import PostgresNIO
import XinyuCore

/// ``AccountStore`` on PostgreSQL: accounts, tokens and sessions, and the audit trail (append-only by trigger).
extension PostgresStore {
    /// The columns an account is read from: a teacher account's school is its teacher's current school.
    static let accountColumns = """
        a.name, a.role, COALESCE(a.schoolId, t.schoolId), a.teacherId, a.passwordHash, a.disabled, a.created,
        a.district
        """
    static let accountJoin = "account a LEFT JOIN teacher t ON t.id = a.teacherId"
    static let tokenColumns = "k.id, k.accountName, k.hash, k.label, k.created, k.expires, k.lastUsed, k.revoked"

    public func addAccount(_ account: StoredAccount, audit: AuditEntry) throws {
        try write { s in
            if try !s.rows("SELECT 1 FROM account WHERE name = ?", [.text(account.name)]).isEmpty {
                throw AccountStoreError.accountExists(name: account.name)
            }
            if let school = account.school, account.teacher == nil { try requireSchool(school, s) }
            if let teacher = account.teacher, try s.rows("SELECT 1 FROM teacher WHERE id = ?", [.text(teacher)]).isEmpty {
                throw StoreError.unknownTeacher(id: teacher)
            }
            try s.execute(
                """
                INSERT INTO account (name, role, schoolId, teacherId, passwordHash, disabled, created, district)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(account.name), .text(account.role.rawValue), .text(account.teacher == nil ? account.school : nil),
                    .text(account.teacher), .text(account.passwordHash), .bool(account.disabled), .date(account.created),
                    .text(account.district),
                ])
            try Self.append(audit, s)
            try Self.recordChange(s)
        }
    }

    public func accounts() throws -> [StoredAccount] {
        try withSession { s in
            try s.rows("SELECT \(Self.accountColumns) FROM \(Self.accountJoin) ORDER BY a.name").map(account)
        }
    }

    public func account(named name: String) throws -> StoredAccount? {
        try withSession { s in try account(named: name, s) }
    }

    private func account(named name: String, _ s: PostgresSession) throws -> StoredAccount? {
        try s.rows("SELECT \(Self.accountColumns) FROM \(Self.accountJoin) WHERE a.name = ?", [.text(name)]).first.map(account)
    }

    public func updateAccount(_ account: StoredAccount, audit: AuditEntry) throws {
        try write { s in
            let changed = try s.execute(
                "UPDATE account SET passwordHash = ?, disabled = ?, district = ? WHERE name = ?",
                [.text(account.passwordHash), .bool(account.disabled), .text(account.district), .text(account.name)])
            guard changed == 1 else { throw AccountStoreError.unknownAccount(name: account.name) }
            if account.disabled {
                try s.execute("DELETE FROM session WHERE accountName = ?", [.text(account.name)])
            }
            try Self.append(audit, s)
            try Self.recordChange(s)
        }
    }

    public func addToken(_ token: StoredToken, audit: AuditEntry) throws {
        try write { s in
            guard try account(named: token.account, s) != nil else { throw AccountStoreError.unknownAccount(name: token.account) }
            try s.execute(
                """
                INSERT INTO accessToken (id, accountName, hash, label, created, expires, lastUsed, revoked)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(token.id), .text(token.account), .text(token.hash), .text(token.label), .date(token.created),
                    .date(token.expires), .date(token.lastUsed), .date(token.revoked),
                ])
            try Self.append(audit, s)
            try Self.recordChange(s)
        }
    }

    public func tokens() throws -> [StoredToken] {
        try withSession { s in
            try s.rows("SELECT \(Self.tokenColumns) FROM accessToken k ORDER BY k.created DESC, k.id").map(token)
        }
    }

    public func revokeToken(id: String, at: Date, audit: AuditEntry) throws -> StoredToken {
        try write { s in
            guard
                let before = try s.rows("SELECT \(Self.tokenColumns) FROM accessToken k WHERE k.id = ?", [.text(id)])
                    .first.map(token)
            else { throw AccountStoreError.unknownToken(id: id) }
            if before.revoked == nil {
                try s.execute("UPDATE accessToken SET revoked = ? WHERE id = ?", [.date(at), .text(id)])
                try Self.append(audit, s)
                try Self.recordChange(s)
            }
            return before
        }
    }

    public func tokenCredential(hash: String) throws -> (token: StoredToken, account: StoredAccount)? {
        try reading { s in
            guard
                let token = try s.rows("SELECT \(Self.tokenColumns) FROM accessToken k WHERE k.hash = ?", [.text(hash)])
                    .first.map(token), let account = try account(named: token.account, s)
            else { return nil }
            return (token, account)
        }
    }

    public func recordTokenUse(_ uses: [String: Date]) throws {
        guard !uses.isEmpty else { return }
        try write { s in
            for (id, at) in uses.sorted(by: { $0.key < $1.key }) {
                try s.execute(
                    "UPDATE accessToken SET lastUsed = ? WHERE id = ? AND (lastUsed IS NULL OR lastUsed < ?)",
                    [.date(at), .text(id), .date(at)])
            }
        }
    }

    public func addSession(_ session: StoredSession, audit: AuditEntry) throws {
        try write { s in
            try s.execute("DELETE FROM session WHERE expires < ?", [.date(session.created)])
            try s.execute(
                "INSERT INTO session (hash, accountName, created, expires) VALUES (?, ?, ?, ?)",
                [.text(session.hash), .text(session.account), .date(session.created), .date(session.expires)])
            try Self.append(audit, s)
        }
    }

    public func sessionCredential(hash: String) throws -> (session: StoredSession, account: StoredAccount)? {
        try reading { s in
            guard
                let r = try s.rows("SELECT hash, accountName, created, expires FROM session WHERE hash = ?", [.text(hash)])
                    .first, let account = try account(named: try r.string(1), s)
            else { return nil }
            let session = StoredSession(
                hash: try r.string(0), account: try r.string(1),
                created: try r.date(2) ?? Date(timeIntervalSince1970: 0),
                expires: try r.date(3) ?? Date(timeIntervalSince1970: 0))
            return (session, account)
        }
    }

    public func endSession(hash: String, audit: AuditEntry?) throws {
        try write { s in
            try s.execute("DELETE FROM session WHERE hash = ?", [.text(hash)])
            if let audit { try Self.append(audit, s) }
        }
    }

    public func appendAudit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try appending { s in
            for e in entries { try Self.append(e, s) }
        }
    }

    public func auditEntries(
        district: String?, since: Date?, actor: String?, actions: [String]?, target: String?
    ) throws -> [AuditEntry] {
        var conditions: [String] = []
        var values: [PostgresValue] = []
        if let district {
            conditions.append("district = ?")
            values.append(.text(district))
        }
        if let since {
            conditions.append("at >= ?")
            values.append(.date(since))
        }
        if let actor {
            conditions.append("actor = ?")
            values.append(.text(actor))
        }
        if let actions {
            conditions.append(actions.isEmpty ? "FALSE" : "action IN (\(actions.map { _ in "?" }.joined(separator: ", ")))")
            values += actions.map { .text($0) }
        }
        if let target {
            conditions.append("target = ?")
            values.append(.text(target))
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try withSession { s in
            try s.rows(
                "SELECT id, at, actor, address, action, target, before, after, district FROM audit \(filter) ORDER BY id",
                values
            )
            .map { r in
                AuditEntry(
                    id: Int64(try r.int(0) ?? 0), at: try r.date(1) ?? Date(timeIntervalSince1970: 0),
                    actor: try r.string(2), address: try r.text(3), action: try r.string(4),
                    target: try r.string(5), before: try r.text(6), after: try r.text(7), district: try r.text(8))
            }
        }
    }

    /// Appends one line inside the caller's write transaction, with its district decided as
    /// ``AccountStore/appendAudit(_:)`` says.
    static func append(_ e: AuditEntry, _ s: PostgresSession) throws {
        try s.execute(
            """
            INSERT INTO audit (at, actor, address, action, target, before, after, district)
            VALUES (?, ?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT district FROM school WHERE id = ?),
                (SELECT COALESCE(a.district, sc.district) FROM account a LEFT JOIN teacher t ON t.id = a.teacherId
                 LEFT JOIN school sc ON sc.id = COALESCE(a.schoolId, t.schoolId) WHERE a.name = ?)))
            """,
            [
                .date(e.at), .text(e.actor), .text(e.address), .text(e.action), .text(e.target), .text(e.before),
                .text(e.after), .text(e.district), .text(e.school), .text(e.actor),
            ])
    }

    private func account(_ r: PostgresRandomAccessRow) throws -> StoredAccount {
        let name = try r.string(0)
        return StoredAccount(
            name: name, role: try word(r, 1, "account", name), school: try r.text(2), teacher: try r.text(3),
            passwordHash: try r.text(4), disabled: try r.bool(5),
            created: try r.date(6) ?? Date(timeIntervalSince1970: 0), district: try r.text(7))
    }

    private func token(_ r: PostgresRandomAccessRow) throws -> StoredToken {
        StoredToken(
            id: try r.string(0), account: try r.string(1), hash: try r.string(2), label: try r.text(3),
            created: try r.date(4) ?? Date(timeIntervalSince1970: 0), expires: try r.date(5),
            lastUsed: try r.date(6), revoked: try r.date(7))
    }
}
