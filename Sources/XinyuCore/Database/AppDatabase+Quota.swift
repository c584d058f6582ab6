import GRDB

// The union quota's reads (Certifications/Quota computes on the values these return).

extension AppDatabase {
    /// A school year's reading for the union quota, from one committed state: the schools in scope, their active
    /// teachers, and those teachers' attendance dated from `first` through `last` with each course's category and
    /// tier. `school` limits it to one school (``StoreError/unknownSchool(id:)`` if not stored).
    /// Entered records follow the feed's, only in a `counting` state.
    public func quotaYear(
        from first: Day, through last: Day, school: String?, district: String?,
        counting: [RecordState]
    ) throws -> QuotaYearReading {
        try writer.read { db in
            if let school { try School.require(db, id: school) }
            var sq = School.all().order(Column("id"))
            var tq = Teacher.filter(Column("status") == TeacherStatus.active).order(Column("id"))
            if let school {
                sq = sq.filter(Column("id") == school)
                tq = tq.filter(Column("schoolId") == school)
            }
            // A district's attendance is read through its teachers (issue #18), not by scanning the whole year's.
            var scope: (String) -> String = { _ in "" }
            var scopeArguments: StatementArguments = []
            if let district {
                sq = sq.filter(Column("district") == district)
                tq = tq.filter(sql: "schoolId IN (SELECT id FROM school WHERE district = ?)", arguments: [district])
                scope = { alias in
                    " AND \(alias).teacherId IN (SELECT t.id FROM school s JOIN teacher t ON t.schoolId = s.id"
                        + " WHERE s.district = ?)"
                }
                scopeArguments = [district]
            }
            let schools = try sq.fetchAll(db)
            let teachers = try tq.fetchAll(db)
            let inScope = Set(teachers.map(\.id))
            var attendance: [CourseAttendance] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT a.teacherId, a.courseId, a.hoursTenths, a.status, a.result, a.date, c.category, c.tier
                    FROM attendance a JOIN course c ON c.id = a.courseId
                    WHERE a.date >= ? AND a.date <= ?\(scope("a"))
                    """, arguments: [first.description, last.description] + scopeArguments)
            while let r = try rows.next() {
                let tid: String = r[0]
                guard inScope.contains(tid) else { continue }
                attendance.append(
                    CourseAttendance(
                        teacherId: tid, courseId: r[1], tenths: r[2], status: r[3], result: r[4],
                        date: r[5], category: r[6], tier: r[7]))
            }
            if !counting.isEmpty {
                let entered = Self.enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: false)
                let more = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT e.teacherId, e.courseId, e.hoursTenths, e.status, e.result, e.date, c.category, c.tier
                        FROM attendanceEntry e JOIN course c ON c.id = e.courseId
                        WHERE e.date >= ? AND e.date <= ? AND \(entered.sql)\(scope("e"))
                        ORDER BY e.teacherId, e.courseId
                        """, arguments: [first.description, last.description] + entered.arguments + scopeArguments)
                while let r = try more.next() {
                    let tid: String = r[0]
                    guard inScope.contains(tid) else { continue }
                    attendance.append(
                        CourseAttendance(
                            teacherId: tid, courseId: r[1], tenths: r[2], status: r[3], result: r[4],
                            date: r[5], category: r[6], tier: r[7]))
                }
            }
            return QuotaYearReading(schools: schools, teachers: teachers, attendance: attendance)
        }
    }
}
