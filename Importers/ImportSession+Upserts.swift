import GRDB
import XinyuCore

/// Every write of an import goes through these. Teachers, courses and awards are queued for the writer thread;
/// the others run on this thread, on the connection of ``ImportSession/withConnection(_:)``.
extension ImportSession {
    func upsertSchool(_ s: School, grades: [Grade]) throws {
        try withConnection { db in
            try db.cachedStatement(sql: """
                INSERT INTO school (id, name, stage, counselingRoom, district) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, stage = excluded.stage,
                  counselingRoom = excluded.counselingRoom, district = excluded.district
                """).execute(arguments: [s.id, s.name, s.stage.rawValue, s.counselingRoom, s.district])
            let g = try db.cachedStatement(sql: """
                INSERT INTO grade (schoolId, level, classes) VALUES (?, ?, ?)
                ON CONFLICT(schoolId, level) DO UPDATE SET classes = excluded.classes
                """)
            for grade in grades { try g.execute(arguments: [grade.schoolId, grade.level, grade.classes]) }
        }
        schools.insert(s.id)
        accepted.schools += 1
    }

    /// Queued for the writer thread (its lookups hit the caches updated here).
    func upsertTeacher(_ t: Teacher) throws {
        try queue(.teacher) { batch in
            batch.text(t.id)
            batch.text(t.schoolId)
            batch.text(t.name)
            batch.text(t.role.rawValue)
            batch.text(t.hired?.description)
            batch.text(t.status.rawValue)
        }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// IMS persons: a stored teacher keeps its school, role and hire date unless the file names a role.
    func upsertIMSTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try withConnection { db in
            try db.cachedStatement(sql: """
                INSERT INTO teacher (id, schoolId, name, role, hired, status) VALUES (?, ?, ?, ?, NULL, ?)
                ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status,
                  role = CASE WHEN ? THEN excluded.role ELSE teacher.role END
                """).execute(arguments: [t.id, t.schoolId, t.name, t.role.rawValue, t.status.rawValue, roleGiven])
        }
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// Queued for the writer thread (its lookups hit the caches updated here).
    func upsertCourse(_ c: Course) throws {
        try queue(.course) { batch in
            batch.text(c.id)
            batch.text(c.title)
            batch.text(c.provider)
            batch.int(c.tier)
            batch.int(c.mode)
            batch.int(c.hoursTenths)
            batch.text(c.start.description)
            batch.text(c.end.description)
            batch.text(c.track.rawValue)
            batch.text(c.category.rawValue)
            batch.int(c.capacity)
        }
        courses[c.id] = CourseInfo(hours: c.hoursTenths, end: c.end, endText: c.end.description)
        if courseByBytes.count > 0 { courseByBytes.removeAll() }
        accepted.courses += 1
    }

    /// `date` is a validated `YYYY-MM-DD`.
    func upsertAttendance(teacher: String, course: String, hours: Int, status: String, result: String, date: String) throws {
        try withConnection { db in
            try upsert(.attendance, on: db).execute(arguments: [teacher, course, hours, status, result, date])
        }
        accepted.attendance += 1
    }

    /// Queued for the writer thread; the award numbers known to the session follow.
    func upsertAward(_ a: Award) throws {
        try loadAwardNumbers()
        awardNumbers.set(a.number, for: "\(a.teacherId)/\(a.level.rawValue)/\(a.issued)")
        try queue(.award) { batch in
            batch.text(a.teacherId)
            batch.text(a.level.rawValue)
            batch.text(a.issued.description)
            batch.text(a.number)
            batch.text(a.expires?.description)
        }
        accepted.awards += 1
    }

    func upsertCounseling(teacher: String, date: Day, hours: Int) throws {
        try withConnection { db in
            try upsert(.counseling, on: db).execute(arguments: [teacher, date.description, hours])
        }
        accepted.practice += 1
    }

    func upsertLesson(teacher: String, date: Day, periods: Int) throws {
        try withConnection { db in
            try upsert(.lesson, on: db).execute(arguments: [teacher, date.description, periods])
        }
        accepted.practice += 1
    }

    /// mode="full": active teachers of the listed schools that the feed never mentioned become inactive.
    func deactivateMissingTeachers() throws {
        try withConnection { db in
            for school in listedSchools.sorted() {
                let ids = try String.fetchAll(db, sql: "SELECT id FROM teacher WHERE schoolId = ? AND status = ?",
                                              arguments: [school, TeacherStatus.active])
                for id in ids where !mentionedTeachers.contains(id) {
                    try db.execute(sql: "UPDATE teacher SET status = ? WHERE id = ?", arguments: [TeacherStatus.inactive, id])
                    deactivated += 1
                }
            }
        }
    }

    /// The prepared upsert of `kind` for `rows` records at once (one multi-row `VALUES`), prepared on `db` once
    /// per feed: the writer thread runs them, and the ordinary paths run the one-row ones too, after a flush.
    func upsert(_ kind: RecordWriter.Kind, rows: Int = 1, on db: Database) throws -> Statement {
        let key = Int(kind.rawValue) * 1000 + rows
        if let s = upserts[key] { return s }
        let table: String, columns: [String], conflict: String
        switch kind {
        case .attendance:
            (table, columns) = ("attendance", ["teacherId", "courseId", "hoursTenths", "status", "result", "date"])
            conflict = """
                ON CONFLICT(teacherId, courseId) DO UPDATE SET hoursTenths = excluded.hoursTenths,
                  status = excluded.status, result = excluded.result, date = excluded.date
                """
        case .counseling:
            (table, columns) = ("counseling", ["teacherId", "date", "hoursTenths"])
            conflict = "ON CONFLICT(teacherId, date) DO UPDATE SET hoursTenths = excluded.hoursTenths"
        case .lesson:
            (table, columns) = ("lessonPractice", ["teacherId", "date", "periods"])
            conflict = "ON CONFLICT(teacherId, date) DO UPDATE SET periods = excluded.periods"
        case .teacher:
            (table, columns) = ("teacher", ["id", "schoolId", "name", "role", "hired", "status"])
            conflict = """
                ON CONFLICT(id) DO UPDATE SET schoolId = excluded.schoolId, name = excluded.name, role = excluded.role,
                  hired = excluded.hired, status = excluded.status
                """
        case .award:
            (table, columns) = ("award", ["teacherId", "level", "issued", "number", "expires"])
            conflict = "ON CONFLICT(teacherId, level, issued) DO UPDATE SET number = excluded.number, expires = excluded.expires"
        case .course:
            (table, columns) = ("course", ["id", "title", "provider", "tier", "mode", "hoursTenths", "start", "end", "track",
                                           "category", "capacity"])
            conflict = """
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, provider = excluded.provider, tier = excluded.tier,
                  mode = excluded.mode, hoursTenths = excluded.hoursTenths, start = excluded.start, "end" = excluded."end",
                  track = excluded.track, category = excluded.category, capacity = excluded.capacity
                """
        }
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        let sql = "INSERT INTO \(table) (" + columns.map { "\"\($0)\"" }.joined(separator: ", ") + ") VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ") + " " + conflict
        let s = try db.makeStatement(sql: sql)
        upserts[key] = s
        return s
    }
}
