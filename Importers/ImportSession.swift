import Foundation
import GRDB
import XinyuCore

/// The state of one feed being applied inside its single transaction: what was accepted or rejected, small
/// lookup caches (ids known to exist, course hours and end dates), and the prepared upserts.
final class ImportSession {
    let db: Database
    let options: ImportOptions
    var accepted = AcceptedCounts()
    var rejected: [RejectedRecord] = []
    var skipped = 0
    var deactivated = 0
    private var schools = Set<String>()
    private var teachers = Set<String>()
    private var courses: [String: CourseInfo] = [:]
    /// mode="full": the schools the feed lists and every teacher id it mentions.
    var listedSchools = Set<String>()
    var mentionedTeachers = Set<String>()
    /// Records handled so far (progress bar).
    var records = 0
    /// The feed's `mode` attribute.
    var mode = FeedMode.delta

    init(db: Database, options: ImportOptions) {
        self.db = db
        self.options = options
    }

    // MARK: the writer thread (RecordWriter)

    private var writer: RecordWriter?
    private var batch = RecordWriter.Batch()
    private var lastTeacher: [UInt8] = []

    /// The raw values of `AttendanceStatus` and `CourseResult` (tests keep them in step), as the static text the
    /// fast path binds.
    static let statusWords: [StaticString] = ["completed", "partial", "absent", "withdrawn"]
    static let resultWords: [StaticString] = ["pass", "fail", "none"]
    static let resultNone = resultWords.firstIndex { "\($0)" == CourseResult.none.rawValue }!

    /// Queues one fully validated attendance record for the writer thread (see ``RecordWriter``); `status` and
    /// `result` index ``statusWords`` and ``resultWords``; `date` is 10 bytes.
    func queueAttendance(teacher: UnsafeBufferPointer<UInt8>, course: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>,
                         tenths: Int, status: Int, result: Int) throws {
        batch.begin(.attendance)
        batch.text(teacher)
        batch.text(course)
        batch.int(tenths)
        batch.text(ImportSession.statusWords[status])
        batch.text(ImportSession.resultWords[result])
        batch.text(UnsafeBufferPointer(start: date, count: 10))
        accepted.attendance += 1
        try recordQueued()
    }

    /// Queues one fully validated counseling (`tenths` hours) or lesson (`periods`) record; `date` is 10 bytes.
    func queuePractice(_ kind: RecordWriter.Kind, teacher: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>, value: Int) throws {
        precondition(kind != .attendance)
        batch.begin(kind)
        batch.text(teacher)
        batch.text(UnsafeBufferPointer(start: date, count: 10))
        batch.int(value)
        accepted.practice += 1
        try recordQueued()
    }

    private func recordQueued() throws {
        if batch.count >= RecordWriter.Batch.capacity { try submitBatch() }
    }

    private func submitBatch() throws {
        guard batch.count > 0 else { return }
        if writer == nil {
            let kinds = RecordWriter.Kind.allCases
            writer = RecordWriter(single: try kinds.map { try upsert($0).sqliteStatement },
                                  multi: try kinds.map { try upsert($0, rows: RecordWriter.rowsPerStatement).sqliteStatement },
                                  connection: db.sqliteConnection!)
        }
        try writer!.submit(batch)
        batch = RecordWriter.Batch()
    }

    /// Writes every queued record; called before any other statement runs on the connection.
    func flushWrites() throws {
        try submitBatch()
        try writer?.flush()
    }

    /// Ends the writer thread (queued records not yet written are dropped: call ``flushWrites()`` first to keep
    /// them). Called before the feed's transaction ends, whatever the outcome.
    func stopWriter() {
        writer?.stop()
        writer = nil
        batch = RecordWriter.Batch()
    }

    /// The fast path's teacher check: feeds list a teacher's records together, so the last known teacher is
    /// compared first, without building a string.
    func teacherExists(_ id: UnsafeBufferPointer<UInt8>) throws -> Bool {
        if id.count == lastTeacher.count, lastTeacher.withUnsafeBytes({ memcmp($0.baseAddress!, id.baseAddress!, id.count) == 0 }) {
            return true
        }
        guard try teacherExists(String(decoding: id, as: UTF8.self)) else { return false }
        lastTeacher = Array(id)
        return true
    }

