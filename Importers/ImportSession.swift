import Foundation
import XinyuCore

/// The state of one feed being applied inside its single transaction: what was accepted or rejected, small
/// lookup caches (ids known to exist, course hours and end dates), and the batch of records being packed for
/// the store.
///
/// Every read and write goes through the store's ``FeedTransaction``, which keeps the batches and its other
/// statements in order. The writes are in `ImportSession+Upserts.swift`, the award numbers in ``AwardNumberIndex``.
final class ImportSession {
    /// The feed's transaction in the store.
    private let store: any FeedTransaction
    let options: ImportOptions
    var accepted = AcceptedCounts()
    var rejected: [RejectedRecord] = []
    var skipped = 0
    var deactivated = 0
    /// Ids known to exist (stored, or upserted by this feed), and what validation needs of known courses; the
    /// upserts keep them up to date.
    var schools = Set<String>()
    /// The district of schools looked up or upserted by this feed (issue #18).
    var schoolDistricts: [String: String] = [:]
    var teachers = Set<String>()
    var courses: [String: CourseInfo] = [:]
    /// The fast path's courses by the bytes of their id; emptied when a course is upserted.
    var courseByBytes = ByteKeyMap<CourseInfo>()
    /// Classes per grade of schools (`school#level`; nil: no such grade), stored or upserted by this feed, for
    /// homeroom checks; the school upserts keep it up to date.
    var classCounts: [String: Int?] = [:]
    /// Award numbers of this feed and the stored holders of those being checked (see ``AwardNumberIndex``).
    var awardNumbers = AwardNumberIndex()
    /// Awards waiting for their number check (``settleAwards()``), in feed order.
    var pendingAwards: [PendingAward] = []
    /// mode="full": the schools the feed lists and every teacher id it mentions.
    var listedSchools = Set<String>()
    var mentionedTeachers = Set<String>()
    /// Records handled so far (progress bar).
    var records = 0
    /// Records the fast paths queued (tests check which path a record took).
    var fastRecords = 0
    /// The feed's `mode` attribute.
    var mode = FeedMode.delta

    init(store: any FeedTransaction, options: ImportOptions) {
        self.store = store
        self.options = options
    }

    // MARK: the batch of records

    private var batch = RecordBatch()
    private var lastTeacher: [UInt8] = []
    /// The teacher whose attendance record filled the batch: the batch waits for the rest of that teacher's run
    /// (up to twice ``RecordBatch/capacity`` records), so that a teacher's records do not straddle two batches and
    /// a store can treat them as one (the PostgreSQL store writes a new teacher's attendance summary from them).
    private var heldFor: [UInt8]?

    /// Queues one fully validated attendance record; `status` and `result` index ``FeedRules/statusWords`` and
    /// ``FeedRules/resultWords``; `date` is 10 bytes.
    func queueAttendance(
        teacher: UnsafeBufferPointer<UInt8>, course: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>,
        tenths: Int, status: Int, result: Int
    ) throws {
        if let held = heldFor, !Self.same(held, teacher) { try submitBatch() }
        batch.begin(.attendance)
        batch.text(teacher)
        batch.text(course)
        batch.int(tenths)
        batch.text(FeedRules.statusWords[status])
        batch.text(FeedRules.resultWords[result])
        batch.text(UnsafeBufferPointer(start: date, count: 10))
        accepted.attendance += 1
        fastRecords += 1
        try recordQueued(teacher: teacher)
    }

    /// Queues one fully validated counseling (`tenths` hours) or lesson (`periods`) record; `date` is 10 bytes.
    func queuePractice(_ kind: RecordBatch.Kind, teacher: UnsafeBufferPointer<UInt8>, date: UnsafePointer<UInt8>, value: Int)
        throws
    {
        precondition(kind != .attendance)
        if heldFor != nil { try submitBatch() }
        batch.begin(kind)
        batch.text(teacher)
        batch.text(UnsafeBufferPointer(start: date, count: 10))
        batch.int(value)
        accepted.practice += 1
        fastRecords += 1
        try recordQueued()
    }

    /// Queues the one record that `fill` packs (an `append` of a record, or `begin` and its values).
    func queue(_ fill: (inout RecordBatch) -> Void) throws {
        if heldFor != nil { try submitBatch() }
        fill(&batch)
        try recordQueued()
    }

    /// Submits a full batch, unless it waits for the rest of `teacher`'s attendance records (``heldFor``).
    private func recordQueued(teacher: UnsafeBufferPointer<UInt8>? = nil) throws {
        guard batch.count >= RecordBatch.capacity else { return }
        if let teacher, batch.count < 2 * RecordBatch.capacity {
            if heldFor == nil { heldFor = Array(teacher) }
            return
        }
        try submitBatch()
    }

    /// Hands the packed records to the store.
    private func submitBatch() throws {
        heldFor = nil
        guard batch.count > 0 else { return }
        try store.submit(batch)
        batch = RecordBatch()
    }

    /// Runs `body` on the store's transaction once every packed record is submitted: the way to every other
    /// statement, so records and statements keep their order (the store flushes what was submitted first).
    func withStore<T>(_ body: (any FeedTransaction) throws -> T) throws -> T {
        try submitBatch()
        return try body(store)
    }

    /// Whether the id bytes `a` and `b` are the same.
    private static func same(_ a: [UInt8], _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let base = b.baseAddress else { return true }
        return a.withUnsafeBufferPointer { sameBytes($0.baseAddress!, base, count: b.count) }
    }

    /// The fast path's teacher check: feeds list a teacher's records together, so the last known teacher is
    /// compared first, without building a string.
    func teacherExists(_ id: UnsafeBufferPointer<UInt8>) throws -> Bool {
        if Self.same(lastTeacher, id) { return true }
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
        let found = try withStore { try $0.schoolExists(id) }
        if found { schools.insert(id) }
        return found
    }

    /// The district the school belongs to, or nil when it is neither stored nor upserted by this feed.
    func schoolDistrict(_ id: String) throws -> String? {
        if let d = schoolDistricts[id] { return d }
        let found = try withStore { try $0.schoolDistrict(id) }
        if let found {
            schoolDistricts[id] = found
            schools.insert(id)
        }
        return found
    }

    func teacherExists(_ id: String) throws -> Bool {
        if teachers.contains(id) { return true }
        let found = try withStore { try $0.teacherExists(id) }
        if found { teachers.insert(id) }
        return found
    }

    func course(_ id: String) throws -> CourseInfo? {
        if let c = courses[id] { return c }
        guard let limits = try withStore({ try $0.courseLimits(id) }) else { return nil }
        let c = CourseInfo(hours: limits.hoursTenths, end: limits.end, endText: limits.end.description)
        courses[id] = c
        return c
    }

    /// Why homeroom `grade-classNumber` cannot be a class of `school` (its grade has fewer classes or is not
    /// stored), or nil when the class exists.
    func homeroomProblem(school: String, grade: Int, classNumber: Int) throws -> String? {
        let key = "\(school)#\(grade)"
        let classes: Int?
        if let cached = classCounts[key] {
            classes = cached
        } else {
            classes = try withStore { try $0.classCount(school: school, grade: grade) }
            classCounts[key] = classes
        }
        guard let classes, classes > 0 else {
            return "homeroom \(grade)-\(classNumber): school \(school) has no class in grade \(grade)"
        }
        guard classNumber <= classes else {
            let count = "\(classes) class\(classes == 1 ? "" : "es")"
            return "homeroom \(grade)-\(classNumber): grade \(grade) of school \(school) has \(count)"
        }
        return nil
    }
}
