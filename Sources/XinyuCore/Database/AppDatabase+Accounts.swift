import Foundation
import GRDB

/// The SQLite store's accounts, tokens and sessions (``AccountStore``; the audit trail is in
/// `AppDatabase+Audit.swift`).
extension AppDatabase: AccountStore {
    /// The columns an account is read from: a teacher account's school is its teacher's current school.
    static let accountColumns = """
        a.name, a.role, COALESCE(a.schoolId, t.schoolId) AS school, a.teacherId, a.passwordHash, a.disabled, a.created,
        a.district
        """
    static let accountJoin = "account a LEFT JOIN teacher t ON t.id = a.teacherId"

    public func addAccount(_ account: StoredAccount, audit: AuditEntry) throws {
        try write("add user \(account.name)") { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE name = ?", arguments: [account.name]) == true {
                throw AccountStoreError.accountExists(name: account.name)
            }
            if let school = account.school, account.teacher == nil { _ = try School.require(db, id: school) }
            if let teacher = account.teacher, try Teacher.fetchOne(db, key: teacher) == nil {
                throw StoreError.unknownTeacher(id: teacher)
            }
            try db.execute(
                sql: """
                    INSERT INTO account (name, role, schoolId, teacherId, passwordHash, disabled, created, district)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    account.name, account.role.rawValue, account.teacher == nil ? account.school : nil,
                    account.teacher, account.passwordHash, account.disabled, account.created, account.district,
                ])
            try Self.append(audit, db)
            try AppDatabase.recordChange(db)
        }
    }

    public func accounts() throws -> [StoredAccount] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.accountColumns) FROM \(Self.accountJoin) ORDER BY a.name")
                .map(Self.account)
        }
    }

    public func account(named name: String) throws -> StoredAccount? {
        try reading { db in try Self.account(named: name, db) }
    }

    static func account(named name: String, _ db: Database) throws -> StoredAccount? {
        try Row.fetchOne(db, sql: "SELECT \(accountColumns) FROM \(accountJoin) WHERE a.name = ?", arguments: [name])
            .map(account)
    }

    public func updateAccount(_ account: StoredAccount, audit: AuditEntry) throws {
        try write("change user \(account.name)") { db in
            try db.execute(
                sql: "UPDATE account SET passwordHash = ?, disabled = ?, district = ? WHERE name = ?",
                arguments: [account.passwordHash, account.disabled, account.district, account.name])
            guard db.changesCount == 1 else { throw AccountStoreError.unknownAccount(name: account.name) }
            if account.disabled {
                try db.execute(sql: "DELETE FROM session WHERE accountName = ?", arguments: [account.name])
            }
            try Self.append(audit, db)
            try AppDatabase.recordChange(db)
        }
    }

    public func addToken(_ token: StoredToken, audit: AuditEntry) throws {
        try write("issue a token for \(token.account)") { db in
            guard try Self.account(named: token.account, db) != nil else {
                throw AccountStoreError.unknownAccount(name: token.account)
            }
            try db.execute(
                sql: """
                    INSERT INTO accessToken (id, accountName, hash, label, created, expires, lastUsed, revoked)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    token.id, token.account, token.hash, token.label, token.created, token.expires,
                    token.lastUsed, token.revoked,
                ])
            try Self.append(audit, db)
            try AppDatabase.recordChange(db)
        }
    }

    static let tokenColumns = "k.id, k.accountName, k.hash, k.label, k.created, k.expires, k.lastUsed, k.revoked"

    public func tokens() throws -> [StoredToken] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.tokenColumns) FROM accessToken k ORDER BY k.created DESC, k.id")
                .map(Self.token)
        }
    }

    public func revokeToken(id: String, at: Date, audit: AuditEntry) throws -> StoredToken {
        try write("revoke token \(id)") { db in
            guard
                let before = try Row.fetchOne(
                    db, sql: "SELECT \(Self.tokenColumns) FROM accessToken k WHERE k.id = ?",
                    arguments: [id]
                ).map(Self.token)
            else {
                throw AccountStoreError.unknownToken(id: id)
            }
            if before.revoked == nil {
                try db.execute(sql: "UPDATE accessToken SET revoked = ? WHERE id = ?", arguments: [at, id])
                try Self.append(audit, db)
                try AppDatabase.recordChange(db)
            }
            return before
        }
    }

    public func tokenCredential(hash: String) throws -> (token: StoredToken, account: StoredAccount)? {
        try reading { db in
            guard
                let token = try Row.fetchOne(
                    db, sql: "SELECT \(Self.tokenColumns) FROM accessToken k WHERE k.hash = ?",
                    arguments: [hash]
                ).map(Self.token),
                let account = try Self.account(named: token.account, db)
            else { return nil }
            return (token, account)
        }
    }

    public func recordTokenUse(_ uses: [String: Date]) throws {
        guard !uses.isEmpty else { return }
        try write("record token use") { db in
            for (id, at) in uses.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "UPDATE accessToken SET lastUsed = ? WHERE id = ? AND (lastUsed IS NULL OR lastUsed < ?)",
                    arguments: [at, id, at])
            }
        }
    }

    public func addSession(_ session: StoredSession, audit: AuditEntry) throws {
        try write("log in \(session.account)") { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [session.created])
            try db.execute(
                sql: "INSERT INTO session (hash, accountName, created, expires) VALUES (?, ?, ?, ?)",
                arguments: [session.hash, session.account, session.created, session.expires])
            try Self.append(audit, db)
        }
    }

    public func sessionCredential(hash: String) throws -> (session: StoredSession, account: StoredAccount)? {
        try reading { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT hash, accountName, created, expires FROM session WHERE hash = ?",
                    arguments: [hash]),
                let account = try Self.account(named: row["accountName"], db)
            else { return nil }
            let session = StoredSession(
                hash: row["hash"], account: row["accountName"], created: row["created"],
                expires: row["expires"])
            return (session, account)
        }
    }

    public func endSession(hash: String, audit: AuditEntry?) throws {
        try write("log out") { db in
            try db.execute(sql: "DELETE FROM session WHERE hash = ?", arguments: [hash])
            if let audit { try Self.append(audit, db) }
        }
    }

    static func account(_ row: Row) throws -> StoredAccount {
        let role: String = row["role"]
        guard let r = AccountRole(rawValue: role) else {
            throw StoreError.sqlite(path: "account", message: "user \(row["name"] as String) has an unknown role \(role)")
        }
        return StoredAccount(
            name: row["name"], role: r, school: row["school"], teacher: row["teacherId"],
            passwordHash: row["passwordHash"], disabled: row["disabled"], created: row["created"],
            district: row["district"])
    }

    static func token(_ row: Row) -> StoredToken {
        StoredToken(
            id: row["id"], account: row["accountName"], hash: row["hash"], label: row["label"],
            created: row["created"], expires: row["expires"], lastUsed: row["lastUsed"], revoked: row["revoked"])
    }
}