    private var courseByBytes = ByteKeyMap<CourseInfo>()
    /// The fast path's course lookup by the bytes of its id.
    func course(_ id: UnsafeBufferPointer<UInt8>) throws -> CourseInfo? {
        if let c = courseByBytes.find(id) { return c }
        guard let c = try course(String(decoding: id, as: UTF8.self)) else { return nil }
        courseByBytes.insert(c, for: id)
        return c
    }

    func reject(_ line: Int, _ column: Int, _ element: String, _ key: String, _ reason: String) {
        rejected.append(RejectedRecord(line: line, column: column, element: element, key: key, reason: reason))
    }

    // MARK: lookups

    func schoolExists(_ id: String) throws -> Bool {
        if schools.contains(id) { return true }
        try flushWrites()
        let found = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM school WHERE id = ?"), arguments: [id]) ?? false
        if found { schools.insert(id) }
        return found
    }

    func teacherExists(_ id: String) throws -> Bool {
        if teachers.contains(id) { return true }
        try flushWrites()
        let found = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM teacher WHERE id = ?"), arguments: [id]) ?? false
        if found { teachers.insert(id) }
        return found
    }

    func course(_ id: String) throws -> CourseInfo? {
        if let c = courses[id] { return c }
        try flushWrites()
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT hoursTenths, \"end\" FROM course WHERE id = ?"),
                                         arguments: [id]),
              let end = Day(row[1] as String) else { return nil }
        let c = CourseInfo(hours: row[0], end: end, endText: end.description)
        courses[id] = c
        return c
    }

    /// The key (`teacher/level/issued`) of the award holding `number`, if an award has it.
    func awardHolding(number: String) throws -> String? {
        try loadAwardNumbers()
        return awardNumbers.byNumber[number]
    }

    /// Award numbers and the awards holding them, both ways: read from the store at the first award of the feed,
    /// then kept up to date by ``upsertAward(_:)``, so that checking a number needs no query (and no flush of
    /// the writer thread). The store's unique index on `number` stays the last guard.
    private var awardNumbers: (loaded: Bool, byNumber: [String: String], byKey: [String: String]) = (false, [:], [:])

    private func loadAwardNumbers() throws {
        guard !awardNumbers.loaded else { return }
        try flushWrites()
        let rows = try Row.fetchCursor(db, sql: "SELECT teacherId, level, issued, number FROM award WHERE number IS NOT NULL")
        while let r = try rows.next() {
            let key = "\(r[0] as String)/\(r[1] as String)/\(r[2] as String)", number: String = r[3]
            awardNumbers.byNumber[number] = key
            awardNumbers.byKey[key] = number
        }
        awardNumbers.loaded = true
    }

    // MARK: upserts (every write of an import goes through these)

    func upsertSchool(_ s: School, grades: [Grade]) throws {
        try flushWrites()
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
        schools.insert(s.id)
        accepted.schools += 1
    }

    /// Queued for the writer thread (its lookups hit the caches updated here).
    func upsertTeacher(_ t: Teacher) throws {
        batch.begin(.teacher)
        batch.text(t.id)
        batch.text(t.schoolId)
        batch.text(t.name)
        batch.text(t.role.rawValue)
        batch.text(t.hired?.description)
        batch.text(t.status.rawValue)
        try recordQueued()
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// IMS persons: a stored teacher keeps its school, role and hire date unless the file names a role.
    func upsertIMSTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try flushWrites()
        try db.cachedStatement(sql: """
            INSERT INTO teacher (id, schoolId, name, role, hired, status) VALUES (?, ?, ?, ?, NULL, ?)
            ON CONFLICT(id) DO UPDATE SET name = excluded.name, status = excluded.status,
              role = CASE WHEN ? THEN excluded.role ELSE teacher.role END
            """).execute(arguments: [t.id, t.schoolId, t.name, t.role.rawValue, t.status.rawValue, roleGiven])
        teachers.insert(t.id)
        accepted.teachers += 1
    }

    /// Queued for the writer thread (its lookups hit the caches updated here).
    func upsertCourse(_ c: Course) throws {
        batch.begin(.course)
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
        try recordQueued()
        courses[c.id] = CourseInfo(hours: c.hoursTenths, end: c.end, endText: c.end.description)
        if courseByBytes.count > 0 { courseByBytes.removeAll() }
        accepted.courses += 1
    }

    /// The prepared upserts the writer thread runs, by kind and number of rows (the ordinary paths run the
    /// one-row ones too, after a flush).
    private var upserts: [Int: Statement] = [:]
    private func upsert(_ kind: RecordWriter.Kind, rows: Int = 1) throws -> Statement {
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

    /// `date` is a validated `YYYY-MM-DD`.
    func upsertAttendance(teacher: String, course: String, hours: Int, status: String, result: String, date: String) throws {
        try flushWrites()
        try upsert(.attendance).execute(arguments: [teacher, course, hours, status, result, date])
        accepted.attendance += 1
    }

    /// Queued for the writer thread; the award numbers known to the session follow.
    func upsertAward(_ a: Award) throws {
        try loadAwardNumbers()
        let key = "\(a.teacherId)/\(a.level.rawValue)/\(a.issued)"
        if let old = awardNumbers.byKey[key] { awardNumbers.byNumber[old] = nil }
        awardNumbers.byKey[key] = a.number
        if let n = a.number { awardNumbers.byNumber[n] = key }
        batch.begin(.award)
        batch.text(a.teacherId)
        batch.text(a.level.rawValue)
        batch.text(a.issued.description)
        batch.text(a.number)
        batch.text(a.expires?.description)
        try recordQueued()
        accepted.awards += 1
    }

    func upsertCounseling(teacher: String, date: Day, hours: Int) throws {
        try flushWrites()
        try upsert(.counseling).execute(arguments: [teacher, date.description, hours])
        accepted.practice += 1
    }

    func upsertLesson(teacher: String, date: Day, periods: Int) throws {
        try flushWrites()
        try upsert(.lesson).execute(arguments: [teacher, date.description, periods])
        accepted.practice += 1
    }

    /// mode="full": active teachers of the listed schools that the feed never mentioned become inactive.
    func deactivateMissingTeachers() throws {
        try flushWrites()
        for school in listedSchools.sorted() {
            let ids = try String.fetchAll(db, sql: "SELECT id FROM teacher WHERE schoolId = ? AND status = 'active'",
                                          arguments: [school])
            for id in ids where !mentionedTeachers.contains(id) {
                try db.execute(sql: "UPDATE teacher SET status = 'inactive' WHERE id = ?", arguments: [id])
                deactivated += 1
            }
        }
    }
}

