import GRDB

extension AppDatabase {
    /// The scheduler's inputs: every school sorted by id (or just `school`, which must exist), with their grades
    /// and teachers.
    public func scheduleInputs(school: String?) throws -> ScheduleInputs {
        try writer.read { d in
            let schools = try school.map { [try School.require(d, id: $0)] } ?? School.order(Column("id")).fetchAll(d)
            var grades = Grade.all(), teachers = Teacher.all()
            if let school {
                grades = grades.filter(Column("schoolId") == school)
                teachers = teachers.filter(Column("schoolId") == school)
            }
            return ScheduleInputs(schools: schools, grades: try grades.fetchAll(d), teachers: try teachers.fetchAll(d))
        }
    }

    /// Replaces `term`'s sessions of every school in `schools` with `sessions`, in one transaction (a rebuilt plan
    /// replaces the old one; schedules are plans, not history).
    public func replaceSchedule(term: Term, schools: [String], with sessions: [ScheduledSession]) throws {
        try writer.write { d in
            try AppDatabase.recordChange(d)
            for s in schools {
                try d.execute(sql: "DELETE FROM scheduledSession WHERE term = ? AND schoolId = ?", arguments: [term.description, s])
            }
            let insert = try d.makeStatement(sql: """
                INSERT INTO scheduledSession (term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for s in sessions {
                try insert.execute(arguments: [s.term, s.schoolId, s.classId, s.grade, s.date.description, s.period,
                                               s.teacherId, s.lessonId, s.kind, s.room])
            }
        }
    }

    /// `school`'s stored schedule of `term` (nil: the latest term with sessions for the school), or nil when no
    /// term is given and none is stored. The school must exist (``StoreError/unknownSchool(id:)``).
    public func storedSchedule(school: String, term: Term?) throws -> StoredSchedule? {
        try writer.read { d in
            let sc = try School.require(d, id: school)
            var chosen = term
            if chosen == nil {
                let terms = try String.fetchAll(d, sql: "SELECT DISTINCT term FROM scheduledSession WHERE schoolId = ?",
                                                arguments: [school])
                chosen = terms.compactMap(Term.init).max { $0.first < $1.first }
            }
            guard let t = chosen else { return nil }
            let sessions = try ScheduledSession.filter(Column("term") == t.description && Column("schoolId") == school)
                .order(Column("date"), Column("period"), Column("classId")).fetchAll(d)
            let names = try Teacher.filter(Column("schoolId") == school).fetchAll(d).map { ($0.id, $0.name) }
            let grades = try Grade.filter(Column("schoolId") == school).order(Column("level")).fetchAll(d)
            return StoredSchedule(school: sc, term: t, sessions: sessions, grades: grades,
                                  teacherNames: Dictionary(uniqueKeysWithValues: names))
        }
    }
}
