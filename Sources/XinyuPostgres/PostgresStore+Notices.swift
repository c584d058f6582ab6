import Foundation
import PostgresNIO
import XinyuCore

/// ``NoticeStore`` on PostgreSQL (table `notice`): the SQLite store's outbox, a claim made under the store's write
/// lock so that two processes claiming at once never both get the same notice.
extension PostgresStore {
    static let noticeColumns = """
        id, person, kind, noticeWindow, schoolId, recipient, channel, address, language, subject, body, asOf, created,
        state, attempts, lastError, nextAttempt, sent
        """

    public func enqueueNotices(_ notices: [Notice], audit: AuditEntry?) throws -> [Notice] {
        guard !notices.isEmpty else { return [] }
        return try write { s in
            var added: [Notice] = []
            for n in notices {
                let inserted = try s.rows(
                    """
                    INSERT INTO notice (person, kind, noticeWindow, schoolId, recipient, channel, address, language, subject,
                                        body, asOf, created, state, attempts, nextAttempt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)
                    ON CONFLICT (person, kind, noticeWindow) DO NOTHING RETURNING id
                    """,
                    [
                        .text(n.key.person), .text(n.key.kind), .text(n.key.window), .text(n.school), .text(n.recipient),
                        .text(n.channel.rawValue), .text(n.address), .text(n.language), .text(n.subject), .text(n.body),
                        .text(n.asOf.description), .date(n.created), .text(NoticeState.pending.rawValue), .date(n.created),
                    ])
                guard let row = inserted.first else { continue }
                var stored = n
                stored.id = try row.int64(0)
                stored.state = .pending
                stored.attempts = 0
                stored.lastError = nil
                stored.nextAttempt = n.created
                stored.sent = nil
                added.append(stored)
            }
            if !added.isEmpty, let audit { try Self.append(audit, s) }
            try Self.recordChange(s)
            return added
        }
    }

    public func storedNoticeKeys(_ keys: [NoticeKey]) throws -> Set<NoticeKey> {
        guard !keys.isEmpty else { return [] }
        return try reading { s in
            var found: Set<NoticeKey> = []
            for k in Set(keys) {
                let hit = try s.rows(
                    "SELECT 1 FROM notice WHERE person = ? AND kind = ? AND noticeWindow = ?",
                    [.text(k.person), .text(k.kind), .text(k.window)])
                if !hit.isEmpty { found.insert(k) }
            }
            return found
        }
    }

    public func claimDueNotices(now: Date, leaseUntil: Date, maxAttempts: Int, limit: Int) throws -> [Notice] {
        try write { s in
            let due = try s.rows(
                """
                SELECT \(Self.noticeColumns) FROM notice
                WHERE state IN (?, ?) AND attempts < ? AND nextAttempt IS NOT NULL AND nextAttempt <= ?
                ORDER BY id LIMIT ?
                """,
                [
                    .text(NoticeState.pending.rawValue), .text(NoticeState.failed.rawValue), .int(maxAttempts), .date(now),
                    .int(limit),
                ]
            ).map(notice)
            guard !due.isEmpty else { return [] }
            var claimed: [Notice] = []
            for var n in due {
                try s.execute(
                    "UPDATE notice SET attempts = attempts + 1, nextAttempt = ? WHERE id = ?",
                    [.date(leaseUntil), .int(n.id.map { Int($0) })])
                n.attempts += 1
                n.nextAttempt = leaseUntil
                claimed.append(n)
            }
            try Self.recordChange(s)
            return claimed
        }
    }

    public func recordDelivery(id: Int64, _ outcome: NoticeDelivery) throws {
        try write { s in
            switch outcome {
            case .sent(let at):
                try s.execute(
                    "UPDATE notice SET state = ?, sent = ?, nextAttempt = NULL, lastError = NULL WHERE id = ?",
                    [.text(NoticeState.sent.rawValue), .date(at), .int(Int(id))])
            case .failed(let error, let retryAt):
                try s.execute(
                    "UPDATE notice SET state = ?, lastError = ?, nextAttempt = ? WHERE id = ? AND state <> ?",
                    [
                        .text(NoticeState.failed.rawValue), .text(error), .date(retryAt), .int(Int(id)),
                        .text(NoticeState.sent.rawValue),
                    ])
            }
            try Self.recordChange(s)
        }
    }

    public func notices(state: NoticeState?) throws -> [Notice] {
        try reading { s in
            if let state {
                return try s.rows(
                    "SELECT \(Self.noticeColumns) FROM notice WHERE state = ? ORDER BY id", [.text(state.rawValue)]
                ).map(notice)
            }
            return try s.rows("SELECT \(Self.noticeColumns) FROM notice ORDER BY id").map(notice)
        }
    }

    /// A row of ``noticeColumns``.
    func notice(_ r: PostgresRandomAccessRow) throws -> Notice {
        let id = try r.int64(0)
        guard let asOf = try day(r, 11, "notice", String(id)), let created = try r.date(12) else {
            throw bad("notice", String(id), "no as-of date or creation time")
        }
        return Notice(
            id: id, key: NoticeKey(person: try r.string(1), kind: try r.string(2), window: try r.string(3)),
            school: try r.text(4), recipient: try r.string(5), channel: try word(r, 6, "notice", String(id)),
            address: try r.string(7), language: try r.string(8), subject: try r.string(9), body: try r.string(10),
            asOf: asOf, created: created, state: try word(r, 13, "notice", String(id)), attempts: try r.int(14) ?? 0,
            lastError: try r.text(15), nextAttempt: try r.date(16), sent: try r.date(17))
    }
}
