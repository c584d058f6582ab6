import PostgresNIO
import XinyuCore

/// The PostgreSQL store's ``AttendanceSheetTransaction``: one sheet's writes on the session of
/// ``PostgresStore/enterAttendance(course:by:capacity:at:_:)``, inside its write transaction, with the SQLite
/// store's rules (``SQLiteSheetTransaction``'s): a row costs a few probes by key and at most two inserts.
final class PostgresSheetTransaction: AttendanceSheetTransaction {
    private let s: PostgresSession
    private let store: PostgresStore
    private let courseId: String
    private let actor: String
    private let capacity: String
    private let at: String
    /// Whether any row changed stored data (the caller raises the data version once, then).
    private(set) var changed = false

    init(_ s: PostgresSession, store: PostgresStore, courseId: String, actor: String, capacity: String, at: String) {
        self.s = s
        self.store = store
        self.courseId = courseId
        self.actor = actor
        self.capacity = capacity
        self.at = at
    }

    func teacher(id: String) throws -> Teacher? {
        try s.rows("SELECT \(PostgresStore.teacherColumns) FROM teacher WHERE id = ?", [.text(id)]).first.map {
            try store.teacher($0)
        }
    }

    func teachers(named name: String, school: String, limit: Int) throws -> [Teacher] {
        try s.rows(
            """
            SELECT \(PostgresStore.teacherColumns) FROM teacher
            WHERE schoolId = ? AND replace(replace(name, ' ', ''), chr(12288), '') = ? ORDER BY id LIMIT ?
            """, [.text(school), .text(name.filter { !$0.isWhitespace }), .int(limit)]
        ).map { try store.teacher($0) }
    }

    func enter(_ record: Attendance, note: String?) throws -> EntryOutcome {
        let key: [PostgresValue] = [.text(record.teacherId), .text(courseId)]
        if try !s.rows("SELECT 1 FROM attendance WHERE teacherId = ? AND courseId = ?", key).isEmpty {
            return .districtRecord
        }
        let values: [PostgresValue] = [
            .int(record.hoursTenths), .text(record.status.rawValue), .text(record.result.rawValue),
            .text(record.date.description), .text(note),
        ]
        guard
            let row = try s.rows(
                """
                SELECT id, hoursTenths, status, result, date, note, state FROM attendanceEntry
                WHERE teacherId = ? AND courseId = ?
                """, key
            ).first
        else {
            let id = try s.int(
                """
                INSERT INTO attendanceEntry (teacherId, courseId, hoursTenths, status, result, date, note, source, state,
                                             enteredBy, enteredAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                """,
                key + values + [
                    .text(RecordSource.sheet.rawValue), .text(RecordState.submitted.rawValue), .text(actor), .text(at),
                ])
            try PostgresStore.appendTransition(
                s, entry: Int64(id), from: nil, to: .submitted, actor: actor, capacity: capacity, at: at, reason: nil)
            changed = true
            return .added
        }
        let id = try row.int64(0)
        let same =
            try row.int(1) == record.hoursTenths && row.string(2) == record.status.rawValue
            && row.string(3) == record.result.rawValue && row.string(4) == record.date.description
            && row.text(5) == note
        if same { return .unchanged }
        let state = RecordState(rawValue: try row.string(6)) ?? .certified
        switch state {
        case .approved, .certified:
            return .locked(state)
        case .submitted, .returned:
            try s.execute(
                """
                UPDATE attendanceEntry SET hoursTenths = ?, status = ?, result = ?, date = ?, note = ?, state = ?,
                       enteredBy = ?, enteredAt = ? WHERE id = ?
                """, values + [.text(RecordState.submitted.rawValue), .text(actor), .text(at), .int(Int(id))])
            changed = true
            if state == .returned {
                try PostgresStore.appendTransition(
                    s, entry: id, from: .returned, to: .submitted, actor: actor, capacity: capacity, at: at, reason: nil)
                return .resubmitted
            }
            return .updated
        }
    }
}
