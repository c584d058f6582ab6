import Foundation
import PostgresNIO
import XinyuCore

/// ``TrainingStore`` on PostgreSQL (issue #15; tables `courseOrigin`, `evidence`, `attendanceEntry`,
/// `recordTransition`): the SQLite store's statements, numbering and orders, so that both engines print the same.
extension PostgresStore {
    /// An instant as the training tables keep it: ISO 8601, UTC, whole seconds (as the SQLite store keeps it).
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    static let sessionColumns = """
        c.id, c.title, c.provider, c.tier, c.mode, c.hoursTenths, c.start, c."end", c.track, c.category, c.capacity,
        o.schoolId, o.source, o.createdBy, o.createdAt
        """

    public func addTraining(_ course: Course, school: String, by actor: String, at: Date) throws -> Course {
        try write { s in
            try requireSchool(school, s)
            var stored = course
            stored.id = try Self.mintCourseId(s, school: school, source: "school")
            try Self.insertCourse(stored, s)
            try Self.insertOrigin(s, course: stored.id, school: school, source: "school", actor: actor, at: at)
            try Self.recordChange(s)
            return stored
        }
    }

    public func trainings(school: String?, from: Day?, to: Day?) throws -> [TrainingSession] {
        try reading { s in
            if let school { try requireSchool(school, s) }
            var sql = """
                SELECT \(Self.sessionColumns)
                FROM courseOrigin o JOIN course c ON c.id = o.courseId WHERE o.source = 'school'
                """
            var values: [PostgresValue] = []
            if let school {
                sql += " AND o.schoolId = ?"
                values.append(.text(school))
            }
            if let from {
                sql += " AND c.\"end\" >= ?"
                values.append(.text(from.description))
            }
            if let to {
                sql += " AND c.start <= ?"
                values.append(.text(to.description))
            }
            return try s.rows(sql + " ORDER BY c.start, c.id", values).map { try session(s, $0) }
        }
    }

    public func training(id: String) throws -> TrainingSession {
        try reading { s in try requireTraining(s, id: id) }
    }

    public func enterAttendance(
        course: String, by actor: String, capacity: String, at: Date,
        _ body: (any AttendanceSheetTransaction) throws -> FeedTransactionEnd
    ) throws {
        let when = Self.timestamp(at)
        try writing { s in
            let session = try requireTraining(s, id: course)
            let transaction = PostgresSheetTransaction(
                s, store: self, courseId: session.course.id, actor: actor, capacity: capacity, at: when)
            switch try body(transaction) {
            case .commit:
                if transaction.changed { try Self.recordChange(s) }
                return ((), true)
            case .rollback:
                return ((), false)
            }
        }
    }

    public func submitTraining(
        _ submission: TrainingSubmission, evidence: StoredEvidence, by actor: String,
        at: Date
    ) throws -> RecordEntry {
        let when = Self.timestamp(at)
        let id: Int64 = try write { s in
            guard
                let teacher = try s.rows("SELECT \(Self.teacherColumns) FROM teacher WHERE id = ?", [.text(submission.teacherId)])
                    .first.map(teacher)
            else { throw StoreError.unknownTeacher(id: submission.teacherId) }
            var course = submission.course
            course.id = try Self.mintCourseId(s, school: teacher.schoolId, source: "submission")
            try Self.insertCourse(course, s)
            try Self.insertOrigin(s, course: course.id, school: teacher.schoolId, source: "submission", actor: actor, at: at)
            try Self.keep(s, evidence)
            guard
                let row = try s.rows(
                    """
                    INSERT INTO attendanceEntry (teacherId, courseId, hoursTenths, status, result, date, note, source, state,
                                                 evidence, enteredBy, enteredAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """,
                    [
                        .text(teacher.id), .text(course.id), .int(course.hoursTenths),
                        .text(AttendanceStatus.completed.rawValue), .text(submission.result.rawValue),
                        .text(course.end.description), .text(submission.note), .text(RecordSource.submission.rawValue),
                        .text(RecordState.submitted.rawValue), .text(evidence.sha256), .text(actor), .text(when),
                    ]
                ).first
            else { throw bad("attendanceEntry", teacher.id, "no id after an insert") }
            let entry = try row.int64(0)
            try Self.appendTransition(
                s, entry: entry, from: nil, to: .submitted, actor: actor, capacity: "teacher", at: when, reason: nil)
            try Self.recordChange(s)
            return entry
        }
        return try recordEntries(RecordFilter(ids: [id]))[0]
    }

