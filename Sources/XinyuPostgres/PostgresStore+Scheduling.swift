import PostgresNIO
import XinyuCore

/// ``SchedulingStore`` on PostgreSQL (table `scheduledSession`).
extension PostgresStore {
    public func scheduleInputs(school: String?) throws -> ScheduleInputs {
        try reading { s in
            if let school {
                let sc = try requireSchool(school, s)
                let grades = try s.rows("SELECT \(Self.gradeColumns) FROM grade WHERE schoolId = ?", [.text(school)])
                let teachers = try s.rows("SELECT \(Self.teacherColumns) FROM teacher WHERE schoolId = ?", [.text(school)])
                return ScheduleInputs(schools: [sc], grades: try grades.map(grade), teachers: try teachers.map(teacher))
            }
            return ScheduleInputs(
                schools: try s.rows("SELECT \(Self.schoolColumns) FROM school ORDER BY id").map(self.school),
                grades: try s.rows("SELECT \(Self.gradeColumns) FROM grade").map(grade),
                teachers: try s.rows("SELECT \(Self.teacherColumns) FROM teacher").map(teacher))
        }
    }

    public func replaceSchedule(term: Term, schools: [String], with sessions: [ScheduledSession]) throws {
        try write { s in
            try Self.recordChange(s)
            for school in schools {
                try s.execute("DELETE FROM scheduledSession WHERE term = ? AND schoolId = ?",
                              [.text(term.description), .text(school)])
            }
            let perStatement = 2_000
            var start = 0
            while start < sessions.count {
                let chunk = sessions[start..<min(start + perStatement, sessions.count)]
                let values: [PostgresValue] = chunk.flatMap { x -> [PostgresValue] in
                    [.text(x.term), .text(x.schoolId), .text(x.classId), .int(x.grade), .text(x.date.description),
                     .int(x.period), .text(x.teacherId), .text(x.lessonId), .text(x.kind.rawValue), .text(x.room)]
                }
                try s.execute(numbered: """
                    INSERT INTO scheduledSession (term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room)
                    VALUES \(PostgresQuery.numberedRows(chunk.count, columns: 10))
                    """, values)
                start += chunk.count
            }
        }
    }

    public func storedSchedule(school: String, term: Term?) throws -> StoredSchedule? {
        try reading { s in
            let sc = try requireSchool(school, s)
            var chosen = term
            if chosen == nil {
                let terms = try s.rows("SELECT DISTINCT term FROM scheduledSession WHERE schoolId = ?", [.text(school)])
                    .map { try $0.string(0) }
                chosen = terms.compactMap(Term.init).max { $0.first < $1.first }
            }
            guard let t = chosen else { return nil }
            let sessions = try s.rows("""
                SELECT id, term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room
                FROM scheduledSession WHERE term = ? AND schoolId = ? ORDER BY date, period, classId, id
                """, [.text(t.description), .text(school)]).map { r in
                let id = try r.int(0) ?? 0
                guard let date = try day(r, 5, "scheduledSession", String(id)) else {
                    throw bad("scheduledSession", String(id), "no date")
                }
                return ScheduledSession(id: Int64(id), term: try r.string(1), schoolId: try r.string(2),
                                        classId: try r.string(3), grade: try r.int(4) ?? 0, date: date,
                                        period: try r.int(6) ?? 0, teacherId: try r.string(7), lessonId: try r.string(8),
                                        kind: try word(r, 9, "scheduledSession", String(id)), room: try r.text(10))
            }
            let names = try s.rows("SELECT id, name FROM teacher WHERE schoolId = ?", [.text(school)])
                .map { (try $0.string(0), try $0.string(1)) }
            let grades = try s.rows("SELECT \(Self.gradeColumns) FROM grade WHERE schoolId = ? ORDER BY level", [.text(school)])
                .map(grade)
            return StoredSchedule(school: sc, term: t, sessions: sessions, grades: grades,
                                  teacherNames: Dictionary(uniqueKeysWithValues: names))
        }
    }
}
