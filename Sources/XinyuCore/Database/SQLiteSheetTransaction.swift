import Foundation
import GRDB

/// The SQLite store's ``AttendanceSheetTransaction``: one sheet's writes on the connection of
/// ``AppDatabase/enterAttendance(course:by:capacity:at:_:)``, with cached statements (a row costs a few probes by
/// key and at most two inserts).
final class SQLiteSheetTransaction: AttendanceSheetTransaction {
    private let db: Database
    private let courseId: String
    private let actor: String
    private let capacity: String
    private let at: String
    /// Whether any row changed stored data (the caller raises the data version once, then).
    private(set) var changed = false

    init(_ db: Database, courseId: String, actor: String, capacity: String, at: String) {
        self.db = db
        self.courseId = courseId
        self.actor = actor
        self.capacity = capacity
        self.at = at
    }

    func teacher(id: String) throws -> Teacher? {
        let s = try db.cachedStatement(sql: "SELECT \(Self.columns) FROM teacher WHERE id = ?")
        return try Row.fetchOne(s, arguments: [id]).map(Self.teacher)
    }

    func teachers(named name: String, school: String, limit: Int) throws -> [Teacher] {
        let s = try db.cachedStatement(
            sql: """
                SELECT \(Self.columns) FROM teacher
                WHERE schoolId = ? AND REPLACE(REPLACE(name, ' ', ''), char(12288), '') = ? ORDER BY id LIMIT ?
                """)
        return try Row.fetchAll(s, arguments: [school, name.filter { !$0.isWhitespace }, limit]).map(Self.teacher)
    }

    /// A sheet asks for a teacher per row: the row is decoded by position, not through Codable.
    private static let columns = "id, schoolId, name, role, hired, status"

    private static func teacher(_ r: Row) -> Teacher {
        Teacher(
            id: r[0], schoolId: r[1], name: r[2], role: Role(rawValue: r[3]) ?? .subjectTeacher,
            hired: (r[4] as String?).flatMap { Day($0) }, status: TeacherStatus(rawValue: r[5]) ?? .active)
    }

    func enter(_ record: Attendance, note: String?) throws -> EntryOutcome {
        let key: StatementArguments = [record.teacherId, courseId]
        let district = try db.cachedStatement(sql: "SELECT 1 FROM attendance WHERE teacherId = ? AND courseId = ?")
        if try Int.fetchOne(district, arguments: key) != nil { return .districtRecord }
        let lookup = try db.cachedStatement(
            sql: """
                SELECT id, hoursTenths, status, result, date, note, state FROM attendanceEntry
                WHERE teacherId = ? AND courseId = ?
                """)
        let values: StatementArguments = [record.hoursTenths, record.status, record.result, record.date, note]
        guard let row = try Row.fetchOne(lookup, arguments: key) else {
            try db.cachedStatement(
                sql: """
                    INSERT INTO attendanceEntry (teacherId, courseId, hoursTenths, status, result, date, note, source, state,
                                                 enteredBy, enteredAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: key + values + [RecordSource.sheet, RecordState.submitted, actor, at])
            try AppDatabase.appendTransition(
                db, entry: db.lastInsertedRowID, from: nil, to: .submitted, actor: actor,
                capacity: capacity, at: at, reason: nil)
            changed = true
            return .added
        }
        let id: Int64 = row[0]
        let same =
            (row[1] as Int) == record.hoursTenths && (row[2] as String) == record.status.rawValue
            && (row[3] as String) == record.result.rawValue && (row[4] as String) == record.date.description
            && (row[5] as String?) == note
        if same { return .unchanged }
        let state = RecordState(rawValue: row[6]) ?? .certified
        switch state {
        case .approved, .certified:
            return .locked(state)
        case .submitted, .returned:
            try db.cachedStatement(
                sql: """
                    UPDATE attendanceEntry SET hoursTenths = ?, status = ?, result = ?, date = ?, note = ?, state = ?,
                           enteredBy = ?, enteredAt = ? WHERE id = ?
                    """
            ).execute(arguments: values + [RecordState.submitted, actor, at, id])
            changed = true
            if state == .returned {
                try AppDatabase.appendTransition(
                    db, entry: id, from: .returned, to: .submitted, actor: actor,
                    capacity: capacity, at: at, reason: nil)
                return .resubmitted
            }
            return .updated
        }
    }
}
