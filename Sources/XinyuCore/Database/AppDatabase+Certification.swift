import GRDB
import GRDBSQLite

// The certification engine's reads (Certifications computes on the values these return). Enum values are bound
// as arguments from the Swift enums.

extension AppDatabase {
    /// One teacher's training as of a date: the teacher, awards issued on or before it, counted attendance dated on
    /// or before it (with each course's track and category), and practice toward A. An unknown id throws
    /// ``StoreError/unknownTeacher(id:)``.
    public func trainingRecord(teacherId: String, asOf: Day, counting: [RecordState]) throws -> TeacherTrainingRecord {
        try writer.read { db in
            guard let teacher = try Teacher.fetchOne(db, key: teacherId) else { throw StoreError.unknownTeacher(id: teacherId) }
            let d = asOf.description
            let awards = try Award.fetchAll(
                db,
                sql: """
                    SELECT * FROM award WHERE teacherId = ? AND issued <= ? AND \(Self.notRevoked("award")) ORDER BY issued, level
                    """, arguments: [teacherId, d])
            let counted = Self.countedCondition(on: "a")
            var attendance: [CountedAttendance] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.track, c.category, a.date, a.hoursTenths, a.result = ?
                    FROM attendance a JOIN course c ON c.id = a.courseId
                    WHERE a.teacherId = ? AND a.date <= ? AND \(counted.sql)
                    """, arguments: [CourseResult.pass, teacherId, d] + counted.arguments)
            while let r = try rows.next() {
                let date: String = r[2]
                attendance.append(CountedAttendance(track: r[0], category: r[1], date: Day(date), tenths: r[3], pass: r[4]))
            }
            let entered = Self.enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: true)
            if !counting.isEmpty {
                let more = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT c.track, c.category, e.date, e.hoursTenths, e.result = ?
                        FROM attendanceEntry e JOIN course c ON c.id = e.courseId
                        WHERE e.teacherId = ? AND e.date <= ? AND \(entered.sql) ORDER BY e.courseId
                        """, arguments: [CourseResult.pass, teacherId, d] + entered.arguments)
                while let r = try more.next() {
                    let date: String = r[2]
                    attendance.append(CountedAttendance(track: r[0], category: r[1], date: Day(date), tenths: r[3], pass: r[4]))
                }
            }
            let pending = Self.enteredCondition(on: "e", counting: counting, inCounting: false, statusRule: false)
            let uncounted = try Self.entries(
                db, whereClause: "WHERE e.teacherId = ? AND e.date <= ? AND \(pending.sql)",
                arguments: [RecordState.returned, RecordState.returned, teacherId, d] + pending.arguments)
            let practice = try Self.practiceTotals(db, asOf: asOf) { column in (" AND \(column) = ?", [teacherId]) }
            return TeacherTrainingRecord(
                teacher: teacher, awards: awards, attendance: attendance, practice: practice,
                uncounted: uncounted)
        }
    }

    /// Teacher ids cutting the teachers into `parts` ranges of about equal size (sorted by id); none when there are
    /// fewer than 500 teachers a part (one pass is quicker than starting the parts).
    public func teacherSplitPoints(parts: Int) throws -> [String] {
        try writer.read { try Self.splitPoints($0, parts: parts) }
    }

    /// Reads what the certification engine needs of the teachers as of a date and calls `compute` with it, all from
    /// one committed state; returns what `compute` returned for each part, in teacher-id order of the parts.
    ///
    /// A whole store or one `district` (`school` nil) is cut into at most `parts` ranges of teacher ids (see
    /// ``teacherSplitPoints(parts:)``), each read and computed at once on its own read connection
    /// (``concurrentReads(parts:_:)``); a school, or a district too small to cut, is one part. With `withSchools`
    /// the first part's reading also holds the schools with their names (an unknown `school` throws
    /// ``StoreError/unknownSchool(id:)`` before anything is computed).
    public func certificationReadings<T: Sendable>(
        asOf: Day, school: String?, district: String?, includeInactive: Bool, counting: [RecordState], parts: Int,
        withSchools: Bool, _ compute: @escaping @Sendable (CertificationReading) throws -> T
    ) throws -> [T] {
        let whole = TeacherSelection(school: school, district: district, includeInactive: includeInactive)
        let bounds =
            school == nil && parts > 1 ? try writer.read { try Self.splitPoints($0, parts: parts, district: district) } : []
        guard !bounds.isEmpty else {
            return try writer.read { db in
                [
                    try compute(
                        try Self.certificationReading(
                            db, asOf: asOf, selection: whole, counting: counting,
                            withSchools: withSchools))
                ]
            }
        }
        let ranges = zip([nil] + bounds, bounds + [nil]).map { lower, upper in
            TeacherSelection(school: nil, district: district, includeInactive: includeInactive, from: lower, below: upper)
        }
        return try concurrentReads(parts: ranges.count) { db, i in
            try compute(
                try Self.certificationReading(
                    db, asOf: asOf, selection: ranges[i], counting: counting,
                    withSchools: withSchools && i == 0))
        }
    }

    /// Reads of one selection in a fixed number of SQL passes (no per-teacher queries): teachers, awards (revoked
    /// ones left out, ``CertificateStore``), the
    /// ids of track courses, one scan of attendance in its key order, three practice sums.
    static func certificationReading(
        _ db: Database, asOf: Day, selection: TeacherSelection, counting: [RecordState],
        withSchools: Bool
    ) throws -> CertificationReading {
        let schools = withSchools ? try schoolNames(db, only: selection.school, district: selection.district) : nil
        let d = asOf.description
        var teachers: [Teacher] = []
        let filter = selection.teacherConditions
        let rows = try db.makeStatement(
            sql: "SELECT id, schoolId, name, role, hired, status FROM teacher WHERE 1" + filter.sql
                + " ORDER BY schoolId, id")
        try rows.setArguments(filter.arguments)
        try RawRows.forEach(rows) { s in
            let id = try RawRows.required(s, 0, "teacher", nil)
            teachers.append(
                Teacher(
                    id: id, schoolId: try RawRows.required(s, 1, "teacher", id),
                    name: try RawRows.required(s, 2, "teacher", id), role: try RawRows.word(s, 3, "teacher", id),
                    hired: try RawRows.day(s, 4, "teacher", id), status: try RawRows.word(s, 5, "teacher", id)))
        }
        var awards: [Award] = []
        let awardFilter = selection.conditions(on: "teacherId")
        let awardRows = try db.makeStatement(
            sql: "SELECT teacherId, level, issued, number, expires FROM award WHERE issued <= ?"
                + " AND " + notRevoked("award") + awardFilter.sql)
        try awardRows.setArguments([d] + awardFilter.arguments)
        try RawRows.forEach(awardRows) { s in
            let id = try RawRows.required(s, 0, "award of teacher", nil)
            guard let issued = try RawRows.day(s, 2, "award of teacher", id) else {
                throw RawRows.bad(s, 2, "award of teacher", id)
            }
            awards.append(
                Award(
                    teacherId: id, level: try RawRows.word(s, 1, "award of teacher", id), issued: issued,
                    number: RawRows.text(s, 3), expires: try RawRows.day(s, 4, "award of teacher", id)))
        }
        let attendance = try trackedAttendance(db, asOf: asOf, selection: selection, counting: counting)
        let practice = try practiceTotals(db, asOf: asOf, conditions: selection.conditions(on:))
        return CertificationReading(
            teachers: teachers, awards: awards, attendance: attendance, practice: practice, schools: schools)
    }

    /// The attendance scan in teacher order for a selection: one pass over attendance in its key order (teacher,
    /// course), counted records dated on or before the date, of tracks A, B, C and cpd. The track comes from an
    /// in-memory map by the bytes of the course id, so a record of another track costs one probe and no Swift
    /// string; a teacher's records arrive together and are stored once.
    /// Entered records in a `counting` state follow, each teacher's in a second call (course order).
    static func trackedAttendance(
        _ db: Database, asOf: Day, selection: TeacherSelection,
        counting: [RecordState]
    ) throws -> [String: [TrackedAttendance]] {
        let d = asOf.description
        var trackOf = ByteKeyMap<Track>()
        let courses = try Row.fetchCursor(
            db, sql: "SELECT id, track FROM course WHERE track IN (?, ?, ?, ?)",
            arguments: [Track.A, Track.B, Track.C, Track.cpd])
        while let r = try courses.next() {
            if let t = Track(rawValue: r[1]) { trackOf.insert(t, for: r[0] as String) }
        }
        let counted = countedCondition(on: "a")
        let scan: Statement
        if let school = selection.school {
            scan = try db.makeStatement(
                sql: """
                    SELECT a.teacherId, a.courseId, a.date, a.hoursTenths, a.result = ?
                    FROM teacher t JOIN attendance a ON a.teacherId = t.id
                    WHERE t.schoolId = ? AND a.date <= ? AND \(counted.sql)
                    """)
            try scan.setArguments([CourseResult.pass, school, d] + counted.arguments)
        } else if let district = selection.district {
            // The district's teachers (through school, within the part's id range), each one's attendance by its
            // key (teacher, course). CROSS JOIN keeps SQLite's join order: schools, their teachers, then each
            // teacher's attendance by primary key. Left to itself the planner scanned attendance over the part's
            // id range, and the first and last parts' ranges are open-ended: with many districts in one store
            // that read every later (or earlier) district's attendance too (bench/province.sh: 17.7 s for one
            // district of ten, against 1.0 s for the same district alone).
            var range = ""
            var rangeArguments: StatementArguments = []
            if let from = selection.from {
                range += " AND t.id >= ?"
                rangeArguments += [from]
            }
            if let below = selection.below {
                range += " AND t.id < ?"
                rangeArguments += [below]
            }
            scan = try db.makeStatement(
                sql: """
                    SELECT a.teacherId, a.courseId, a.date, a.hoursTenths, a.result = ?
                    FROM school s CROSS JOIN teacher t CROSS JOIN attendance a
                    WHERE t.schoolId = s.id AND a.teacherId = t.id
                      AND s.district = ?\(range) AND a.date <= ? AND \(counted.sql)
                    """)
            try scan.setArguments([CourseResult.pass, district] + rangeArguments + [d] + counted.arguments)
        } else {
            let r = selection.conditions(on: "a.teacherId")
            scan = try db.makeStatement(
                sql: """
                    SELECT a.teacherId, a.courseId, a.date, a.hoursTenths, a.result = ? FROM attendance a
                    WHERE a.date <= ? AND \(counted.sql)\(r.sql)
                    """)
            try scan.setArguments([CourseResult.pass, d] + counted.arguments + r.arguments)
        }
        var out: [String: [TrackedAttendance]] = [:]
        try forEachTeacher(scan, trackOf: trackOf) { id, entries in out[id, default: []].append(contentsOf: entries) }
        if !counting.isEmpty {
            let entered = enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: true)
            let r = selection.conditions(on: "e.teacherId")
            let more = try db.makeStatement(
                sql: """
                    SELECT e.teacherId, e.courseId, e.date, e.hoursTenths, e.result = ? FROM attendanceEntry e
                    WHERE e.date <= ? AND \(entered.sql)\(r.sql) ORDER BY e.teacherId, e.courseId
                    """)
            try more.setArguments([CourseResult.pass, d] + entered.arguments + r.arguments)
            try forEachTeacher(more, trackOf: trackOf) { id, entries in out[id, default: []].append(contentsOf: entries) }
        }
        return out
    }

    /// Steps `statement` (teacherId, courseId, date, hoursTenths, pass) and hands over each run of one teacher's
    /// rows as that teacher's records of the tracks in `trackOf` (a teacher seen again later gets a second call).
    private static func forEachTeacher(
        _ statement: Statement, trackOf: ByteKeyMap<Track>,
        _ body: (String, [TrackedAttendance]) -> Void
    ) throws {
        var teacher: [UInt8] = []
        var entries: [TrackedAttendance] = []
        func flush() {
            if !entries.isEmpty { body(String(decoding: teacher, as: UTF8.self), entries) }
            entries.removeAll(keepingCapacity: true)
        }
        try RawRows.forEach(statement) { s in
            guard let course = RawRows.bytes(s, 1), let track = trackOf.find(course), let t = RawRows.bytes(s, 0) else { return }
            if t.count != teacher.count
                || t.count > 0 && !teacher.withUnsafeBufferPointer({ sameBytes($0.baseAddress!, t.baseAddress!, count: t.count) })
            {
                flush()
                teacher = Array(t)
            }
            guard let date = RawRows.bytes(s, 2), let day = Day(utf8: date) else { return }
            entries.append(
                .init(track: track, date: day, tenths: Int(sqlite3_column_int64(s, 3)), pass: sqlite3_column_int(s, 4) != 0))
        }
        flush()
    }

    /// Practice totals per teacher up to a date; `conditions` gives `AND …` conditions (with their arguments) on a
    /// teacher id column.
    private static func practiceTotals(
        _ db: Database, asOf: Day,
        conditions: (String) -> (sql: String, arguments: StatementArguments)
    ) throws -> PracticeTotals {
        let d = asOf.description
        func sums(_ sql: String, _ arguments: StatementArguments) throws -> [String: Int] {
            var m: [String: Int] = [:]
            let c = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let r = try c.next() { m[r[0]] = r[1] }
            return m
        }
        var p = PracticeTotals()
        let plain = conditions("teacherId")
        p.counseling = try sums(
            "SELECT teacherId, SUM(hoursTenths) FROM counseling WHERE date <= ?\(plain.sql) GROUP BY teacherId",
            [d] + plain.arguments)
        p.feedPeriods = try sums(
            "SELECT teacherId, SUM(periods) FROM lessonPractice WHERE date <= ?\(plain.sql) GROUP BY teacherId",
            [d] + plain.arguments)
        let delivered = conditions("r.teacherId")
        p.scheduledPeriods = try sums(
            """
            SELECT r.teacherId, COUNT(*) FROM deliveryRecord r
            WHERE r.kind = ? AND r.given = 1 AND r.date <= ?\(delivered.sql)
              AND r.id = (SELECT MAX(x.id) FROM deliveryRecord x
                WHERE x.schoolId = r.schoolId AND x.classId = r.classId AND x.date = r.date AND x.period = r.period)
              AND NOT EXISTS (SELECT 1 FROM lessonPractice p WHERE p.teacherId = r.teacherId AND p.date = r.date)
            GROUP BY r.teacherId
            """, [SessionKind.lesson, d] + delivered.arguments)
        return p
    }

    /// The schools with their names: the one school `only` (``StoreError/unknownSchool(id:)`` if not stored), or
    /// every school sorted by id, or the schools of `district` sorted by id.
    private static func schoolNames(_ db: Database, only school: String?, district: String?) throws -> [SchoolName] {
        if let school {
            let s = try School.require(db, id: school)
            return [SchoolName(id: s.id, name: s.name)]
        }
        var out: [SchoolName] = []
        let rows =
            if let district {
                try Row.fetchCursor(db, sql: "SELECT id, name FROM school WHERE district = ? ORDER BY id", arguments: [district])
            } else {
                try Row.fetchCursor(db, sql: "SELECT id, name FROM school ORDER BY id")
            }
        while let r = try rows.next() { out.append(SchoolName(id: r[0], name: r[1])) }
        return out
    }

    private static func splitPoints(_ db: Database, parts: Int, district: String? = nil) throws -> [String] {
        let (filter, arguments): (String, StatementArguments) =
            district.map { (" WHERE schoolId IN (SELECT id FROM school WHERE district = ?)", [$0]) } ?? ("", [])
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teacher" + filter, arguments: arguments) ?? 0
        guard count >= parts * 500 else { return [] }
        return try (1..<parts).map { i in
            try String.fetchOne(
                db, sql: "SELECT id FROM teacher\(filter) ORDER BY id LIMIT 1 OFFSET ?",
                arguments: arguments + [count * i / parts])!
        }
    }

    /// Entered records (table `attendanceEntry` under `alias`) whose record state is one of `counting` (`inCounting`)
    /// or none of them (not `inCounting`), with RULES.md's status and result rule when `statusRule`, leaving out any
    /// whose teacher and course the district's feed holds: the feed's record wins.
    static func enteredCondition(
        on alias: String, counting: [RecordState], inCounting: Bool,
        statusRule: Bool
    ) -> (sql: String, arguments: StatementArguments) {
        let feed =
            "NOT EXISTS (SELECT 1 FROM attendance f "
            + "WHERE f.teacherId = \(alias).teacherId AND f.courseId = \(alias).courseId)"
        guard !counting.isEmpty else { return (inCounting ? "0" : feed, []) }
        let list = "(" + counting.map { _ in "?" }.joined(separator: ", ") + ")"
        var sql = "\(alias).state \(inCounting ? "IN" : "NOT IN") \(list) AND \(feed)"
        var arguments = StatementArguments(counting.map(\.rawValue))
        if statusRule {
            let rule = countedCondition(on: alias)
            sql += " AND " + rule.sql
            arguments += rule.arguments
        }
        return (sql, arguments)
    }

    /// RULES.md "Counted hours" (``Attendance/counts(status:result:)``) as a condition on the attendance table
    /// under `alias`, its enum values bound.
    private static func countedCondition(on alias: String) -> (sql: String, arguments: StatementArguments) {
        (
            "\(alias).status IN (?, ?) AND \(alias).result <> ?",
            [AttendanceStatus.completed, AttendanceStatus.partial, CourseResult.fail]
        )
    }
}

