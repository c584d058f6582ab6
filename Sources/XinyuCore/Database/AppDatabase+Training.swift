import Foundation
import GRDB

// Issue #15: trainings schools run, sign-in sheets, teachers' submissions and the record states (see TrainingStore).

extension AppDatabase: TrainingStore {
    /// An instant as the training tables keep it: ISO 8601, UTC, whole seconds.
    static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    public func addTraining(_ course: Course, school: String, by actor: String, at: Date) throws -> Course {
        try write("add a training of school \(school)") { db in
            try School.require(db, id: school)
            var stored = course
            stored.id = try Self.mintCourseId(db, school: school, source: "school")
            try stored.insert(db)
            try Self.insertOrigin(db, course: stored.id, school: school, source: "school", actor: actor, at: at)
            try Self.recordChange(db)
            return stored
        }
    }

    public func trainings(school: String?, from: Day?, to: Day?) throws -> [TrainingSession] {
        try reading { db in
            if let school { try School.require(db, id: school) }
            var sql = """
                SELECT c.*, o.schoolId AS originSchool, o.source AS originSource, o.createdBy, o.createdAt
                FROM courseOrigin o JOIN course c ON c.id = o.courseId WHERE o.source = 'school'
                """
            var arguments: StatementArguments = []
            if let school {
                sql += " AND o.schoolId = ?"
                arguments += [school]
            }
            if let from {
                sql += " AND c.\"end\" >= ?"
                arguments += [from]
            }
            if let to {
                sql += " AND c.start <= ?"
                arguments += [to]
            }
            sql += " ORDER BY c.start, c.id"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { try Self.session(db, $0) }
        }
    }

    public func training(id: String) throws -> TrainingSession {
        try reading { db in try Self.requireTraining(db, id: id) }
    }

    public func enterAttendance(
        course: String, by actor: String, capacity: String, at: Date,
        _ body: (any AttendanceSheetTransaction) throws -> FeedTransactionEnd
    ) throws {
        let when = Self.timestamp(at)
        do {
            try withWriteLockNote("import a sign-in sheet of course \(course)") {
                try writer.writeWithoutTransaction { db in
                    // A large sheet touches four indexes: a larger page cache for its transaction, as for feeds.
                    let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                    try db.execute(sql: "PRAGMA cache_size = -32768")
                    defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
                    try db.inTransaction(.immediate) {
                        let session = try Self.requireTraining(db, id: course)
                        let transaction = SQLiteSheetTransaction(
                            db, courseId: session.course.id, actor: actor,
                            capacity: capacity, at: when)
                        switch try body(transaction) {
                        case .commit:
                            if transaction.changed { try Self.recordChange(db) }
                            return .commit
                        case .rollback:
                            return .rollback
                        }
                    }
                }
            }
        } catch {
            throw StoreError.wrapping(error, path: path, waited: busyTimeout)
        }
    }