    public func resubmitTraining(
        entry id: Int64, _ submission: TrainingSubmission, evidence: StoredEvidence?,
        by actor: String, at: Date
    ) throws -> RecordEntry {
        let when = Self.timestamp(at)
        try write { s in
            guard
                let row = try s.rows(
                    "SELECT courseId, state, source FROM attendanceEntry WHERE id = ? FOR UPDATE", [.int(Int(id))]
                ).first
            else { throw TrainingStoreError.unknownRecord(id: id) }
            let state = RecordState(rawValue: try row.string(1)) ?? .certified
            guard try row.string(2) == RecordSource.submission.rawValue, state == .submitted || state == .returned else {
                throw TrainingStoreError.cannotChange(id: id, state: state)
            }
            var course = submission.course
            course.id = try row.string(0)
            try s.execute(
                """
                UPDATE course SET title = ?, provider = ?, tier = ?, mode = ?, hoursTenths = ?, start = ?, "end" = ?,
                       track = ?, category = ?, capacity = ? WHERE id = ?
                """, Array(Self.courseValues(course).dropFirst()) + [.text(course.id)])
            if let evidence { try Self.keep(s, evidence) }
            try s.execute(
                """
                UPDATE attendanceEntry SET hoursTenths = ?, result = ?, date = ?, note = ?, state = ?,
                       evidence = COALESCE(?, evidence), enteredBy = ?, enteredAt = ? WHERE id = ?
                """,
                [
                    .int(course.hoursTenths), .text(submission.result.rawValue), .text(course.end.description),
                    .text(submission.note), .text(RecordState.submitted.rawValue), .text(evidence?.sha256),
                    .text(actor), .text(when), .int(Int(id)),
                ])
            if state == .returned {
                try Self.appendTransition(
                    s, entry: id, from: .returned, to: .submitted, actor: actor, capacity: "teacher", at: when,
                    reason: nil)
            }
            try Self.recordChange(s)
        }
        return try recordEntries(RecordFilter(ids: [id]))[0]
    }

