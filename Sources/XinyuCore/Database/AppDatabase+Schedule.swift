import Foundation
import GRDB

extension AppDatabase {
    /// The scheduler's inputs: every school sorted by id (or just `school`, which must exist), with their grades,
    /// teachers, homerooms and timetable slots.
    public func scheduleInputs(school: String?) throws -> ScheduleInputs {
        try reading { d in
            let schools = try school.map { [try School.require(d, id: $0)] } ?? School.order(Column("id")).fetchAll(d)
            var grades = Grade.all()
            var teachers = Teacher.all()
            var slots = TimetableSlot.all()
            var homerooms = Homeroom.all()
            if let school {
                grades = grades.filter(Column("schoolId") == school)
                teachers = teachers.filter(Column("schoolId") == school)
                slots = slots.filter(Column("schoolId") == school)
                homerooms = Homeroom.filter(sql: "teacherId IN (SELECT id FROM teacher WHERE schoolId = ?)", arguments: [school])
            }
            return ScheduleInputs(
                schools: schools, grades: try grades.fetchAll(d), teachers: try teachers.fetchAll(d),
                homerooms: try homerooms.fetchAll(d), timetable: try slots.fetchAll(d))
        }
    }

    /// Replaces `term`'s build of every school in `schools`: sessions, plans and the build record, in one
    /// transaction (a rebuilt plan replaces the old one; schedules are plans, not history).
    public func replaceSchedule(
        term: Term, schools: [String], sessions: [ScheduledSession], plans: [SchedulePlan],
        builtAt: Date
    ) throws {
        try writer.write { d in
            try AppDatabase.recordChange(d)
            let t = term.description
            for s in schools {
                try d.execute(sql: "DELETE FROM scheduledSession WHERE term = ? AND schoolId = ?", arguments: [t, s])
                try d.execute(sql: "DELETE FROM scheduleBuild WHERE term = ? AND schoolId = ?", arguments: [t, s])
                try d.execute(
                    sql: "INSERT INTO scheduleBuild (term, schoolId, builtAt) VALUES (?, ?, ?)",
                    arguments: [t, s, builtAt])
            }
            let insert = try d.makeStatement(
                sql: """
                    INSERT INTO scheduledSession (term, schoolId, classId, grade, date, period, teacherId, lessonId, kind, room)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for s in sessions {
                try insert.execute(arguments: [
                    s.term, s.schoolId, s.classId, s.grade, s.date.description, s.period,
                    s.teacherId, s.lessonId, s.kind, s.room,
                ])
            }
            for p in plans { try p.insert(d) }
        }
    }

    /// `school`'s stored schedule of `term` (nil: the latest term built or with sessions for the school), or nil
    /// when that term was never built for the school. The school must exist (``StoreError/unknownSchool(id:)``).
    public func storedSchedule(school: String, term: Term?) throws -> StoredSchedule? {
        try reading { d in
            let sc = try School.require(d, id: school)
            let terms = try String.fetchAll(
                d,
                sql: """
                    SELECT term FROM scheduleBuild WHERE schoolId = ?
                    UNION SELECT DISTINCT term FROM scheduledSession WHERE schoolId = ?
                    """, arguments: [school, school]
            ).compactMap(Term.init)
            let chosen = term.map { t in terms.contains(t) ? t : nil } ?? terms.max { $0.first < $1.first }
            guard let t = chosen else { return nil }
            let sessions = try ScheduledSession.filter(Column("term") == t.description && Column("schoolId") == school)
                .order(Column("date"), Column("period"), Column("classId")).fetchAll(d)
            let names = try Teacher.filter(Column("schoolId") == school).fetchAll(d).map { ($0.id, $0.name) }
            let grades = try Grade.filter(Column("schoolId") == school).order(Column("level")).fetchAll(d)
            let plans = try SchedulePlan.filter(Column("term") == t.description && Column("schoolId") == school)
                .order(Column("classId")).fetchAll(d)
            let builtAt = try Date.fetchOne(
                d, sql: "SELECT builtAt FROM scheduleBuild WHERE term = ? AND schoolId = ?",
                arguments: [t.description, school])
            return StoredSchedule(
                school: sc, term: t, sessions: sessions, grades: grades,
                teacherNames: Dictionary(uniqueKeysWithValues: names), plans: plans, builtAt: builtAt)
        }
    }
}
