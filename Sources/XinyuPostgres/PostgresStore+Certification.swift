import PostgresNIO
import XinyuCore

/// The certification engine's reads on PostgreSQL (``ReportStore/trainingRecord(teacherId:asOf:counting:)`` and
/// ``ReportStore/certificationReadings(asOf:school:includeInactive:counting:parts:withSchools:_:)``): the SQLite
/// store's selections, in parts read at once from one snapshot (``partedReading(split:_:)``); the attendance comes
/// one row per teacher (``trackedAttendance(_:asOf:selection:into:)``).
///
/// `counting` names the record states in which entered records (``TrainingStore``) count; the feed's record of a
/// teacher and course wins over an entered one. Revoked awards (``CertificateStore``) are left out.
extension PostgresStore {
    /// RULES.md "Counted hours" as a condition on attendance `a`, with its arguments.
    private static var counted: (sql: String, values: [PostgresValue]) {
        (
            "a.status IN (?, ?) AND a.result <> ?",
            [
                .text(AttendanceStatus.completed.rawValue), .text(AttendanceStatus.partial.rawValue),
                .text(CourseResult.fail.rawValue),
            ]
        )
    }

    public func trainingRecord(teacherId: String, asOf: Day, counting: [RecordState]) throws -> TeacherTrainingRecord {
        try reportReading { s in
            guard
                let t = try s.rows("SELECT \(Self.teacherColumns) FROM teacher WHERE id = ?", [.text(teacherId)])
                    .first.map(teacher)
            else { throw StoreError.unknownTeacher(id: teacherId) }
            let d = asOf.description
            let awards = try s.rows(
                """
                SELECT \(Self.awardColumns) FROM award
                WHERE teacherId = ? AND issued <= ? AND \(Self.notRevoked("award")) ORDER BY issued, level
                """, [.text(teacherId), .text(d)]
            ).map(award)
            let counted = Self.counted
            var attendance = try s.rows(
                """
                SELECT c.track, c.category, a.date, a.hoursTenths, a.result = ?
                FROM attendance a JOIN course c ON c.id = a.courseId
                WHERE a.teacherId = ? AND a.date <= ? AND \(counted.sql) ORDER BY a.courseId
                """, [.text(CourseResult.pass.rawValue), .text(teacherId), .text(d)] + counted.values
            ).map { r in
                CountedAttendance(
                    track: try r.string(0), category: try r.string(1), date: try r.text(2).flatMap { Day($0) },
                    tenths: try r.int(3) ?? 0, pass: try r.bool(4))
            }
            if !counting.isEmpty {
                let entered = Self.enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: true)
                attendance += try s.rows(
                    """
                    SELECT c.track, c.category, e.date, e.hoursTenths, e.result = ?
                    FROM attendanceEntry e JOIN course c ON c.id = e.courseId
                    WHERE e.teacherId = ? AND e.date <= ? AND \(entered.sql) ORDER BY e.courseId
                    """, [.text(CourseResult.pass.rawValue), .text(teacherId), .text(d)] + entered.values
                ).map { r in
                    CountedAttendance(
                        track: try r.string(0), category: try r.string(1), date: try r.text(2).flatMap { Day($0) },
                        tenths: try r.int(3) ?? 0, pass: try r.bool(4))
                }
            }
            let pending = Self.enteredCondition(on: "e", counting: counting, inCounting: false, statusRule: false)
            let uncounted = try entries(
                s, whereClause: "WHERE e.teacherId = ? AND e.date <= ? AND \(pending.sql)",
                [.text(RecordState.returned.rawValue), .text(RecordState.returned.rawValue), .text(teacherId), .text(d)]
                    + pending.values)
            let practice = try practiceTotals(s, asOf: asOf, selection: TeacherSelection(), teacher: teacherId)
            return TeacherTrainingRecord(
                teacher: t, awards: awards, attendance: attendance, practice: practice, uncounted: uncounted)
        }
    }

    /// One `district`, or the whole store, is read in at most `parts` ranges of teacher ids at once, each on its
    /// own connection from one exported snapshot (``partedReading(split:_:)``), and computed at once as it
    /// arrives, as the SQLite store does. Each range reads its teachers' attendance summaries by key (migration
    /// v13), so the ranges of the whole store no longer each scan the whole attendance table, and the province's
    /// certification rules run on every core instead of one. A school, or a selection too small to cut, is one part.
    public func certificationReadings<T: Sendable>(
        asOf: Day, school: String?, district: String?, includeInactive: Bool, counting: [RecordState], parts: Int,
        withSchools: Bool, _ compute: @escaping @Sendable (CertificationReading) throws -> T
    ) throws -> [T] {
        let reader = replica ?? self
        let whole = TeacherSelection(school: school, district: district, includeInactive: includeInactive)
        let split: (PostgresSession, Bool) throws -> [TeacherSelection] = { s, cut in
            school == nil && cut && parts > 1 ? try Self.split(whole, s, parts: parts) : [whole]
        }
        return try reader.partedReading(split: split) { s, selection, i in
            try compute(
                try reader.certificationReading(
                    s, asOf: asOf, selection: selection, counting: counting, withSchools: withSchools && i == 0))
        }
    }

    /// `selection` (a whole store or a district) cut into `parts` ranges of teacher ids of about the same size,
    /// as the SQLite store cuts them; itself alone when there are fewer than 500 teachers a part.
    ///
    /// A district's first and last ranges are closed at its own first id and at the store's next id after its last
    /// one: an open end would make the server walk every later (or earlier) district's teachers too.
    private static func split(_ selection: TeacherSelection, _ s: PostgresSession, parts: Int) throws -> [TeacherSelection] {
        let filter = selection.district == nil ? "" : " WHERE schoolId IN (SELECT id FROM school WHERE district = ?)"
        let values: [PostgresValue] = selection.district.map { [.text($0)] } ?? []
        // One pass over the selection's ids: how many, the first, the last, and the ids at each part's start.
        let fractions = (1..<parts).map { "\(Double($0) / Double(parts))" }.joined(separator: ", ")
        guard
            let row = try s.rows(
                """
                SELECT COUNT(*), MIN(id), MAX(id), percentile_disc(ARRAY[\(fractions)]::float8[]) WITHIN GROUP (ORDER BY id)
                FROM teacher\(filter)
                """, values
            ).first, let count = try row.int(0), count >= parts * 500, let first = try row.text(1), let last = try row.text(2)
        else { return [selection] }
        let starts = try row[3].decode([String].self)
        guard starts.count == parts - 1 else { return [selection] }
        var bounds: [String?] = [first] + starts
        if selection.district == nil {
            bounds[0] = nil
            bounds.append(nil)
        } else {
            bounds.append(try s.rows("SELECT MIN(id) FROM teacher WHERE id > ?", [.text(last)])[0].text(0))
        }
        return (0..<parts).map { i in
            var part = selection
            part.from = bounds[i]
            part.below = bounds[i + 1]
            return part
        }
    }

    private func certificationReading(
        _ s: PostgresSession, asOf: Day, selection: TeacherSelection, counting: [RecordState],
        withSchools: Bool
    ) throws -> CertificationReading {
        var schools: [SchoolName]?
        if withSchools {
            if let school = selection.school {
                let sc = try requireSchool(school, s)
                schools = [SchoolName(id: sc.id, name: sc.name)]
            } else if let district = selection.district {
                schools = try s.rows("SELECT id, name FROM school WHERE district = ? ORDER BY id", [.text(district)]).map {
                    SchoolName(id: try $0.string(0), name: try $0.string(1))
                }
            } else {
                schools = try s.rows("SELECT id, name FROM school ORDER BY id").map {
                    SchoolName(id: try $0.string(0), name: try $0.string(1))
                }
            }
        }
        let d = asOf.description
        var teacherSQL = "SELECT \(Self.teacherColumns) FROM teacher WHERE TRUE"
        var teacherValues: [PostgresValue] = []
        if let school = selection.school {
            teacherSQL += " AND schoolId = ?"
            teacherValues.append(.text(school))
        }
        if let district = selection.district {
            teacherSQL += " AND schoolId IN (SELECT id FROM school WHERE district = ?)"
            teacherValues.append(.text(district))
        }
        let range = Self.idRange(on: "id", selection)
        teacherSQL += range.sql
        teacherValues += range.values
        if !selection.includeInactive {
            teacherSQL += " AND status = ?"
            teacherValues.append(.text(TeacherStatus.active.rawValue))
        }
        let teachers = try s.rows(teacherSQL + " ORDER BY schoolId, id", teacherValues).map(teacher)
        let scope = Self.scope(on: "teacherId", selection)
        let awards = try s.rows(
            """
            SELECT \(Self.awardColumns) FROM award
            WHERE issued <= ? AND \(Self.notRevoked("award"))\(scope.sql) ORDER BY teacherId, level, issued
            """, [.text(d)] + scope.values
        ).map(award)
        var attendance: [String: [TrackedAttendance]] = [:]
        try trackedAttendance(s, asOf: asOf, selection: selection, into: &attendance)
        if !counting.isEmpty {
            let entered = Self.enteredCondition(on: "e", counting: counting, inCounting: true, statusRule: true)
            let eScope = Self.scope(on: "e.teacherId", selection)
            let more = try s.sequentialRows(
                """
                SELECT e.teacherId, c.track, e.date, e.hoursTenths, e.result = ?
                FROM attendanceEntry e JOIN course c ON c.id = e.courseId
                WHERE c.track IN (?, ?, ?, ?) AND e.date <= ? AND \(entered.sql)\(eScope.sql)
                ORDER BY e.teacherId, e.courseId
                """,
                [.text(CourseResult.pass.rawValue)] + [Track.A, .B, .C, .cpd].map { .text($0.rawValue) }
                    + [.text(d)] + entered.values + eScope.values)
            try Self.collect(more, into: &attendance)
        }
        let practice = try practiceTotals(s, asOf: asOf, selection: selection, teacher: nil)
        return CertificationReading(
            teachers: teachers, awards: awards, attendance: attendance, practice: practice,
            schools: schools)
    }

    /// Appends rows of (teacher id, track, date, tenths, pass), sorted by teacher id, to each teacher's list, in
    /// their order; rows of another track or without a readable date are left out. The rows are decoded in column
    /// order and each teacher's list is looked up once (a district's coverage reads millions of them).
    private static func collect(_ rows: [PostgresRow], into attendance: inout [String: [TrackedAttendance]]) throws {
        var teacher: String?
        var list: [TrackedAttendance] = []
        func keep() {
            guard let teacher, !list.isEmpty else { return }
            attendance[teacher, default: []].append(contentsOf: list)
        }
        for r in rows {
            let (id, trackText, dateText, tenths, pass) = try r.decode((String, String, String?, Int?, Bool).self)
            guard let track = Track(rawValue: trackText), let date = dateText.flatMap({ Day($0) }) else { continue }
            if id != teacher {
                keep()
                teacher = id
                list = []
            }
            list.append(TrackedAttendance(track: track, date: date, tenths: tenths ?? 0, pass: pass))
        }
        keep()
    }

    /// Entered records (`attendanceEntry` under `alias`) whose record state is one of `counting` (`inCounting`) or
    /// none of them, with RULES.md's status and result rule when `statusRule`, leaving out any whose teacher and
    /// course the district's feed holds (the SQLite store's condition).
    static func enteredCondition(
        on alias: String, counting: [RecordState], inCounting: Bool,
        statusRule: Bool
    ) -> (sql: String, values: [PostgresValue]) {
        let feed =
            "NOT EXISTS (SELECT 1 FROM attendance f "
            + "WHERE f.teacherId = \(alias).teacherId AND f.courseId = \(alias).courseId)"
        guard !counting.isEmpty else { return (inCounting ? "FALSE" : feed, []) }
        let list = "(" + counting.map { _ in "?" }.joined(separator: ", ") + ")"
        var sql = "\(alias).state \(inCounting ? "IN" : "NOT IN") \(list) AND \(feed)"
        var values: [PostgresValue] = counting.map { .text($0.rawValue) }
        if statusRule {
            sql += " AND \(alias).status IN (?, ?) AND \(alias).result <> ?"
            values += counted.values
        }
        return (sql, values)
    }

    /// `AND …` conditions limiting a teacher id column to the selection's range of ids (a part of a read).
    static func idRange(on column: String, _ selection: TeacherSelection) -> (sql: String, values: [PostgresValue]) {
        var sql = ""
        var values: [PostgresValue] = []
        if let from = selection.from {
            sql += " AND \(column) >= ?"
            values.append(.text(from))
        }
        if let below = selection.below {
            sql += " AND \(column) < ?"
            values.append(.text(below))
        }
        return (sql, values)
    }

    /// `AND …` conditions limiting a teacher id column to the selection (or to one `teacher`).
    private static func scope(
        on column: String, _ selection: TeacherSelection,
        teacher: String? = nil
    ) -> (sql: String, values: [PostgresValue]) {
        var sql = ""
        var values: [PostgresValue] = []
        if let teacher {
            sql += " AND \(column) = ?"
            values.append(.text(teacher))
        }
        let range = idRange(on: column, selection)
        sql += range.sql
        values += range.values
        if let school = selection.school {
            sql += " AND \(column) IN (SELECT id FROM teacher WHERE schoolId = ?)"
            values.append(.text(school))
        }
        if let district = selection.district {
            sql +=
                " AND \(column) IN (SELECT t.id FROM school s JOIN teacher t ON t.schoolId = s.id WHERE s.district = ?)"
            values.append(.text(district))
        }
        return (sql, values)
    }

    /// Practice totals per teacher up to a date (counseling tenths, feed lesson periods, and scheduled lessons
    /// recorded given on or before the date, on days the feed has none).
    private func practiceTotals(
        _ s: PostgresSession, asOf: Day, selection: TeacherSelection,
        teacher: String?
    ) throws -> PracticeTotals {
        let d = asOf.description
        func sums(_ sql: String, _ values: [PostgresValue]) throws -> [String: Int] {
            var m: [String: Int] = [:]
            for r in try s.sequentialRows(sql, values) {
                let (id, n) = try r.decode((String, Int?).self)
                m[id] = n ?? 0
            }
            return m
        }
        var p = PracticeTotals()
        let plain = Self.scope(on: "teacherId", selection, teacher: teacher)
        p.counseling = try sums(
            """
            SELECT teacherId, SUM(hoursTenths)::bigint FROM counseling WHERE date <= ?\(plain.sql) GROUP BY teacherId
            """, [.text(d)] + plain.values)
        p.feedPeriods = try sums(
            """
            SELECT teacherId, SUM(periods)::bigint FROM lessonPractice WHERE date <= ?\(plain.sql) GROUP BY teacherId
            """, [.text(d)] + plain.values)
        let delivered = Self.scope(on: "r.teacherId", selection, teacher: teacher)
        p.scheduledPeriods = try sums(
            """
            SELECT r.teacherId, COUNT(*) FROM deliveryRecord r
            WHERE r.kind = ? AND r.given AND r.date <= ?\(delivered.sql)
              AND r.id = (SELECT MAX(x.id) FROM deliveryRecord x
                WHERE x.schoolId = r.schoolId AND x.classId = r.classId AND x.date = r.date AND x.period = r.period)
              AND NOT EXISTS (SELECT 1 FROM lessonPractice p WHERE p.teacherId = r.teacherId AND p.date = r.date)
            GROUP BY r.teacherId
            """, [.text(SessionKind.lesson.rawValue), .text(d)] + delivered.values)
        return p
    }
}
