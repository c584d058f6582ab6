import Foundation
import PostgresNIO
import XinyuCore

/// ``SchedulingStore`` on PostgreSQL (tables `scheduledSession`, `scheduleBuild`, `schedulePlan`, `homeroom`,
/// `timetable`, `timetableSlot`).
extension PostgresStore {
    public func scheduleInputs(school: String?) throws -> ScheduleInputs {
        try reading { s in
            if let school {
                let sc = try requireSchool(school, s)
                let one: [PostgresValue] = [.text(school)]
                let grades = try s.rows("SELECT \(Self.gradeColumns) FROM grade WHERE schoolId = ?", one)
                let teachers = try s.rows("SELECT \(Self.teacherColumns) FROM teacher WHERE schoolId = ?", one)
                let homerooms = try s.rows(
                    """
                    SELECT \(Self.homeroomColumns) FROM homeroom
                    WHERE teacherId IN (SELECT id FROM teacher WHERE schoolId = ?)
                    """, one)
                let slots = try s.rows("SELECT \(Self.slotColumns) FROM timetableSlot WHERE schoolId = ?", one)
                return ScheduleInputs(
                    schools: [sc], grades: try grades.map(grade), teachers: try teachers.map(teacher),
                    homerooms: try homerooms.map(homeroom), timetable: try slots.map(slot))
            }
            return ScheduleInputs(
                schools: try s.rows("SELECT \(Self.schoolColumns) FROM school ORDER BY id").map(self.school),
                grades: try s.rows("SELECT \(Self.gradeColumns) FROM grade").map(grade),
                teachers: try s.rows("SELECT \(Self.teacherColumns) FROM teacher").map(teacher),
                homerooms: try s.rows("SELECT \(Self.homeroomColumns) FROM homeroom").map(homeroom),
                timetable: try s.rows("SELECT \(Self.slotColumns) FROM timetableSlot").map(slot))
        }
    }

    public func replaceSchedule(
        term: Term, schools: [String], sessions: [ScheduledSession], plans: [SchedulePlan],
        builtAt: Date
    ) throws {
        try write { s in
            try Self.recordChange(s)
            let t = term.description
            for school in schools {
                try s.execute("DELETE FROM scheduledSession WHERE term = ? AND schoolId = ?", [.text(t), .text(school)])
                try s.execute("DELETE FROM scheduleBuild WHERE term = ? AND schoolId = ?", [.text(t), .text(school)])
                try s.execute(
                    "INSERT INTO scheduleBuild (term, schoolId, builtAt) VALUES (?, ?, ?)",
                    [.text(t), .text(school), .date(builtAt)])
            }
            let sessionRows = sessions.map { x -> [PostgresValue] in
                [
                    .text(x.term), .text(x.schoolId), .text(x.classId), .int(x.grade), .text(x.date.description),
                    .int(x.period), .text(x.teacherId), .text(x.lessonId), .text(x.kind.rawValue), .text(x.room),
                ]
            }
            try Self.insertRows(
                s,
                """
                INSERT INTO scheduledSession (term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room)
                """, columns: 10, sessionRows)
            let planRows = plans.map { p -> [PostgresValue] in
                [
                    .text(p.term), .text(p.schoolId), .text(p.classId), .int(p.grade), .text(p.kind.rawValue),
                    .text(p.outcome.rawValue), .int(p.everyWeeks), .int(p.rulesEveryWeeks), .int(p.periods),
                    .text(p.teacherId), .text(p.cause), .text(p.reason),
                ]
            }
            try Self.insertRows(
                s,
                """
                INSERT INTO schedulePlan (term, schoolId, classId, grade, kind, outcome, everyWeeks, rulesEveryWeeks,
                    periods, teacherId, cause, reason)
                """, columns: 12, planRows)
        }
    }

    public func storedSchedule(school: String, term: Term?) throws -> StoredSchedule? {
        try reading { s in
            let sc = try requireSchool(school, s)
            let terms = try s.rows(
                """
                SELECT term FROM scheduleBuild WHERE schoolId = ?
                UNION SELECT DISTINCT term FROM scheduledSession WHERE schoolId = ?
                """, [.text(school), .text(school)]
            ).map { try $0.string(0) }.compactMap(Term.init)
            let chosen = term.map { t in terms.contains(t) ? t : nil } ?? terms.max { $0.first < $1.first }
            guard let t = chosen else { return nil }
            let key: [PostgresValue] = [.text(t.description), .text(school)]
            let sessions = try s.rows(
                """
                SELECT id, term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room
                FROM scheduledSession WHERE term = ? AND schoolId = ? ORDER BY date, period, classId, id
                """, key
            ).map { r in
                let id = try r.int(0) ?? 0
                guard let date = try day(r, 5, "scheduledSession", String(id)) else {
                    throw bad("scheduledSession", String(id), "no date")
                }
                return ScheduledSession(
                    id: Int64(id), term: try r.string(1), schoolId: try r.string(2),
                    classId: try r.string(3), grade: try r.int(4) ?? 0, date: date,
                    period: try r.int(6) ?? 0, teacherId: try r.string(7), lessonId: try r.string(8),
                    kind: try word(r, 9, "scheduledSession", String(id)), room: try r.text(10))
            }
            let names = try s.rows("SELECT id, name FROM teacher WHERE schoolId = ?", [.text(school)])
                .map { (try $0.string(0), try $0.string(1)) }
            let grades = try s.rows("SELECT \(Self.gradeColumns) FROM grade WHERE schoolId = ? ORDER BY level", [.text(school)])
                .map(grade)
            let plans = try s.rows(
                """
                SELECT term, schoolId, classId, grade, kind, outcome, everyWeeks, rulesEveryWeeks, periods, teacherId,
                    cause, reason
                FROM schedulePlan WHERE term = ? AND schoolId = ? ORDER BY classId
                """, key
            ).map(plan)
            let builtAt = try s.rows("SELECT builtAt FROM scheduleBuild WHERE term = ? AND schoolId = ?", key)
                .first?.date(0)
            return StoredSchedule(
                school: sc, term: t, sessions: sessions, grades: grades,
                teacherNames: Dictionary(uniqueKeysWithValues: names), plans: plans, builtAt: builtAt)
        }
    }

    /// Inserts `rows` (each of `columns` values) after `insert` (an `INSERT INTO table (…)` without `VALUES`), a
    /// few thousand rows a statement.
    static func insertRows(_ s: PostgresSession, _ insert: String, columns: Int, _ rows: [[PostgresValue]]) throws {
        let perStatement = 2_000
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            try s.execute(
                numbered: insert + "\nVALUES " + PostgresQuery.numberedRows(chunk.count, columns: columns),
                chunk.flatMap { $0 })
            start += chunk.count
        }
    }

    /// A stored build's plan of one class (the columns of ``storedSchedule(school:term:)``'s query).
    func plan(_ r: PostgresRandomAccessRow) throws -> SchedulePlan {
        let classId = try r.string(2)
        return SchedulePlan(
            term: try r.string(0), schoolId: try r.string(1), classId: classId, grade: try r.int(3) ?? 0,
            kind: try word(r, 4, "schedulePlan", classId), outcome: try word(r, 5, "schedulePlan", classId),
            everyWeeks: try r.int(6), rulesEveryWeeks: try r.int(7), periods: try r.int(8) ?? 0,
            teacherId: try r.text(9), cause: try r.text(10), reason: try r.string(11))
    }
}
