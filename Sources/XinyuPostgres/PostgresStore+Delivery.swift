import Foundation
import PostgresNIO
import XinyuCore

/// ``DeliveryStore`` on PostgreSQL (tables `deliveryRecord`, `groupRun`; migration `v8-delivery-records`).
extension PostgresStore {
    public func scheduledSession(at key: SessionKey) throws -> ScheduledSession? {
        try reading { s in try session(s, key) }
    }

    public func recordDelivery(_ record: DeliveryRecord) throws -> DeliveryRecord {
        guard record.given == (record.reason == nil) else { throw DeliveryStoreError.reasonMismatch(record.session) }
        return try write { s in
            guard let x = try session(s, record.session) else { throw DeliveryStoreError.unknownSession(record.session) }
            var r = record
            r.term = x.term
            r.teacherId = x.teacherId
            r.kind = x.kind
            r.lessonId = x.lessonId
            let previous = try s.rows(
                "SELECT MAX(id) FROM deliveryRecord WHERE schoolId = ? AND classId = ? AND date = ? AND period = ?",
                Self.keyValues(record.session)
            ).first
            r.supersedes = try previous?.int(0).map(Int64.init)
            try Self.recordChange(s)
            let inserted = try s.rows(
                """
                INSERT INTO deliveryRecord (schoolId, classId, date, period, term, teacherId, kind, lessonId, given,
                    reason, reflection, supersedes, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                Self.keyValues(r.session) + [
                    .text(r.term), .text(r.teacherId), .text(r.kind.rawValue), .text(r.lessonId), .bool(r.given),
                    .text(r.reason?.rawValue), .text(r.reflection), .int(r.supersedes.map(Int.init)), .text(r.recordedBy),
                    .date(r.recordedAt),
                ])
            r.id = try inserted.first?.int(0).map(Int64.init)
            return r
        }
    }

    public func deliveryRecords(school: String, term: Term?, teacher: String?) throws -> [DeliveryRecord] {
        try reading { s in
            _ = try requireSchool(school, s)
            var sql =
                "SELECT id, schoolId, classId, date, period, term, teacherId, kind, lessonId, given, reason, reflection, "
                + "supersedes, recordedBy, recordedAt FROM deliveryRecord WHERE schoolId = ?"
            var values: [PostgresValue] = [.text(school)]
            if let term {
                sql += " AND term = ?"
                values.append(.text(term.description))
            }
            if let teacher {
                sql += " AND teacherId = ?"
                values.append(.text(teacher))
            }
            return try s.rows(sql + " ORDER BY id", values).map { r in
                let id = String(try r.int(0) ?? 0)
                guard let date = try day(r, 3, "deliveryRecord", id) else { throw bad("deliveryRecord", id, "no date") }
                var reason: DeliveryReason?
                if try r.text(10) != nil { reason = try word(r, 10, "deliveryRecord", id) as DeliveryReason }
                var out = DeliveryRecord(
                    session: SessionKey(
                        schoolId: try r.string(1), classId: try r.string(2), date: date, period: try r.int(4) ?? 0),
                    given: try r.bool(9), reason: reason, reflection: try r.text(11), recordedBy: try r.string(13),
                    recordedAt: try r.date(14) ?? Date(timeIntervalSince1970: 0))
                out.id = try r.int(0).map(Int64.init)
                out.term = try r.string(5)
                out.teacherId = try r.string(6)
                out.kind = try word(r, 7, "deliveryRecord", id)
                out.lessonId = try r.string(8)
                out.supersedes = try r.int(12).map(Int64.init)
                return out
            }
        }
    }

    public func deliveryTallies(school: String, term: Term, asOf: Day) throws -> [DeliveryTally] {
        try reading { s in
            _ = try requireSchool(school, s)
            return try s.rows(
                """
                SELECT s.classId, s.teacherId, COUNT(*),
                    COALESCE(SUM(CASE WHEN r.given THEN 1 ELSE 0 END), 0)::bigint,
                    COALESCE(SUM(CASE WHEN NOT r.given THEN 1 ELSE 0 END), 0)::bigint
                FROM scheduledSession s
                LEFT JOIN deliveryRecord r ON r.id = (
                    SELECT MAX(x.id) FROM deliveryRecord x
                    WHERE x.schoolId = s.schoolId AND x.classId = s.classId AND x.date = s.date AND x.period = s.period)
                WHERE s.term = ? AND s.schoolId = ? AND s.kind = ? AND s.date <= ?
                GROUP BY s.classId, s.teacherId ORDER BY s.classId, s.teacherId
                """,
                [.text(term.description), .text(school), .text(SessionKind.lesson.rawValue), .text(asOf.description)]
            ).map { r in
                DeliveryTally(
                    classId: try r.string(0), teacherId: try r.string(1), due: try r.int(2) ?? 0,
                    given: try r.int(3) ?? 0, notGiven: try r.int(4) ?? 0)
            }
        }
    }

    public func recordGroupRun(_ run: GroupRun) throws -> GroupRun {
        try write { s in
            _ = try requireSchool(run.schoolId, s)
            guard let t = try s.rows("SELECT schoolId FROM teacher WHERE id = ?", [.text(run.facilitatorId)]).first else {
                throw StoreError.unknownTeacher(id: run.facilitatorId)
            }
            guard try t.string(0) == run.schoolId else {
                throw DeliveryStoreError.facilitatorNotInSchool(teacher: run.facilitatorId, school: run.schoolId)
            }
            try Self.recordChange(s)
            let inserted = try s.rows(
                """
                INSERT INTO groupRun (schoolId, date, facilitatorId, activityId, participants, notes, recordedBy, recordedAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                [
                    .text(run.schoolId), .text(run.date.description), .text(run.facilitatorId), .text(run.activityId),
                    .int(run.participants), .text(run.notes), .text(run.recordedBy), .date(run.recordedAt),
                ])
            var stored = run
            stored.id = try inserted.first?.int(0).map(Int64.init)
            return stored
        }
    }

    public func groupRuns(school: String?, from: Day?, to: Day?) throws -> [GroupRun] {
        try reading { s in
            var sql =
                "SELECT id, schoolId, date, facilitatorId, activityId, participants, notes, recordedBy, recordedAt "
                + "FROM groupRun WHERE TRUE"
            var values: [PostgresValue] = []
            if let school {
                _ = try requireSchool(school, s)
                sql += " AND schoolId = ?"
                values.append(.text(school))
            }
            if let from {
                sql += " AND date >= ?"
                values.append(.text(from.description))
            }
            if let to {
                sql += " AND date <= ?"
                values.append(.text(to.description))
            }
            return try s.rows(sql + " ORDER BY date, id", values).map { r in
                let id = String(try r.int(0) ?? 0)
                guard let date = try day(r, 2, "groupRun", id) else { throw bad("groupRun", id, "no date") }
                return GroupRun(
                    id: try r.int(0).map(Int64.init), schoolId: try r.string(1), date: date, facilitatorId: try r.string(3),
                    activityId: try r.string(4), participants: try r.int(5) ?? 0, notes: try r.text(6),
                    recordedBy: try r.string(7), recordedAt: try r.date(8) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    private static func keyValues(_ key: SessionKey) -> [PostgresValue] {
        [.text(key.schoolId), .text(key.classId), .text(key.date.description), .int(key.period)]
    }

    private func session(_ s: PostgresSession, _ key: SessionKey) throws -> ScheduledSession? {
        guard
            let r = try s.rows(
                """
                SELECT id, term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room
                FROM scheduledSession WHERE schoolId = ? AND classId = ? AND date = ? AND period = ?
                ORDER BY id DESC LIMIT 1
                """, Self.keyValues(key)
            ).first
        else { return nil }
        let id = try r.int(0) ?? 0
        guard let date = try day(r, 5, "scheduledSession", String(id)) else {
            throw bad("scheduledSession", String(id), "no date")
        }
        return ScheduledSession(
            id: Int64(id), term: try r.string(1), schoolId: try r.string(2), classId: try r.string(3),
            grade: try r.int(4) ?? 0, date: date, period: try r.int(6) ?? 0, teacherId: try r.string(7),
            lessonId: try r.string(8), kind: try word(r, 9, "scheduledSession", String(id)), room: try r.text(10))
    }
}
