import Foundation
import GRDB

/// The SQLite store's audit trail (table `audit`, kept append-only by triggers; see ``AccountStore``).
extension AppDatabase {
    public func appendAudit(_ entries: [AuditEntry]) throws {
        guard !entries.isEmpty else { return }
        try write("append to the audit trail") { db in
            for e in entries { try Self.append(e, db) }
        }
    }

    public func auditEntries(
        district: String?, since: Date?, actor: String?, actions: [String]?, target: String?
    ) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let district {
            conditions.append("district = ?")
            arguments += [district]
        }
        if let since {
            conditions.append("at >= ?")
            arguments += [since]
        }
        if let actor {
            conditions.append("actor = ?")
            arguments += [actor]
        }
        if let actions {
            conditions.append("action IN (\(actions.map { _ in "?" }.joined(separator: ", ")))")
            arguments += StatementArguments(actions)
        }
        if let target {
            conditions.append("target = ?")
            arguments += [target]
        }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, at, actor, address, action, target, before, after, district FROM audit \(filter)
                    ORDER BY id
                    """, arguments: arguments
            ).map { row in
                AuditEntry(
                    id: row["id"], at: row["at"], actor: row["actor"], address: row["address"],
                    action: row["action"], target: row["target"], before: row["before"], after: row["after"],
                    district: row["district"])
            }
        }
    }

    /// Appends one line inside the caller's write transaction, with its district decided as
    /// ``AccountStore/appendAudit(_:)`` says.
    static func append(_ e: AuditEntry, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO audit (at, actor, address, action, target, before, after, district)
                VALUES (?, ?, ?, ?, ?, ?, ?, \(auditDistrict))
                """,
            arguments: [e.at, e.actor, e.address, e.action, e.target, e.before, e.after, e.district, e.school, e.actor])
    }

    /// The district of an appended audit line (arguments: its district, its school, its actor).
    static let auditDistrict = """
        COALESCE(?, (SELECT district FROM school WHERE id = ?),
            (SELECT COALESCE(a.district, s.district) FROM account a LEFT JOIN teacher t ON t.id = a.teacherId
             LEFT JOIN school s ON s.id = COALESCE(a.schoolId, t.schoolId) WHERE a.name = ?))
        """
}
