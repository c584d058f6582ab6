import Foundation
import PostgresNIO
import XinyuCore

/// The schools' own timetables and class teachers' homerooms on PostgreSQL (tables `timetable`, `timetableSlot`,
/// `homeroom`), as ``SchedulingStore`` states.
extension PostgresStore {
    /// The columns ``homeroom(_:)`` reads, in its order.
    static let homeroomColumns = "teacherId, grade, classNumber"
    /// The columns ``slot(_:)`` reads, in its order.
    static let slotColumns = "id, schoolId, weekday, period, teacherId, classId, subject, psychology, \"row\""

    public func replaceTimetable(school: String, source: TimetableSource, slots: [TimetableSlot]) throws {
        try write { s in
            _ = try requireSchool(school, s)
            try Self.recordChange(s)
            try s.execute("DELETE FROM timetableSlot WHERE schoolId = ?", [.text(school)])
            try s.execute("DELETE FROM timetable WHERE schoolId = ?", [.text(school)])
            try s.execute(
                "INSERT INTO timetable (schoolId, file, format, importedAt, \"rows\") VALUES (?, ?, ?, ?, ?)",
                [
                    .text(school), .text(source.file), .text(source.format), .date(source.importedAt),
                    .int(source.rows),
                ])
            let rows = slots.map { x -> [PostgresValue] in
                [
                    .text(school), .int(x.weekday), .int(x.period), .text(x.teacherId), .text(x.classId), .text(x.subject),
                    .bool(x.psychology), .int(x.row),
                ]
            }
            try Self.insertRows(
                s,
                """
                INSERT INTO timetableSlot (schoolId, weekday, period, teacherId, classId, subject, psychology, "row")
                """, columns: 8, rows)
        }
    }

    public func timetable(school: String) throws -> StoredTimetable? {
        try reading { s in
            _ = try requireSchool(school, s)
            guard
                let r = try s.rows(
                    "SELECT schoolId, file, format, importedAt, \"rows\" FROM timetable WHERE schoolId = ?",
                    [.text(school)]
                ).first
            else { return nil }
            guard let importedAt = try r.date(3) else { throw bad("timetable", school, "no importedAt") }
            let source = TimetableSource(
                schoolId: try r.string(0), file: try r.string(1), format: try r.string(2),
                importedAt: importedAt, rows: try r.int(4) ?? 0)
            let slots = try s.rows(
                """
                SELECT \(Self.slotColumns) FROM timetableSlot WHERE schoolId = ? ORDER BY weekday, period, "row", id
                """, [.text(school)]
            ).map(slot)
            let names = try s.rows("SELECT id, name FROM teacher WHERE schoolId = ?", [.text(school)])
                .map { (try $0.string(0), try $0.string(1)) }
            return StoredTimetable(source: source, slots: slots, teacherNames: Dictionary(uniqueKeysWithValues: names))
        }
    }

    /// A class teacher's homeroom (the columns of ``homeroomColumns``).
    func homeroom(_ r: PostgresRandomAccessRow) throws -> Homeroom {
        Homeroom(teacherId: try r.string(0), grade: try r.int(1) ?? 0, classNumber: try r.int(2) ?? 0)
    }

    /// A timetable slot (the columns of ``slotColumns``).
    func slot(_ r: PostgresRandomAccessRow) throws -> TimetableSlot {
        TimetableSlot(
            id: (try r.int(0)).map(Int64.init), schoolId: try r.string(1), weekday: try r.int(2) ?? 0,
            period: try r.int(3) ?? 0, teacherId: try r.text(4), classId: try r.text(5),
            subject: try r.string(6), psychology: try r.bool(7), row: try r.int(8) ?? 0)
    }
}
