import Foundation
import GRDB

/// The SQLite store's outbox of reminders (``NoticeStore``, table `notice`).
extension AppDatabase: NoticeStore {
    static let noticeColumns = """
        id, person, kind, noticeWindow, schoolId, recipient, channel, address, language, subject, body, asOf, created,
        state, attempts, lastError, nextAttempt, sent
        """

    public func enqueueNotices(_ notices: [Notice], audit: AuditEntry?) throws -> [Notice] {
        guard !notices.isEmpty else { return [] }
        return try write("queue \(notices.count) notice(s)") { db in
            var added: [Notice] = []
            let insert = try db.makeStatement(
                sql: """
                    INSERT INTO notice (person, kind, noticeWindow, schoolId, recipient, channel, address, language, subject,
                                        body, asOf, created, state, attempts, nextAttempt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                    ON CONFLICT (person, kind, noticeWindow) DO NOTHING
                    """)
            for n in notices {
                try insert.execute(arguments: [
                    n.key.person, n.key.kind, n.key.window, n.school, n.recipient,
                    n.channel.rawValue, n.address, n.language, n.subject, n.body,
                    n.asOf.description, n.created, NoticeState.pending.rawValue, n.created,
                ])
                guard db.changesCount == 1 else { continue }
                var stored = n
                stored.id = db.lastInsertedRowID
                stored.state = .pending
                stored.attempts = 0
                stored.lastError = nil
                stored.nextAttempt = n.created
                stored.sent = nil
                added.append(stored)
            }
            if !added.isEmpty, let audit { try Self.append(audit, db) }
            try AppDatabase.recordChange(db)
            return added
        }
    }

    public func storedNoticeKeys(_ keys: [NoticeKey]) throws -> Set<NoticeKey> {
        guard !keys.isEmpty else { return [] }
        return try reading { db in
            var found: Set<NoticeKey> = []
            let probe = try db.makeStatement(sql: "SELECT 1 FROM notice WHERE person = ? AND kind = ? AND noticeWindow = ?")
            for k in Set(keys) {
                if try Bool.fetchOne(probe, arguments: [k.person, k.kind, k.window]) == true { found.insert(k) }
            }
            return found
        }
    }

    public func claimDueNotices(now: Date, leaseUntil: Date, maxAttempts: Int, limit: Int) throws -> [Notice] {
        try write("claim due notices") { db in
            let due = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.noticeColumns) FROM notice
                    WHERE state IN (?, ?) AND attempts < ? AND nextAttempt IS NOT NULL AND nextAttempt <= ?
                    ORDER BY id LIMIT ?
                    """, arguments: [NoticeState.pending.rawValue, NoticeState.failed.rawValue, maxAttempts, now, limit]
            )
            .map(Self.notice)
            guard !due.isEmpty else { return [] }
            let claim = try db.makeStatement(sql: "UPDATE notice SET attempts = attempts + 1, nextAttempt = ? WHERE id = ?")
            var claimed: [Notice] = []
            for var n in due {
                try claim.execute(arguments: [leaseUntil, n.id])
                n.attempts += 1
                n.nextAttempt = leaseUntil
                claimed.append(n)
            }
            try AppDatabase.recordChange(db)
            return claimed
        }
    }

    public func recordDelivery(id: Int64, _ outcome: NoticeDelivery) throws {
        try write("record a notice's delivery") { db in
            switch outcome {
            case .sent(let at):
                try db.execute(
                    sql: "UPDATE notice SET state = ?, sent = ?, nextAttempt = NULL, lastError = NULL WHERE id = ?",
                    arguments: [NoticeState.sent.rawValue, at, id])
            case .failed(let error, let retryAt):
                try db.execute(
                    sql: "UPDATE notice SET state = ?, lastError = ?, nextAttempt = ? WHERE id = ? AND state <> ?",
                    arguments: [NoticeState.failed.rawValue, error, retryAt, id, NoticeState.sent.rawValue])
            }
            try AppDatabase.recordChange(db)
        }
    }

    public func notices(state: NoticeState?) throws -> [Notice] {
        try reading { db in
            if let state {
                return try Row.fetchAll(
                    db, sql: "SELECT \(Self.noticeColumns) FROM notice WHERE state = ? ORDER BY id",
                    arguments: [state.rawValue]
                ).map(Self.notice)
            }
            return try Row.fetchAll(db, sql: "SELECT \(Self.noticeColumns) FROM notice ORDER BY id").map(Self.notice)
        }
    }

    static func notice(_ row: Row) throws -> Notice {
        let id: Int64 = row["id"]
        func word<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
            let text: String = row[column]
            guard let v = T(rawValue: text) else {
                throw StoreError.sqlite(path: "notice", message: "notice \(id) has an unknown \(column) \(text)")
            }
            return v
        }
        let asOfText: String = row["asOf"]
        guard let asOf = Day(asOfText) else {
            throw StoreError.sqlite(path: "notice", message: "notice \(id) has a bad asOf \(asOfText)")
        }
        return Notice(
            id: id, key: NoticeKey(person: row["person"], kind: row["kind"], window: row["noticeWindow"]),
            school: row["schoolId"], recipient: row["recipient"], channel: try word("channel"),
            address: row["address"], language: row["language"], subject: row["subject"], body: row["body"],
            asOf: asOf, created: row["created"], state: try word("state"), attempts: row["attempts"],
            lastError: row["lastError"], nextAttempt: row["nextAttempt"], sent: row["sent"])
    }
}