    public func submitTraining(
        _ submission: TrainingSubmission, evidence: StoredEvidence, by actor: String,
        at: Date
    ) throws -> RecordEntry {
        let when = Self.timestamp(at)
        let id: Int64 = try write("submit a training of teacher \(submission.teacherId)") { db in
            guard let teacher = try Teacher.fetchOne(db, key: submission.teacherId) else {
                throw StoreError.unknownTeacher(id: submission.teacherId)
            }
            var course = submission.course
            course.id = try Self.mintCourseId(db, school: teacher.schoolId, source: "submission")
            try course.insert(db)
            try Self.insertOrigin(db, course: course.id, school: teacher.schoolId, source: "submission", actor: actor, at: at)
            try Self.keep(db, evidence)
            try db.execute(
                sql: """
                    INSERT INTO attendanceEntry (teacherId, courseId, hoursTenths, status, result, date, note, source, state,
                                                 evidence, enteredBy, enteredAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    teacher.id, course.id, course.hoursTenths, AttendanceStatus.completed, submission.result,
                    course.end, submission.note, RecordSource.submission, RecordState.submitted,
                    evidence.sha256, actor, when,
                ])
            let entry = db.lastInsertedRowID
            try Self.appendTransition(
                db, entry: entry, from: nil, to: .submitted, actor: actor, capacity: "teacher",
                at: when, reason: nil)
            try Self.recordChange(db)
            return entry
        }
        return try recordEntries(RecordFilter(ids: [id]))[0]
    }

    public func resubmitTraining(
        entry id: Int64, _ submission: TrainingSubmission, evidence: StoredEvidence?,
        by actor: String, at: Date
    ) throws -> RecordEntry {
        let when = Self.timestamp(at)
        try write("correct submission \(id)") { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT courseId, state, source FROM attendanceEntry WHERE id = ?",
                    arguments: [id])
            else {
                throw TrainingStoreError.unknownRecord(id: id)
            }
            let state = RecordState(rawValue: row[1]) ?? .certified
            guard (row[2] as String) == RecordSource.submission.rawValue, state == .submitted || state == .returned else {
                throw TrainingStoreError.cannotChange(id: id, state: state)
            }
            var course = submission.course
            course.id = row[0]
            try course.update(db)
            if let evidence { try Self.keep(db, evidence) }
            try db.execute(
                sql: """
                    UPDATE attendanceEntry SET hoursTenths = ?, result = ?, date = ?, note = ?, state = ?,
                           evidence = COALESCE(?, evidence), enteredBy = ?, enteredAt = ? WHERE id = ?
                    """,
                arguments: [
                    course.hoursTenths, submission.result, course.end, submission.note, RecordState.submitted,
                    evidence?.sha256, actor, when, id,
                ])
            if state == .returned {
                try Self.appendTransition(
                    db, entry: id, from: .returned, to: .submitted, actor: actor, capacity: "teacher",
                    at: when, reason: nil)
            }
            try Self.recordChange(db)
        }
        return try recordEntries(RecordFilter(ids: [id]))[0]
    }

    public func recordEntries(_ filter: RecordFilter) throws -> [RecordEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = [RecordState.returned, RecordState.returned]
        func list(_ column: String, _ values: [some DatabaseValueConvertible]) {
            conditions.append("\(column) IN (" + values.map { _ in "?" }.joined(separator: ", ") + ")")
            arguments += StatementArguments(values)
        }
        if let ids = filter.ids { list("e.id", ids) }
        if let school = filter.school {
            conditions.append("o.schoolId = ?")
            arguments += [school]
        }
        if let teacher = filter.teacher {
            conditions.append("e.teacherId = ?")
            arguments += [teacher]
        }
        if let course = filter.course {
            conditions.append("e.courseId = ?")
            arguments += [course]
        }
        if let states = filter.states { list("e.state", states.map(\.rawValue)) }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try reading { db in
            try Self.entries(db, whereClause: whereClause, arguments: arguments)
        }
    }

    public func moveRecords(_ moves: [RecordMove], by actor: String, at: Date, reason: String?) throws -> [RecordTransition] {
        guard !moves.isEmpty else { return [] }
        let when = Self.timestamp(at)
        return try write("move \(moves.count) record(s)") { db in
            var out: [RecordTransition] = []
            for m in moves {
                guard
                    let stored = try String.fetchOne(
                        db, sql: "SELECT state FROM attendanceEntry WHERE id = ?",
                        arguments: [m.entry])
                else {
                    throw TrainingStoreError.unknownRecord(id: m.entry)
                }
                let now = RecordState(rawValue: stored) ?? .certified
                guard now == m.from else { throw TrainingStoreError.stateChanged(id: m.entry, expected: m.from, now: now) }
                try db.execute(sql: "UPDATE attendanceEntry SET state = ? WHERE id = ?", arguments: [m.to, m.entry])
                let line = try Self.appendTransition(
                    db, entry: m.entry, from: m.from, to: m.to, actor: actor,
                    capacity: m.capacity, at: when, reason: reason)
                out.append(line)
            }
            try Self.recordChange(db)
            return out
        }
    }

    public func recordTransitions(entry: Int64?) throws -> [RecordTransition] {
        try reading { db in
            var sql = "SELECT id, entryId, fromState, toState, actor, capacity, at, reason FROM recordTransition"
            var arguments: StatementArguments = []
            if let entry {
                sql += " WHERE entryId = ?"
                arguments += [entry]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { r in
                RecordTransition(
                    id: r[0], entry: r[1], from: (r[2] as String?).flatMap(RecordState.init(rawValue:)),
                    to: RecordState(rawValue: r[3]) ?? .submitted, actor: r[4], capacity: r[5], at: r[6],
                    reason: r[7])
            }
        }
    }

    public func evidence(entry: Int64) throws -> StoredEvidence? {
        try reading { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT e.evidence, v.mediaType, v.bytes
                        FROM attendanceEntry e LEFT JOIN evidence v ON v.sha256 = e.evidence
                        WHERE e.id = ?
                        """, arguments: [entry])
            else {
                throw TrainingStoreError.unknownRecord(id: entry)
            }
            guard let sha: String = row[0], let type: String = row[1], let bytes: Data = row[2] else { return nil }
            return StoredEvidence(sha256: sha, mediaType: type, bytes: [UInt8](bytes))
        }
    }

    // MARK: Helpers inside a transaction

