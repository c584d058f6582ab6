import Foundation
import GRDB
import XinyuCore

/// The state of one feed being applied inside its single transaction: what was accepted or rejected, small
/// lookup caches (ids known to exist, course hours and end dates), and the queue of the writer thread.
///
/// The connection is private: everything but the writer thread reaches it through ``withConnection(_:)``, which
/// first writes every queued record, so the two threads never use it at once and records keep their order.
/// The upserts are in `ImportSession+Upserts.swift`, the award numbers in ``AwardNumberIndex``.
final class ImportSession {
    /// The feed's connection, inside its transaction; see ``withConnection(_:)``.
    private let db: Database
    let options: ImportOptions
    var accepted = AcceptedCounts()
    var rejected: [RejectedRecord] = []
    var skipped = 0
    var deactivated = 0
    /// Ids known to exist (stored, or upserted by this feed), and what validation needs of known courses; the
    /// upserts keep them up to date.
    var schools = Set<String>()
    var teachers = Set<String>()
    var courses: [String: CourseInfo] = [:]
    /// The fast path's courses by the bytes of their id; emptied when a course is upserted.
    var courseByBytes = ByteKeyMap<CourseInfo>()
    /// Award numbers of the store and of this feed (see ``AwardNumberIndex``).
    var awardNumbers = AwardNumberIndex()
    /// The prepared upserts, by kind and number of rows (see `ImportSession+Upserts.swift`).
    var upserts: [Int: Statement] = [:]
    /// mode="full": the schools the feed lists and every teacher id it mentions.
    var listedSchools = Set<String>()
    var mentionedTeachers = Set<String>()
    /// Records handled so far (progress bar).
    var records = 0
    /// Records the fast paths queued (tests check which path a record took).
    var fastRecords = 0
    /// The feed's `mode` attribute.
    var mode = FeedMode.delta

    init(db: Database, options: ImportOptions) {
        self.db = db
        self.options = options
    }

    /// Runs `body` on the feed's connection once every queued record is written: the one way to the connection
    /// (lookups, upserts run on this thread, the import log row, the commit's bookkeeping).
    func withConnection<T>(_ body: (Database) throws -> T) throws -> T {
        try flushWrites()
        return try body(db)
    }

    // MARK: the writer thread (RecordWriter)

    private var writer: RecordWriter?
    private var batch = RecordWriter.Batch()
    private var lastTeacher: [UInt8] = []

    /// Queues one fully validated attendance record for the writer thread (see ``RecordWriter``); `status` and
    /// `result` index ``FeedRules/statusWords`` and ``FeedRules/resultWords``; `date` is 10 bytes.
    func queueAttendance(teacher: UnsafeBufferPointer<UInt8>, course: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>,
                         tenths: Int, status: Int, result: Int) throws {
        batch.begin(.attendance)
        batch.text(teacher)
        batch.text(course)
        batch.int(tenths)
        batch.text(FeedRules.statusWords[status])
        batch.text(FeedRules.resultWords[result])
        batch.text(UnsafeBufferPointer(start: date, count: 10))
        accepted.attendance += 1
        fastRecords += 1
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
        fastRecords += 1
        try recordQueued()
    }

    /// Queues one record of `kind` whose bound values `fill` appends (the upserts of teachers, courses, awards).
    func queue(_ kind: RecordWriter.Kind, _ fill: (inout RecordWriter.Batch) -> Void) throws {
        batch.begin(kind)
        fill(&batch)
        try recordQueued()
    }

    private func recordQueued() throws {
        if batch.count >= RecordWriter.Batch.capacity { try submitBatch() }
    }

    private func submitBatch() throws {
        guard batch.count > 0 else { return }
        if writer == nil {
            // No writer thread yet, so nothing is being written: the statements are prepared here.
            let kinds = RecordWriter.Kind.allCases
            writer = RecordWriter(single: try kinds.map { try upsert($0, on: db).sqliteStatement },
                                  multi: try kinds.map { try upsert($0, rows: RecordWriter.rowsPerStatement, on: db).sqliteStatement },
                                  connection: db.sqliteConnection!)
        }
        try writer!.submit(batch)
        batch = RecordWriter.Batch()
    }

    /// Writes every queued record; ``withConnection(_:)`` calls it before any other statement runs on the connection.
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
        let found = try withConnection { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM school WHERE id = ?"), arguments: [id]) ?? false
        }
        if found { schools.insert(id) }
        return found
    }

    func teacherExists(_ id: String) throws -> Bool {
        if teachers.contains(id) { return true }
        let found = try withConnection { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM teacher WHERE id = ?"), arguments: [id]) ?? false
        }
        if found { teachers.insert(id) }
        return found
    }

    func course(_ id: String) throws -> CourseInfo? {
        if let c = courses[id] { return c }
        let row = try withConnection { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT hoursTenths, \"end\" FROM course WHERE id = ?"), arguments: [id])
        }
        guard let row, let end = Day(row[1] as String) else { return nil }
        let c = CourseInfo(hours: row[0], end: end, endText: end.description)
        courses[id] = c
        return c
    }

    /// The key (`teacher/level/issued`) of the award holding `number`, if an award has it.
    func awardHolding(number: String) throws -> String? {
        try loadAwardNumbers()
        return awardNumbers.holder(of: number)
    }

    /// Reads the store's award numbers at the first award of the feed (see ``AwardNumberIndex``).
    func loadAwardNumbers() throws {
        guard !awardNumbers.loaded else { return }
        try withConnection { try awardNumbers.load(from: $0) }
    }
}