    public func recordEntries(_ filter: RecordFilter) throws -> [RecordEntry] {
        var conditions: [String] = []
        var values: [PostgresValue] = [.text(RecordState.returned.rawValue), .text(RecordState.returned.rawValue)]
        func list(_ column: String, _ items: [PostgresValue]) {
            conditions.append("\(column) IN (" + items.map { _ in "?" }.joined(separator: ", ") + ")")
            values += items
        }
        if let ids = filter.ids { list("e.id", ids.map { .int(Int($0)) }) }
        if let school = filter.school {
            conditions.append("o.schoolId = ?")
            values.append(.text(school))
        }
        if let teacher = filter.teacher {
            conditions.append("e.teacherId = ?")
            values.append(.text(teacher))
        }
        if let course = filter.course {
            conditions.append("e.courseId = ?")
            values.append(.text(course))
        }
        if let states = filter.states { list("e.state", states.map { .text($0.rawValue) }) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try reading { s in try entries(s, whereClause: whereClause, values) }
    }

    public func moveRecords(
        _ moves: [RecordMove], by actor: String, at: Date,
        reason: String?
    ) throws -> [RecordTransition] {
        guard !moves.isEmpty else { return [] }
        let when = Self.timestamp(at)
        return try write { s in
            var out: [RecordTransition] = []
            for m in moves {
                guard
                    let stored = try s.rows("SELECT state FROM attendanceEntry WHERE id = ?", [.int(Int(m.entry))])
                        .first?.string(0)
                else { throw TrainingStoreError.unknownRecord(id: m.entry) }
                guard stored == m.from.rawValue else {
                    throw TrainingStoreError.stateChanged(
                        id: m.entry, expected: m.from, now: RecordState(rawValue: stored) ?? .certified)
                }
                try s.execute(
                    "UPDATE attendanceEntry SET state = ? WHERE id = ?", [.text(m.to.rawValue), .int(Int(m.entry))])
                out.append(
                    try Self.appendTransition(
                        s, entry: m.entry, from: m.from, to: m.to, actor: actor, capacity: m.capacity, at: when,
                        reason: reason))
            }
            try Self.recordChange(s)
            return out
        }
    }

    public func recordTransitions(entry: Int64?) throws -> [RecordTransition] {
        try reading { s in
            var sql = "SELECT id, entryId, fromState, toState, actor, capacity, at, reason FROM recordTransition"
            var values: [PostgresValue] = []
            if let entry {
                sql += " WHERE entryId = ?"
                values.append(.int(Int(entry)))
            }
            return try s.rows(sql + " ORDER BY id", values).map { r in
                RecordTransition(
                    id: try r.int64(0), entry: try r.int64(1), from: try r.text(2).flatMap(RecordState.init(rawValue:)),
                    to: RecordState(rawValue: try r.string(3)) ?? .submitted, actor: try r.string(4),
                    capacity: try r.string(5), at: try r.string(6), reason: try r.text(7))
            }
        }
    }

    public func evidence(entry: Int64) throws -> StoredEvidence? {
        try reading { s in
            guard
                let row = try s.rows(
                    """
                    SELECT e.evidence, v.mediaType, v.bytes
                    FROM attendanceEntry e LEFT JOIN evidence v ON v.sha256 = e.evidence
                    WHERE e.id = ?
                    """, [.int(Int(entry))]
                ).first
            else { throw TrainingStoreError.unknownRecord(id: entry) }
            guard let sha = try row.text(0), let type = try row.text(1), let bytes = try row.bytes(2) else { return nil }
            return StoredEvidence(sha256: sha, mediaType: type, bytes: bytes)
        }
    }

    // MARK: Helpers inside a transaction

    /// A new course id for `school`, numbered as the SQLite store numbers it (``TrainingStore``).
    static func mintCourseId(_ s: PostgresSession, school: String, source: String) throws -> String {
        let letter = source == "school" ? "T" : "X"
        var n =
            try s.int(
                "SELECT COUNT(*) FROM courseOrigin WHERE schoolId = ? AND source = ?", [.text(school), .text(source)]) + 1
        while true {
            var id = "\(school)-\(letter)\(String(format: "%04d", n))"
            if id.utf8.count > Identifier.maxLength { id = (source == "school" ? "TRN-" : "SUB-") + String(format: "%06d", n) }
            if try s.rows("SELECT 1 FROM course WHERE id = ?", [.text(id)]).isEmpty { return id }
            n += 1
        }
    }

    /// A course's values in the order of the `course` table's columns.
    static func courseValues(_ c: Course) -> [PostgresValue] {
        [
            .text(c.id), .text(c.title), .text(c.provider), .int(c.tier), .int(c.mode),
            .int(c.hoursTenths), .text(c.start.description), .text(c.end.description), .text(c.track.rawValue),
            .text(c.category.rawValue), .int(c.capacity),
        ]
    }

    static func insertCourse(_ c: Course, _ s: PostgresSession) throws {
        try s.execute(
            """
            INSERT INTO course (id, title, provider, tier, mode, hoursTenths, start, "end", track, category, capacity)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, courseValues(c))
    }

    static func insertOrigin(
        _ s: PostgresSession, course: String, school: String, source: String, actor: String,
        at: Date
    ) throws {
        try s.execute(
            "INSERT INTO courseOrigin (courseId, schoolId, source, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
            [.text(course), .text(school), .text(source), .text(actor), .text(timestamp(at))])
    }

    /// Keeps an evidence file once per SHA-256.
    static func keep(_ s: PostgresSession, _ evidence: StoredEvidence) throws {
        try s.execute(
            """
            INSERT INTO evidence (sha256, mediaType, size, bytes) VALUES (?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING
            """,
            [.text(evidence.sha256), .text(evidence.mediaType), .int(evidence.bytes.count), .bytes(evidence.bytes)])
    }

    /// Appends one transition line and returns it.
    @discardableResult
    static func appendTransition(
        _ s: PostgresSession, entry: Int64, from: RecordState?, to: RecordState, actor: String,
        capacity: String, at: String, reason: String?
    ) throws -> RecordTransition {
        let id = try s.int(
            """
            INSERT INTO recordTransition (entryId, fromState, toState, actor, capacity, at, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                .int(Int(entry)), .text(from?.rawValue), .text(to.rawValue), .text(actor), .text(capacity), .text(at),
                .text(reason),
            ])
        return RecordTransition(
            id: Int64(id), entry: entry, from: from, to: to, actor: actor, capacity: capacity, at: at, reason: reason)
    }

    /// The training or submission course `id` with its owner and record counts.
    func requireTraining(_ s: PostgresSession, id: String) throws -> TrainingSession {
        guard
            let row = try s.rows(
                """
                SELECT \(Self.sessionColumns)
                FROM course c LEFT JOIN courseOrigin o ON o.courseId = c.id WHERE c.id = ?
                """, [.text(id)]
            ).first
        else { throw TrainingStoreError.unknownCourse(id: id) }
        guard try row.text(11) != nil else { throw TrainingStoreError.notASchoolTraining(id: id) }
        return try session(s, row)
    }

    /// A row of ``sessionColumns`` with the course's record counts by state.
    private func session(_ s: PostgresSession, _ row: PostgresRandomAccessRow) throws -> TrainingSession {
        let course = try self.course(row)
        var counts = Dictionary(uniqueKeysWithValues: RecordState.allCases.map { ($0.rawValue, 0) })
        for r in try s.rows("SELECT state, COUNT(*) FROM attendanceEntry WHERE courseId = ? GROUP BY state", [.text(course.id)]) {
            counts[try r.string(0)] = try r.int(1) ?? 0
        }
        return TrainingSession(
            course: course, schoolId: try row.string(11), source: try row.string(12), createdBy: try row.string(13),
            createdAt: try row.string(14), records: counts)
    }

    /// The course of a row whose first eleven columns are the `course` table's, in order.
    func course(_ r: PostgresRandomAccessRow) throws -> Course {
        let id = try r.string(0)
        guard let start = try day(r, 6, "course", id), let end = try day(r, 7, "course", id) else {
            throw bad("course", id, "no start or end date")
        }
        return Course(
            id: id, title: try r.string(1), provider: try r.text(2), tier: try r.int(3) ?? 0, mode: try r.int(4) ?? 0,
            hours: Hours(tenths: try r.int(5) ?? 0), start: start, end: end, track: try word(r, 8, "course", id),
            category: try word(r, 9, "course", id), capacity: try r.int(10))
    }

    /// Entered records with their teacher, school and course; `whereClause` filters aliases `e` (entry) and `o`
    /// (the course's origin); `values` start with two `returned` values for the reason's subquery.
    func entries(_ s: PostgresSession, whereClause: String, _ values: [PostgresValue]) throws -> [RecordEntry] {
        try s.rows(
            """
            SELECT e.id, e.teacherId, t.name, o.schoolId, e.courseId, c.title, e.source, e.hoursTenths, e.status, e.result,
                   e.date, e.note, e.state,
                   CASE WHEN e.state = ? THEN (SELECT r.reason FROM recordTransition r
                                               WHERE r.entryId = e.id AND r.toState = ? ORDER BY r.id DESC LIMIT 1) END,
                   e.enteredBy, e.enteredAt, e.evidence
            FROM attendanceEntry e JOIN teacher t ON t.id = e.teacherId JOIN course c ON c.id = e.courseId
                 JOIN courseOrigin o ON o.courseId = e.courseId
            \(whereClause) ORDER BY e.id
            """, values
        ).map { r in
            RecordEntry(
                id: try r.int64(0), teacherId: try r.string(1), teacherName: try r.string(2), schoolId: try r.string(3),
                courseId: try r.string(4), courseTitle: try r.string(5),
                source: RecordSource(rawValue: try r.string(6)) ?? .sheet, hours: Hours(tenths: try r.int(7) ?? 0),
                status: AttendanceStatus(rawValue: try r.string(8)) ?? .completed,
                result: CourseResult(rawValue: try r.string(9)) ?? .none,
                date: Day(try r.string(10)) ?? Day(year: 1900, month: 1, day: 1)!, note: try r.text(11),
                state: RecordState(rawValue: try r.string(12)) ?? .submitted, reason: try r.text(13),
                enteredBy: try r.string(14), enteredAt: try r.string(15), evidence: try r.text(16))
        }
    }
}
