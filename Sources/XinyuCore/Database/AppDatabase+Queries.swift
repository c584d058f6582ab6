import GRDB

/// Decoded from the row of ``AppDatabase/schoolSummaries()``.
extension SchoolSummary: FetchableRecord {}

extension AppDatabase {
    /// Every school's district, keyed by school id.
    public func schoolDistricts() throws -> [String: String] {
        try reading { db in
            var map: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT id, district FROM school")
            while let r = try rows.next() { map[r[0]] = r[1] as String }
            return map
        }
    }

    /// Every school (or `district`'s), sorted by id, with its class count and active-teacher count.
    public func schoolSummaries(district: String?) throws -> [SchoolSummary] {
        try reading { db in
            try SchoolSummary.fetchAll(
                db,
                sql: """
                    SELECT s.id, s.name, s.stage, s.counselingRoom,
                           COALESCE((SELECT SUM(classes) FROM grade g WHERE g.schoolId = s.id), 0) AS classes,
                           (SELECT COUNT(*) FROM teacher t WHERE t.schoolId = s.id AND t.status = ?) AS activeTeachers
                    FROM school s\(district == nil ? "" : " WHERE s.district = ?") ORDER BY s.id
                    """, arguments: [TeacherStatus.active] + (district.map { [$0] } ?? []))
        }
    }

    /// Teachers sorted by id, optionally filtered.
    public func teachers(school: String? = nil, role: Role? = nil, status: TeacherStatus? = nil) throws -> [Teacher] {
        try teachers(school: school, district: nil, role: role, status: status)
    }

    /// Teachers sorted by id, optionally filtered (`district`: of that district's schools, issue #18).
    public func teachers(school: String?, district: String?, role: Role?, status: TeacherStatus?) throws -> [Teacher] {
        try reading { db in
            if let school { try School.require(db, id: school) }
            return try Self.teacherQuery(school: school, district: district, role: role, status: status)
                .order(Column("id")).fetchAll(db)
        }
    }

    /// One page of ``teachers(school:role:status:)``: `limit` teachers after the first `offset`, sorted by id, and
    /// how many match in all (the server's paged list: only the page is read and decoded).
    public func teacherPage(
        school: String? = nil, role: Role? = nil, status: TeacherStatus? = nil,
        limit: Int, offset: Int
    ) throws -> (total: Int, teachers: [Teacher]) {
        try teacherPage(school: school, district: nil, role: role, status: status, limit: limit, offset: offset)
    }

    /// ``teacherPage(school:role:status:limit:offset:)`` limited to a district's schools when `district` is given.
    public func teacherPage(
        school: String?, district: String?, role: Role?, status: TeacherStatus?,
        limit: Int, offset: Int
    ) throws -> (total: Int, teachers: [Teacher]) {
        try writer.read { db in
            if let school { try School.require(db, id: school) }
            let q = Self.teacherQuery(school: school, district: district, role: role, status: status)
            return (try q.fetchCount(db), try q.order(Column("id")).limit(limit, offset: offset).fetchAll(db))
        }
    }

    /// The teacher list's filters as a request.
    private static func teacherQuery(
        school: String?, district: String?, role: Role?, status: TeacherStatus?
    ) -> QueryInterfaceRequest<Teacher> {
        var q = Teacher.all()
        if let school { q = q.filter(Column("schoolId") == school) }
        if let district {
            q = q.filter(sql: "schoolId IN (SELECT id FROM school WHERE district = ?)", arguments: [district])
        }
        if let role { q = q.filter(Column("role") == role) }
        if let status { q = q.filter(Column("status") == status) }
        return q
    }

    /// One teacher, or ``StoreError/unknownTeacher(id:)``.
    public func teacher(id: String) throws -> Teacher {
        guard let t = try reading({ db in try Teacher.fetchOne(db, key: id) }) else {
            throw StoreError.unknownTeacher(id: id)
        }
        return t
    }

    /// How many schools and teachers the store holds (`GET /health`): two small-table counts.
    public func healthCounts() throws -> (schools: Int, teachers: Int) {
        try writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM school") ?? 0,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teacher") ?? 0
            )
        }
    }

    /// Row counts per table, for `xinyu init`.
    public func tableCounts() throws -> [String: Int] {
        try reading { db in
            var out: [String: Int] = [:]
            for t in ["school", "grade", "teacher", "course", "attendance", "award", "counseling", "lessonPractice", "importLog"]
            {
                out[t] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(t)") ?? 0
            }
            return out
        }
    }
}