    /// A new course id for `school`: `<school>-T0001` (trainings) or `<school>-X0001` (submissions), the next
    /// number not taken; `TRN-…` / `SUB-…` when the school id is too long for an identifier.
    static func mintCourseId(_ db: Database, school: String, source: String) throws -> String {
        let letter = source == "school" ? "T" : "X"
        var n =
            (try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM courseOrigin WHERE schoolId = ? AND source = ?",
                arguments: [school, source]) ?? 0) + 1
        while true {
            var id = "\(school)-\(letter)\(String(format: "%04d", n))"
            if id.utf8.count > Identifier.maxLength { id = (source == "school" ? "TRN-" : "SUB-") + String(format: "%06d", n) }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM course WHERE id = ?", arguments: [id]) == nil { return id }
            n += 1
        }
    }

    static func insertOrigin(_ db: Database, course: String, school: String, source: String, actor: String, at: Date) throws {
        try db.execute(
            sql: "INSERT INTO courseOrigin (courseId, schoolId, source, createdBy, createdAt) VALUES (?, ?, ?, ?, ?)",
            arguments: [course, school, source, actor, timestamp(at)])
    }

    /// Keeps an evidence file once per SHA-256.
    static func keep(_ db: Database, _ evidence: StoredEvidence) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO evidence (sha256, mediaType, size, bytes) VALUES (?, ?, ?, ?)",
            arguments: [evidence.sha256, evidence.mediaType, evidence.bytes.count, Data(evidence.bytes)])
    }

    /// Appends one transition line and returns it.
    @discardableResult
    static func appendTransition(
        _ db: Database, entry: Int64, from: RecordState?, to: RecordState, actor: String,
        capacity: String, at: String, reason: String?
    ) throws -> RecordTransition {
        try db.cachedStatement(
            sql: """
                INSERT INTO recordTransition (entryId, fromState, toState, actor, capacity, at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [entry, from?.rawValue, to, actor, capacity, at, reason])
        return RecordTransition(
            id: db.lastInsertedRowID, entry: entry, from: from, to: to, actor: actor, capacity: capacity,
            at: at, reason: reason)
    }

    /// The training or submission course `id` with its owner and record counts.
    static func requireTraining(_ db: Database, id: String) throws -> TrainingSession {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT c.*, o.schoolId AS originSchool, o.source AS originSource, o.createdBy, o.createdAt
                FROM course c LEFT JOIN courseOrigin o ON o.courseId = c.id WHERE c.id = ?
                """, arguments: [id])
        guard let row else { throw TrainingStoreError.unknownCourse(id: id) }
        guard (row["originSchool"] as String?) != nil else { throw TrainingStoreError.notASchoolTraining(id: id) }
        return try session(db, row)
    }

    private static func session(_ db: Database, _ row: Row) throws -> TrainingSession {
        let course = try Course(row: row)
        var counts = Dictionary(uniqueKeysWithValues: RecordState.allCases.map { ($0.rawValue, 0) })
        let sql = "SELECT state, COUNT(*) FROM attendanceEntry WHERE courseId = ? GROUP BY state"
        for r in try Row.fetchAll(db.cachedStatement(sql: sql), arguments: [course.id]) {
            counts[r[0]] = r[1]
        }
        return TrainingSession(
            course: course, schoolId: row["originSchool"], source: row["originSource"],
            createdBy: row["createdBy"], createdAt: row["createdAt"], records: counts)
    }

    /// Entered records with their teacher, school and course; `whereClause` filters aliases `e` (entry) and `o`
    /// (the course's origin); `arguments` start with two `returned` values for the reason's subquery.
    static func entries(_ db: Database, whereClause: String, arguments: StatementArguments) throws -> [RecordEntry] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT e.id, e.teacherId, t.name, o.schoolId, e.courseId, c.title, e.source, e.hoursTenths, e.status, e.result,
                       e.date, e.note, e.state,
                       CASE WHEN e.state = ? THEN (SELECT r.reason FROM recordTransition r
                                                   WHERE r.entryId = e.id AND r.toState = ? ORDER BY r.id DESC LIMIT 1) END,
                       e.enteredBy, e.enteredAt, e.evidence
                FROM attendanceEntry e JOIN teacher t ON t.id = e.teacherId JOIN course c ON c.id = e.courseId
                     JOIN courseOrigin o ON o.courseId = e.courseId
                \(whereClause) ORDER BY e.id
                """, arguments: arguments
        ).map { r in
            RecordEntry(
                id: r[0], teacherId: r[1], teacherName: r[2], schoolId: r[3], courseId: r[4], courseTitle: r[5],
                source: RecordSource(rawValue: r[6]) ?? .sheet, hours: Hours(tenths: r[7]),
                status: AttendanceStatus(rawValue: r[8]) ?? .completed, result: CourseResult(rawValue: r[9]) ?? .none,
                date: Day(r[10] as String) ?? Day(year: 1900, month: 1, day: 1)!, note: r[11],
                state: RecordState(rawValue: r[12]) ?? .submitted, reason: r[13], enteredBy: r[14],
                enteredAt: r[15], evidence: r[16])
        }
    }
}

extension RecordState: DatabaseValueConvertible {}
extension RecordSource: DatabaseValueConvertible {}