/// Strict unsigned decimal integer (no sign, no spaces, at most 9 digits).
func parseInt(_ s: String) -> Int? {
    var v = 0, n = 0
    for c in s.utf8 {
        guard c >= 48, c <= 57, n < 9 else { return nil }
        v = v * 10 + Int(c - 48); n += 1
    }
    return n == 0 ? nil : v
}

/// ISO 8601 date-time with an offset, as XML Schema's `xs:dateTime` writes it: `YYYY-MM-DDThh:mm:ss[.f…](Z|±hh:mm)`.
func isDateTimeWithOffset(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard u.count >= 20, Day(String(decoding: u[0..<10], as: UTF8.self)) != nil, u[10] == UInt8(ascii: "T") else { return false }
    func two(_ i: Int, max: Int) -> Bool {
        guard i + 1 < u.count, (48...57).contains(u[i]), (48...57).contains(u[i + 1]) else { return false }
        return Int(u[i] - 48) * 10 + Int(u[i + 1] - 48) <= max
    }
    guard two(11, max: 23), u[13] == UInt8(ascii: ":"), two(14, max: 59) else { return false }
    guard u[16] == UInt8(ascii: ":"), two(17, max: 59) else { return false }
    var i = 19
    if i < u.count, u[i] == UInt8(ascii: ".") {
        i += 1
        let start = i
        while i < u.count, (48...57).contains(u[i]) { i += 1 }
        guard i > start else { return false }
    }
    guard i < u.count else { return false }
    if u[i] == UInt8(ascii: "Z") { return i + 1 == u.count }
    guard u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-"), i + 6 == u.count,
          two(i + 1, max: 23), u[i + 3] == UInt8(ascii: ":"), two(i + 4, max: 59) else { return false }
    return true
}

/// What validation needs to know about a course.
struct CourseInfo {
    var hours: Int
    var end: Day
    var endText: String
}