extension TeacherSelection {
    /// `AND …` conditions on a table's teacher id column (`column`), with their arguments: the id range, and the
    /// school through a subquery on `teacher`. The status is left out: rows of inactive teachers are read and not
    /// used, which is cheaper than the subquery.
    fileprivate func conditions(on column: String) -> (sql: String, arguments: StatementArguments) {
        var sql = ""
        var args: StatementArguments = []
        if let from {
            sql += " AND \(column) >= ?"
            args += [from]
        }
        if let below {
            sql += " AND \(column) < ?"
            args += [below]
        }
        if let school {
            sql += " AND \(column) IN (SELECT id FROM teacher WHERE schoolId = ?)"
            args += [school]
        }
        if let district {
            sql +=
                " AND \(column) IN (SELECT t.id FROM school s JOIN teacher t ON t.schoolId = s.id WHERE s.district = ?)"
            args += [district]
        }
        return (sql, args)
    }

    /// The same conditions on the `teacher` table itself, and the status unless inactive teachers are included.
    fileprivate var teacherConditions: (sql: String, arguments: StatementArguments) {
        var sql = ""
        var args: StatementArguments = []
        if let from {
            sql += " AND id >= ?"
            args += [from]
        }
        if let below {
            sql += " AND id < ?"
            args += [below]
        }
        if let school {
            sql += " AND schoolId = ?"
            args += [school]
        }
        if let district {
            sql += " AND schoolId IN (SELECT id FROM school WHERE district = ?)"
            args += [district]
        }
        if !includeInactive {
            sql += " AND status = ?"
            args += [TeacherStatus.active]
        }
        return (sql, args)
    }
}
