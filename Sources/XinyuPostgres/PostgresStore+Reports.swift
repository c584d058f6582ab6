import PostgresNIO
import XinyuCore

/// ``ReportStore`` on PostgreSQL: the SQLite store's queries, in the same orders.
extension PostgresStore {
    /// Every school's district, keyed by school id.
    public func schoolDistricts() throws -> [String: String] {
        var map: [String: String] = [:]
        for r in try reportReading({ s in try s.rows("SELECT id, district FROM school") }) {
            map[try r.string(0)] = try r.string(1)
        }
        return map
    }

    public func schoolSummaries(district: String?) throws -> [SchoolSummary] {
        try reportReading { s in
            try s.rows(
                """
                SELECT s.id, s.name, s.stage, s.counselingRoom,
                       COALESCE((SELECT SUM(classes) FROM grade g WHERE g.schoolId = s.id), 0)::bigint,
                       (SELECT COUNT(*) FROM teacher t WHERE t.schoolId = s.id AND t.status = ?)
                FROM school s\(district == nil ? "" : " WHERE s.district = ?") ORDER BY s.id
                """, [.text(TeacherStatus.active.rawValue)] + (district.map { [PostgresValue.text($0)] } ?? [])
            ).map { r in
                let id = try r.string(0)
                return SchoolSummary(
                    id: id, name: try r.string(1), stage: try word(r, 2, "school", id),
                    counselingRoom: try r.bool(3), classes: try r.int(4) ?? 0,
                    activeTeachers: try r.int(5) ?? 0)
            }
        }
    }

