import Foundation
import GRDB

/// ``DeliveryStore`` on SQLite (tables `deliveryRecord`, `groupRun`; migration `v12-delivery-records`).
extension AppDatabase {
    public func scheduledSession(at key: SessionKey) throws -> ScheduledSession? {
        try reading { d in try Self.session(d, key) }
    }

    public func recordDelivery(_ record: DeliveryRecord) throws -> DeliveryRecord {
        guard record.given == (record.reason == nil) else { throw DeliveryStoreError.reasonMismatch(record.session) }
        return try write("delivery record \(record.session)") { d in
            guard let s = try Self.session(d, record.session) else { throw DeliveryStoreError.unknownSession(record.session) }
            var r = record
            r.term = s.term
            r.teacherId = s.teacherId
            r.kind = s.kind
            r.lessonId = s.lessonId
            r.supersedes = try Int64.fetchOne(
                d,
                sql: "SELECT MAX(id) FROM deliveryRecord WHERE schoolId = ? AND classId = ? AND date = ? AND period = ?",
                arguments: Self.keyArguments(record.session))
            try AppDatabase.recordChange(d)
            try d.execute(
                sql: """
                    INSERT INTO deliveryRecord (schoolId, classId, date, period, term, teacherId, kind, lessonId, given,
                        reason, reflection, supersedes, recordedBy, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: Self.keyArguments(r.session)
                    + [
                        r.term, r.teacherId, r.kind.rawValue, r.lessonId, r.given, r.reason?.rawValue, r.reflection,
                        r.supersedes, r.recordedBy, r.recordedAt,
                    ])
            r.id = d.lastInsertedRowID
            return r
        }
    }

    public func deliveryRecords(school: String, term: Term?, teacher: String?) throws -> [DeliveryRecord] {
        try reading { d in
            _ = try School.require(d, id: school)
            var sql = "SELECT \(Self.deliveryColumns) FROM deliveryRecord WHERE schoolId = ?"
            var arguments: StatementArguments = [school]
            if let term {
                sql += " AND term = ?"
                arguments += [term.description]
            }
            if let teacher {
                sql += " AND teacherId = ?"
                arguments += [teacher]
            }
            return try Row.fetchAll(d, sql: sql + " ORDER BY id", arguments: arguments).map(Self.deliveryRecord)
        }
    }

    public func deliveryTallies(school: String, term: Term, asOf: Day) throws -> [DeliveryTally] {
        try reading { d in
            _ = try School.require(d, id: school)
            let rows = try Row.fetchAll(
                d,
                sql: """
                    SELECT s.classId, s.teacherId, COUNT(*),
                        COALESCE(SUM(CASE WHEN r.given = 1 THEN 1 ELSE 0 END), 0),
                        COALESCE(SUM(CASE WHEN r.given = 0 THEN 1 ELSE 0 END), 0)
                    FROM scheduledSession s
                    LEFT JOIN deliveryRecord r ON r.id = (
                        SELECT MAX(x.id) FROM deliveryRecord x
                        WHERE x.schoolId = s.schoolId AND x.classId = s.classId AND x.date = s.date AND x.period = s.period)
                    WHERE s.term = ? AND s.schoolId = ? AND s.kind = ? AND s.date <= ?
                    GROUP BY s.classId, s.teacherId ORDER BY s.classId, s.teacherId
                    """,
                arguments: [term.description, school, SessionKind.lesson.rawValue, asOf.description])
            return rows.map { r in DeliveryTally(classId: r[0], teacherId: r[1], due: r[2], given: r[3], notGiven: r[4]) }
        }
    }

    public func recordGroupRun(_ run: GroupRun) throws -> GroupRun {
        try write("group run \(run.activityId)") { d in
            _ = try School.require(d, id: run.schoolId)
            guard let t = try Teacher.fetchOne(d, key: run.facilitatorId) else {
                throw StoreError.unknownTeacher(id: run.facilitatorId)
            }
            guard t.schoolId == run.schoolId else {
                throw DeliveryStoreError.facilitatorNotInSchool(teacher: run.facilitatorId, school: run.schoolId)
            }
            try AppDatabase.recordChange(d)
            try d.execute(
                sql: """
                    INSERT INTO groupRun (schoolId, date, facilitatorId, activityId, participants, notes, recordedBy, recordedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    run.schoolId, run.date.description, run.facilitatorId, run.activityId, run.participants, run.notes,
                    run.recordedBy, run.recordedAt,
                ])
            var stored = run
            stored.id = d.lastInsertedRowID
            return stored
        }
    }

    public func groupRuns(school: String?, from: Day?, to: Day?) throws -> [GroupRun] {
        try reading { d in
            var sql =
                "SELECT id, schoolId, date, facilitatorId, activityId, participants, notes, recordedBy, recordedAt "
                + "FROM groupRun WHERE 1 = 1"
            var arguments: StatementArguments = []
            if let school {
                _ = try School.require(d, id: school)
                sql += " AND schoolId = ?"
                arguments += [school]
            }
            if let from {
                sql += " AND date >= ?"
                arguments += [from.description]
            }
            if let to {
                sql += " AND date <= ?"
                arguments += [to.description]
            }
            return try Row.fetchAll(d, sql: sql + " ORDER BY date, id", arguments: arguments).map { r in
                let date: String = r[2]
                guard let day = Day(date) else { throw Self.badRow("groupRun \(r[0] as Int64): date is not a day") }
                return GroupRun(
                    id: r[0], schoolId: r[1], date: day, facilitatorId: r[3], activityId: r[4], participants: r[5],
                    notes: r[6], recordedBy: r[7], recordedAt: r[8])
            }
        }
    }

    private static let deliveryColumns =
        "id, schoolId, classId, date, period, term, teacherId, kind, lessonId, given, reason, reflection, supersedes, "
        + "recordedBy, recordedAt"

    private static func badRow(_ what: String) -> DatabaseError {
        DatabaseError(resultCode: .SQLITE_MISMATCH, message: what + "; the database was changed outside xinyu")
    }

    private static func keyArguments(_ key: SessionKey) -> StatementArguments {
        [key.schoolId, key.classId, key.date.description, key.period]
    }

    private static func session(_ d: Database, _ key: SessionKey) throws -> ScheduledSession? {
        try ScheduledSession.filter(
            Column("schoolId") == key.schoolId && Column("classId") == key.classId
                && Column("date") == key.date.description && Column("period") == key.period
        ).order(Column("id").desc).fetchOne(d)
    }

    private static func deliveryRecord(_ r: Row) throws -> DeliveryRecord {
        let id: Int64 = r[0]
        let date: String = r[3]
        let kind: String = r[7]
        let reason: String? = r[10]
        guard let day = Day(date), let k = SessionKind(rawValue: kind) else {
            throw Self.badRow("deliveryRecord \(id): date or kind is not a valid value")
        }
        var out = DeliveryRecord(
            session: SessionKey(schoolId: r[1], classId: r[2], date: day, period: r[4]), given: r[9],
            reason: try reason.map { v in
                guard let x = DeliveryReason(rawValue: v) else {
                    throw Self.badRow("deliveryRecord \(id): reason '\(v)' is not a valid value")
                }
                return x
            }, reflection: r[11], recordedBy: r[13], recordedAt: r[14])
        out.id = id
        out.term = r[5]
        out.teacherId = r[6]
        out.kind = k
        out.lessonId = r[8]
        out.supersedes = r[12]
        return out
    }
}