    /// `WHERE …` of a teacher list and its arguments.
    private func teacherFilter(
        school: String?, district: String?, role: Role?, status: TeacherStatus?
    ) -> (String, [PostgresValue]) {
        var conditions: [String] = []
        var values: [PostgresValue] = []
        if let school {
            conditions.append("schoolId = ?")
            values.append(.text(school))
        }
        if let district {
            conditions.append("schoolId IN (SELECT id FROM school WHERE district = ?)")
            values.append(.text(district))
        }
        if let role {
            conditions.append("role = ?")
            values.append(.text(role.rawValue))
        }
        if let status {
            conditions.append("status = ?")
            values.append(.text(status.rawValue))
        }
        return (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "), values)
    }

    public func teachers(school: String?, district: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher] {
        let (filter, values) = teacherFilter(school: school, district: district, role: role, status: status)
        return try reportReading { s in
            if let school { try requireSchool(school, s) }
            return try s.rows("SELECT \(Self.teacherColumns) FROM teacher\(filter) ORDER BY id", values).map(teacher)
        }
    }

    public func teacherPage(
        school: String?, district: String?, role: Role?, status: TeacherStatus?,
        limit: Int, offset: Int
    ) throws -> (total: Int, teachers: [Teacher]) {
        let (filter, values) = teacherFilter(school: school, district: district, role: role, status: status)
        return try reportReading { s in
            if let school { try requireSchool(school, s) }
            let total = try s.int("SELECT COUNT(*) FROM teacher\(filter)", values)
            let page = try s.rows(
                "SELECT \(Self.teacherColumns) FROM teacher\(filter) ORDER BY id LIMIT ? OFFSET ?",
                values + [.int(max(limit, 0)), .int(max(offset, 0))]
            ).map(teacher)
            return (total, page)
        }
    }

    public func teacher(id: String) throws -> Teacher {
        guard
            let t = try withReportSession({ s in
                try s.rows("SELECT \(Self.teacherColumns) FROM teacher WHERE id = ?", [.text(id)]).first.map(teacher)
            })
        else {
            throw StoreError.unknownTeacher(id: id)
        }
        return t
    }

    public func requireSchool(_ id: String) throws {
        try withReportSession { s in _ = try requireSchool(id, s) }
    }

    public func healthCounts() throws -> (schools: Int, teachers: Int) {
        try withReportSession { s in
            guard let r = try s.rows("SELECT (SELECT COUNT(*) FROM school), (SELECT COUNT(*) FROM teacher)").first else {
                return (0, 0)
            }
            return (try r.int(0) ?? 0, try r.int(1) ?? 0)
        }
    }

    public func tableCounts() throws -> [String: Int] {
        let tables = ["school", "grade", "teacher", "course", "attendance", "award", "counseling", "lessonPractice", "importLog"]
        return try reportReading { s in
            let sql = "SELECT " + tables.map { "(SELECT COUNT(*) FROM \($0))" }.joined(separator: ", ")
            guard let r = try s.rows(sql).first else { return [:] }
            var out: [String: Int] = [:]
            for (i, t) in tables.enumerated() { out[t] = try r.int(i) ?? 0 }
            return out
        }
    }

    public func dataVersion() throws -> String {
        try withReportSession { s in String(try s.int("SELECT SUM(version)::bigint FROM storeVersion")) }
    }

    /// The union quota's year reading: the feed's attendance, then entered records in a `counting` state.
    public func quotaYear(
        from first: Day, through last: Day, school: String?, district: String?,
        counting: [RecordState]
    ) throws -> QuotaYearReading {
        try reportReading { s in
            let schools: [School]
            if let school {
                schools = [try requireSchool(school, s)]
            } else if let district {
                schools = try s.rows(
                    "SELECT \(Self.schoolColumns) FROM school WHERE district = ? ORDER BY id", [.text(district)]
                ).map(self.school)
            } else {
                schools = try s.rows("SELECT \(Self.schoolColumns) FROM school ORDER BY id").map(self.school)
            }
            var sql = "SELECT \(Self.teacherColumns) FROM teacher WHERE status = ?"
            var values: [PostgresValue] = [.text(TeacherStatus.active.rawValue)]
            if let school {
                sql += " AND schoolId = ?"
                values.append(.text(school))
            }
            // A district's attendance is read through its teachers (issue #18), not by scanning the whole year's.
            var scope: (String) -> String = { _ in "" }
            var scopeValues: [PostgresValue] = []
            if let district {
                sql += " AND schoolId IN (SELECT id FROM school WHERE district = ?)"
                values.append(.text(district))
                scope = { alias in
                    " AND \(alias).teacherId IN (SELECT t.id FROM school s JOIN teacher t ON t.schoolId = s.id"
                        + " WHERE s.district = ?)"
                }
                scopeValues = [.text(district)]
            }
            let teachers = try s.rows(sql + " ORDER BY id", values).map(teacher)
            let inScope = Set(teachers.map(\.id))
            var attendance: [CourseAttendance] = []
            let rows = try s.rows(
                """
                SELECT a.teacherId, a.courseId, a.hoursTenths, a.status, a.result, a.date, c.category, c.tier
                FROM attendance a JOIN course c ON c.id = a.courseId
                WHERE a.date >= ? AND a.date <= ?\(scope("a")) ORDER BY a.teacherId, a.courseId
                """, [.text(first.description), .text(last.description)] + scopeValues)
            for r in rows {
                let tid = try r.string(0)
                guard inScope.contains(tid) else { continue }
                let key = tid + "/" + (try r.string(1))
                guard let date = try day(r, 5, "attendance", key) else { continue }
                attendance.append(
                    CourseAttendance(
                        teacherId: tid, courseId: try r.string(1), tenths: try r.int(2) ?? 0,
                        status: try word(r, 3, "attendance", key), result: try word(r, 4, "attendance", key), date: date,
                        category: try word(r, 6, "course", try r.string(1)), tier: try r.int(7) ?? 0))
            }
            if !counting.isEmpty {
                let entered = Self.enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: false)
                let more = try s.rows(
                    """
                    SELECT e.teacherId, e.courseId, e.hoursTenths, e.status, e.result, e.date, c.category, c.tier
                    FROM attendanceEntry e JOIN course c ON c.id = e.courseId
                    WHERE e.date >= ? AND e.date <= ? AND \(entered.sql)\(scope("e")) ORDER BY e.teacherId, e.courseId
                    """, [.text(first.description), .text(last.description)] + entered.values + scopeValues)
                for r in more {
                    let tid = try r.string(0)
                    guard inScope.contains(tid) else { continue }
                    let key = tid + "/" + (try r.string(1))
                    guard let date = try day(r, 5, "attendanceEntry", key) else { continue }
                    attendance.append(
                        CourseAttendance(
                            teacherId: tid, courseId: try r.string(1), tenths: try r.int(2) ?? 0,
                            status: try word(r, 3, "attendanceEntry", key), result: try word(r, 4, "attendanceEntry", key),
                            date: date, category: try word(r, 6, "course", try r.string(1)), tier: try r.int(7) ?? 0))
                }
            }
            return QuotaYearReading(schools: schools, teachers: teachers, attendance: attendance)
        }
    }
}
