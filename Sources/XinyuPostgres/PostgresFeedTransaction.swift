import Dispatch
import NIOConcurrencyHelpers
import NIOCore
import PostgresNIO
import XinyuCore

/// The PostgreSQL store's ``FeedTransaction``: the feed's session inside its transaction. Submitted batches are
/// loaded set-based (``PostgresBulkLoad``): with ``PostgresBulkLoad/unnest`` (the default) each kind's records of
/// a batch, deduplicated by key, go in one `INSERT … SELECT FROM unnest(column arrays) ON CONFLICT DO UPDATE`;
/// with ``PostgresBulkLoad/copy`` each record kind's records go by `COPY` into a temporary staging table (dropped
/// at the transaction's end) as batches come, and one `INSERT … SELECT DISTINCT ON (key) … ON CONFLICT DO UPDATE`
/// per kind (the later record of a key wins) moves them into the store before any other
/// statement of the transaction and at its commit, kinds in the order their references need (teachers and
/// courses before the records that refer to them).
///
/// The feed's records of the tables whose references are checked by triggers (migration v10) skip those triggers
/// and are checked once, set-based, by ``finish()`` before the commit (migration v12); so are the attendance
/// summary's triggers, whose work ``finish()`` does once for the feed's teachers (migration v13), except for the
/// new teachers whose summary rows the importer wrote itself (``summarized``). With
/// ``PostgresBulkLoad/unnest`` the records of teachers this transaction inserted go by `COPY` straight into their
/// table until a second batch names the teacher (``newTeachers``): no stored row can have their keys, so neither
/// `ON CONFLICT`'s index probe nor the `unnest` arrays' parsing and the statement's planning are needed.
/// Attendance records are stored one row per teacher since migration v14 (``attendanceByTeacher``; `attendance` is
/// a view): a new teacher's records go as one such row, a stored teacher's through `xinyu_merge_attendance`.
///
/// The `unnest` upserts and the `COPY`s are sent without waiting (at most ``inFlightLimit`` at once), so that the
/// importer reads and checks the next records while the server writes the last ones; every other statement of the
/// transaction (``flush()``, which each of them calls first) waits for them, and the first one's error is thrown
/// there or by the next ``submit(_:)``.
///
/// A batch is packed and sent on a queue of the transaction's own (``packer``), at most ``batchesAhead`` behind the
/// caller, so that the importer reads the next records of the feed while the last ones are packed: packing was
/// two fifths of the importer's CPU time in a district's import, on the one thread that also reads the XML. Every
/// method but ``submit(_:)`` first waits for the queue (``flush()``), so the session and the transaction's state are
/// used by one thread at a time: the packer between a submit and the next wait, the caller otherwise. The store
/// calls ``waitForPacking()`` before it ends the transaction, whatever the importer's answer.
final class PostgresFeedTransaction: FeedTransaction, @unchecked Sendable {
    private let s: PostgresSession
    private let bulkLoad: PostgresBulkLoad
    /// The district whose lock the transaction holds (``PostgresStore/writing(district:_:)``), or nil under the
    /// store's write lock.
    private let district: Int?
    /// The staging tables this transaction made (each dropped at its commit or rollback).
    private var staged: Set<String> = []
    /// The kinds with staged records not yet moved into the store.
    private var pending: Set<RecordBatch.Kind> = []
    /// The number of the next staged record: the later of two records of a key wins.
    private var sequence = 0
    /// The `unnest` upserts and the new teachers' `COPY`s sent and not yet waited for, oldest first.
    private var inFlight: [EventLoopFuture<Void>] = []
    /// The teachers and courses the feed's records name, checked once at ``finish()`` (migration v12).
    private var references = FeedReferenceKeys()
    /// Teachers this transaction inserted (none of that id was stored before it): no stored row can refer to one,
    /// and another transaction cannot see one, so their records need no `ON CONFLICT` until the feed sends a
    /// second batch of the kind for the teacher (``sentTeachers``).
    private var newTeachers: Set<String> = []
    /// Per record kind, the teachers with records of that kind sent by earlier batches.
    private var sentTeachers: [RecordBatch.Kind: Set<String>] = [:]
    /// The tracks of the feed's courses, which new teachers' attendance summaries are packed with.
    private let tracks = CourseTracks()
    /// The courses the feed's attendance records named so far (``references`` holds them).
    private let namedCourses = NamedCourses()
    /// The new teachers whose attendance summary rows the importer wrote (``UnnestArrays/summaries``) and no later
    /// batch named again: ``finish()`` leaves them out of the server's rebuild.
    private var summarized: Set<String> = []
    /// Whether this transaction told the reference and attendance summary triggers that it does their work at
    /// its commit.
    private var checksAtCommit = false
    /// How many upserts or `COPY`s may be on their way at once: a batch sends up to three (a new teachers' `COPY`,
    /// their attendance summaries' `COPY`, an upsert), and the server should have a whole batch still to write
    /// while the importer packs the next.
    static let inFlightLimit = 4
    /// The queue that packs and sends submitted batches, one at a time in the order they came.
    private let packer = DispatchQueue(label: "xinyu.postgres.feed-packer")
    /// Room for the batches submitted and not yet packed: ``submit(_:)`` waits when ``batchesAhead`` are.
    private let room = DispatchSemaphore(value: batchesAhead)
    /// How many batches may wait to be packed: enough to keep the packer busy, few enough to keep memory flat.
    static let batchesAhead = 2
    /// The first error of a batch packed or sent on the queue: the batches after it are dropped, and it is thrown
    /// by the next ``submit(_:)`` or ``flush()``.
    private let packingError = NIOLockedValueBox<Error?>(nil)
    private static let order: [RecordBatch.Kind] = [.teacher, .homeroom, .course, .attendance, .counseling, .lesson, .award]

    init(_ s: PostgresSession, bulkLoad: PostgresBulkLoad = .default, district: Int? = nil) {
        self.s = s
        self.bulkLoad = bulkLoad
        self.district = district
    }

    /// Takes the feed id's lock first: of two feeds with one id (in any district's transaction), the second waits
    /// until the first ends and then sees its log row.
    func isImported(feed: String) throws -> Bool {
        try flush()
        try PostgresStore.lock(.feed, text: feed, s)
        let marks = ImportStatus.imported.map { _ in "?" }.joined(separator: ", ")
        return try !s.rows(
            "SELECT 1 FROM importLog WHERE feedId = ? AND status IN (\(marks)) LIMIT 1",
            [.text(feed)] + ImportStatus.imported.map { .text($0.rawValue) }
        ).isEmpty
    }

    func schoolExists(_ id: String) throws -> Bool {
        try flush()
        return try !s.rows("SELECT 1 FROM school WHERE id = ?", [.text(id)]).isEmpty
    }

    /// A stored school's district never changes, so it is read as it is; for an id not stored, the school id's lock
    /// is taken and the row read again, so that of two districts' feeds creating one school id at once the second
    /// sees the first's school once it committed (and rejects its own record). The lock and the second read go
    /// together, in one round trip: the read runs once the lock is granted, with a snapshot of its own.
    func schoolDistrict(_ id: String) throws -> String? {
        try flush()
        let sql = "SELECT district FROM school WHERE id = ?"
        if let d = try s.rows(sql, [.text(id)]).first?.string(0) { return d }
        let locked = PostgresStore.sendLock(.school, text: id, s)
        let district: String?
        do {
            district = try s.rows(sql, [.text(id)]).first?.string(0)
        } catch {
            try s.wait(locked)  // the lock's own error (a lock timeout), not the aborted transaction's
            throw error
        }
        try s.wait(locked)
        return district
    }

    func teacherExists(_ id: String) throws -> Bool {
        try flush()
        return try !s.rows("SELECT 1 FROM teacher WHERE id = ?", [.text(id)]).isEmpty
    }

    func courseLimits(_ id: String) throws -> CourseLimits? {
        try flush()
        guard let r = try s.rows("SELECT hoursTenths, \"end\" FROM course WHERE id = ?", [.text(id)]).first,
            let end = Day(try r.string(1))
        else { return nil }
        return CourseLimits(hoursTenths: try r.int(0) ?? 0, end: end)
    }

    func classCount(school: String, grade: Int) throws -> Int? {
        try flush()
        return try s.rows("SELECT classes FROM grade WHERE schoolId = ? AND level = ?", [.text(school), .int(grade)])
            .first?.int(0)
    }

    /// The stored awards holding `numbers`, found as every lookup of a batch's ids is (award numbers here, teacher
    /// ids in ``submit(_:)``): `unnest` of the ids `CROSS JOIN LATERAL` a `LIMIT 1` subquery on the unique key, one
    /// index probe per id. A plain join of the ids with the table was planned as a hash join over a scan of the
    /// whole table (a table just loaded has no statistics yet), so each batch's lookup took longer with every
    /// district the store held (65 ms for 1,000 award numbers with three districts stored); the `LIMIT` keeps the
    /// planner from turning the subquery back into that join.
    func awards(holding numbers: [String]) throws -> [StoredAwardNumber] {
        try flush()
        guard !numbers.isEmpty else { return [] }
        return try s.rows(
            """
            SELECT a.teacherId, a.level, a.issued, a.number FROM unnest(?::text[]) AS n(number)
            CROSS JOIN LATERAL (SELECT * FROM award a WHERE a.number = n.number COLLATE "C" LIMIT 1) a
            """,
            [.text(Self.arrayLiteral(numbers.map { PostgresValue.text($0) }))]
        ).map { r in
            StoredAwardNumber(
                teacherId: try r.string(0), level: try r.string(1), issued: try r.string(2),
                number: try r.string(3))
        }
    }

    /// The school's and its grades' upserts are sent without waiting (the next statement of the feed waits for
    /// them, ``flush()``): a district's 390 schools took two round trips each for them.
    func upsertSchool(_ school: School, grades: [Grade]) throws {
        try flush()
        try upsert(
            .school,
            [
                [
                    .text(school.id), .text(school.name), .text(school.stage.rawValue),
                    .bool(school.counselingRoom), .text(school.district),
                ]
            ])
        try upsert(.grade, grades.map { [.text($0.schoolId), .int($0.level), .int($0.classes)] })
    }

    func mergeRosterTeacher(_ t: Teacher, roleGiven: Bool) throws {
        try flush()
        try s.execute(
            """
            INSERT INTO teacher (id, schoolId, name, role, hired, status) VALUES (?, ?, ?, ?, NULL, ?)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, status = excluded.status,
              role = CASE WHEN ? THEN excluded.role ELSE teacher.role END
            """,
            [
                .text(t.id), .text(t.schoolId), .text(t.name), .text(t.role.rawValue), .text(t.status.rawValue),
                .bool(roleGiven),
            ])
    }

    func activeTeacherIds(school: String) throws -> [String] {
        try flush()
        return try s.rows(
            "SELECT id FROM teacher WHERE schoolId = ? AND status = ? ORDER BY id",
            [.text(school), .text(TeacherStatus.active.rawValue)]
        ).map { try $0.string(0) }
    }

    func deactivateTeacher(id: String) throws {
        try flush()
        try s.execute("UPDATE teacher SET status = ? WHERE id = ?", [.text(TeacherStatus.inactive.rawValue), .text(id)])
    }

    func clearHomeroom(teacher: String) throws {
        try flush()
        try s.execute("DELETE FROM homeroom WHERE teacherId = ?", [.text(teacher)])
    }

    /// Hands `batch` to the packer (``pack(_:)``) and returns; waits first while ``batchesAhead`` batches are
    /// waiting. Throws the error of a batch before it.
    func submit(_ batch: RecordBatch) throws {
        guard batch.count > 0 else { return }
        if let error = packingError.withLockedValue({ $0 }) { throw error }
        room.wait()
        packer.async {
            defer { self.room.signal() }
            guard self.packingError.withLockedValue({ $0 }) == nil else { return }
            do {
                try self.pack(batch)
            } catch {
                self.packingError.withLockedValue { $0 = error }
            }
        }
    }

    /// Waits until every batch submitted has been packed and sent (not until the server has written them: see
    /// ``flush()``), and throws the first error of one.
    func waitForPacking() throws {
        packer.sync {}
        if let error = packingError.withLockedValue({ $0 }) { throw error }
    }

    /// Packs a batch and sends it (on ``packer``).
    private func pack(_ batch: RecordBatch) throws {
        if !checksAtCommit {
            try settle()
            _ = try s.rows(
                """
                SELECT set_config('xinyu.feed_references', 'checked at commit', true),
                  set_config('xinyu.attendance_summary', 'refreshed at commit', true)
                """)
            checksAtCommit = true
        }
        switch bulkLoad {
        case .copy:
            let decoded = try Self.decode(batch)
            for kind in Self.order {
                guard let rows = decoded[kind] else { continue }
                if FeedReferenceKeys.kinds.contains(kind) {
                    func named(_ c: Int) -> Set<String> {
                        Set(
                            rows.compactMap { row -> String? in
                                if case .text(let id?) = row[c] { return id }
                                return nil
                            })
                    }
                    references.add(kind, teachers: named(0), courses: kind == .attendance ? named(1) : [])
                }
                try stage(kind, rows)
            }
        case .unnest:
            let arrays = try UnnestArrays(batch, tracks: tracks, courses: namedCourses) { kind, teacher in
                newTeachers.contains(teacher) && !(sentTeachers[kind]?.contains(teacher) ?? false)
            }
            for (kind, named) in arrays.references {
                references.add(kind, teachers: named.teachers, courses: named.courses)
            }
            if !arrays.teacherIds.isEmpty {
                // Waits for the upserts on their way (the teachers come before the records, in few batches).
                try drain(keeping: 0)
                // One probe of the primary key per id (see ``awards(holding:)``).
                let stored = try s.rows(
                    """
                    SELECT t.id FROM unnest(?::text[]) AS n(id)
                    CROSS JOIN LATERAL (SELECT t.id FROM teacher t WHERE t.id = n.id COLLATE "C" LIMIT 1) t
                    """,
                    [.text(Self.arrayLiteral(arrays.teacherIds.sorted().map { PostgresValue.text($0) }))]
                ).map { try $0.string(0) }
                newTeachers.formUnion(arrays.teacherIds.subtracting(stored))
            }
            for kind in Self.order {
                if let data = arrays.plainKinds[kind]?.copyText {
                    if kind == .attendance {
                        try copyNew(Self.attendanceByTeacher.table, Self.attendanceByTeacher.columns, data)
                    } else {
                        try copyNew(kind.columns.table, kind.columns.columns, data)
                    }
                }
                if let columns = arrays.kinds[kind]?.columns {
                    if kind == .attendance { try mergeAttendance(columns) } else { try upsertSet(kind.columns, columns) }
                }
                if let named = arrays.references[kind] { sentTeachers[kind, default: []].formUnion(named.teachers) }
            }
            // A teacher whose row was written and whom a later batch names again is rebuilt at the commit.
            if let named = arrays.references[.attendance]?.teachers {
                summarized.subtract(named.subtracting(arrays.summaries.teachers))
            }
            summarized.formUnion(arrays.summaries.teachers)
            if !arrays.summaries.copyText.isEmpty {
                try copyNew("attendanceSummary", ["teacherId", "packed", "dates"], arrays.summaries.copyText)
            }
        }
    }

    /// Waits for the batches submitted to be packed (``waitForPacking()``), for the upserts on their way, and moves
    /// every staged record into the store; every other statement of the transaction runs after it.
    func flush() throws {
        try waitForPacking()
        try settle()
    }

    /// ``flush()`` without waiting for the packer (which calls it itself).
    private func settle() throws {
        try drain(keeping: 0)
        guard !pending.isEmpty else { return }
        for kind in Self.order where pending.contains(kind) {
            let t = kind.columns
            let stage = Self.stageName(t)
            let columns = t.columns.map(Self.quoted).joined(separator: ", ")
            let key = t.key.map(Self.quoted).joined(separator: ", ")
            let latest = "SELECT DISTINCT ON (\(key)) \(columns) FROM \(stage) ORDER BY \(key), xinyu_seq DESC"
            if kind == .attendance {
                // A view (migration v14): merged a group of teachers per call, about 4,096 records each.
                let aggregates = t.columns.map { "array_agg(\(Self.quoted($0)))" }.joined(separator: ", ")
                try s.execute(
                    "SELECT xinyu_merge_attendance(\(aggregates)) FROM (\(latest)) n"
                        + " GROUP BY (hashtext(n.teacherId) & 2147483647) % \(max(1, sequence / 4096))")
            } else {
                try s.execute("INSERT INTO \(t.table) (\(columns)) " + latest + Self.onConflict(t))
            }
            try s.execute("TRUNCATE \(stage)")
        }
        pending = []
    }

    /// What the transaction does before its commit: ``flush()``, then the reference check of every record
    /// submitted (migration v12), one statement per table: the referenced teachers and courses are locked
    /// `FOR KEY SHARE`, and a missing one fails the feed with the foreign key's error (SQLSTATE 23503); then the
    /// attendance summary of every teacher the feed's attendance records name is rebuilt (migration v13), once,
    /// except the new teachers whose rows the importer wrote (``summarized``). The teachers this transaction
    /// inserted (``newTeachers``) are left out of the check: they are stored, and no other transaction can see
    /// them, let alone delete them, before the commit; locking them was most of the check's time in a district's
    /// first import (40,000 teachers locked once per table).
    func finish() throws {
        try flush()
        for kind in FeedReferenceKeys.kinds {
            let teachers = (references.teachers[kind] ?? []).subtracting(newTeachers)
            let courses = references.courses[kind] ?? []
            guard !teachers.isEmpty || !courses.isEmpty else { continue }
            _ = try s.rows(
                "SELECT xinyu_lock_references(?, ?::text[], ?::text[])",
                [
                    .text(kind.columns.table.lowercased()),
                    .text(Self.arrayLiteral(teachers.sorted().map { PostgresValue.text($0) })),
                    .text(Self.arrayLiteral(courses.sorted().map { PostgresValue.text($0) })),
                ])
        }
        if let teachers = references.teachers[.attendance]?.subtracting(summarized), !teachers.isEmpty {
            _ = try s.rows(
                "SELECT xinyu_summarize_attendance(?::text[])",
                [.text(Self.arrayLiteral(teachers.sorted().map { PostgresValue.text($0) }))])
        }
        references = FeedReferenceKeys()
        summarized = []
    }

    func logAttempt(_ entry: ImportLogEntry) throws {
        try flush()
        try PostgresStore.insertLog(entry, s)
    }

    func recordChange() throws {
        try flush()
        if let district {
            try PostgresStore.recordChange(district: district, s)
        } else {
            try PostgresStore.recordChange(s)
        }
    }

    /// Rows keyed by their first `key` values (every kind's key columns come first), the last record of each key
    /// kept, in the order their keys first came: what ``UnnestArrays`` keeps (tests compare the two).
    static func lastOfEachKey(_ rows: [[PostgresValue]], key: Int) -> [[PostgresValue]] {
        var index: [[PostgresValue].SubSequence: Int] = [:]
        var out: [[PostgresValue]] = []
        out.reserveCapacity(rows.count)
        for row in rows {
            let k = row.prefix(key)
            if let i = index[k] {
                out[i] = row
            } else {
                index[k] = out.count
                out.append(row)
            }
        }
        return out
    }

    /// Sends the upserts of `rows` into the table in multi-row statements (at most 30 000 arguments each), without
    /// waiting for them (at most ``inFlightLimit`` on their way).
    private func upsert(_ t: TableColumns, _ rows: [[PostgresValue]]) throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / t.columns.count)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            try drain(keeping: Self.inFlightLimit - 1)
            inFlight.append(s.send(numbered: Self.upsertSQL(t, rows: chunk.count), chunk.flatMap { $0 }).map { _ in })
            start += chunk.count
        }
    }

    /// The integer columns of the batch kinds' tables (every other column of theirs is text).
    static let integerColumns: Set<String> = [
        "hoursTenths", "tier", "mode", "capacity", "periods", "grade",
        "classNumber",
    ]

    /// Upserts rows (keys distinct) in one statement: each column is one array argument (an array literal of
    /// ``UnnestArrays``, in the table's column order), and `unnest` turns the arrays back into rows.
    private func upsertSet(_ t: TableColumns, _ literals: [String]) throws {
        var arrays: [PostgresValue] = []
        var casts: [String] = []
        for (i, column) in t.columns.enumerated() {
            let integer = Self.integerColumns.contains(column)
            casts.append("$\(i + 1)::\(integer ? "bigint" : "text")[]")
            arrays.append(.text(literals[i]))
        }
        let columns = t.columns.map(Self.quoted).joined(separator: ", ")
        try drain(keeping: Self.inFlightLimit - 1)
        inFlight.append(
            s.send(
                numbered: "INSERT INTO \(t.table) (\(columns)) SELECT * FROM unnest(\(casts.joined(separator: ", ")))"
                    + Self.onConflict(t), arrays
            ).map { _ in })
    }

    /// The table the feed's attendance records are stored in, one row per teacher (migration v14): `attendance` is
    /// a view of it.
    static let attendanceByTeacher = (
        table: "attendanceByTeacher", columns: ["teacherId", "courseIds", "hoursTenths", "statuses", "results", "dates"]
    )

    /// Upserts attendance records (keys distinct; ``UnnestArrays``' literals in `attendance`'s column order) with
    /// `xinyu_merge_attendance` (migration v14), sent without waiting as the upserts are.
    private func mergeAttendance(_ literals: [String]) throws {
        let casts = TableColumns.attendance.columns.enumerated().map { i, column in
            "$\(i + 1)::\(Self.integerColumns.contains(column) ? "bigint" : "text")[]"
        }
        try drain(keeping: Self.inFlightLimit - 1)
        inFlight.append(
            s.send(
                numbered: "SELECT xinyu_merge_attendance(\(casts.joined(separator: ", ")))", literals.map { .text($0) }
            ).map { _ in })
    }

    /// Loads rows whose keys cannot be stored yet (records of ``newTeachers`` and their attendance summaries, keys
    /// distinct) with `COPY` straight into the table: no staging, no `ON CONFLICT`, no statement to plan. Sent
    /// without waiting, as the upserts.
    private func copyNew(_ table: String, _ columns: [String], _ copyText: [UInt8]) throws {
        try drain(keeping: Self.inFlightLimit - 1)
        inFlight.append(
            s.send(
                copyInto: table.lowercased(), columns: columns.map { $0.lowercased() },
                data: ByteBuffer(bytes: copyText)))
    }

    /// Waits for the oldest upserts and `COPY`s sent until at most `keeping` are on their way. On an error the others
    /// are forgotten (the transaction is rolled back; the server refuses them anyway) and the error is thrown.
    private func drain(keeping: Int) throws {
        while inFlight.count > keeping {
            let sent = inFlight.removeFirst()
            do {
                try s.wait(sent)
            } catch {
                inFlight = []
                throw error
            }
        }
    }

    /// `COPY`s `rows` of `kind` into its staging table (made once per transaction: `CREATE TEMP TABLE … ON COMMIT
    /// DROP` with the kind's columns and the record's number), to be moved by ``flush()``.
    private func stage(_ kind: RecordBatch.Kind, _ rows: [[PostgresValue]]) throws {
        guard !rows.isEmpty else { return }
        let t = kind.columns
        let stage = Self.stageName(t)
        if staged.insert(stage).inserted {
            let columns = t.columns.map(Self.quoted).joined(separator: ", ")
            try s.execute(
                "CREATE TEMP TABLE \(stage) ON COMMIT DROP AS SELECT \(columns), 0::bigint AS xinyu_seq FROM \(t.table)"
                    + " WITH NO DATA")
        }
        var numbered: [[PostgresValue]] = []
        numbered.reserveCapacity(rows.count)
        for row in rows {
            numbered.append(row + [.int(sequence)])
            sequence += 1
        }
        try s.copy(into: stage, columns: t.columns.map { $0.lowercased() } + ["xinyu_seq"], rows: numbered)
        pending.insert(kind)
    }

    static func stageName(_ t: TableColumns) -> String { "xinyu_stage_\(t.table.lowercased())" }

    /// `{"a","b\"c",NULL,12}`: a PostgreSQL array literal of the values (``UnnestArrays`` writes the same from a
    /// batch's bytes; tests compare the two).
    static func arrayLiteral<S: Sequence>(_ values: S) -> String where S.Element == PostgresValue {
        var out = "{"
        var first = true
        for v in values {
            if !first { out += "," }
            first = false
            switch v {
            case .text(let t?):
                out += "\""
                for ch in t.unicodeScalars {
                    if ch == "\"" || ch == "\\" { out += "\\" }
                    out.unicodeScalars.append(ch)
                }
                out += "\""
            case .int(let n?): out += String(n)
            case .bool(let b): out += b ? "t" : "f"
            default: out += "NULL"
            }
        }
        return out + "}"
    }

    static func quoted(_ c: String) -> String { c == "end" ? "\"end\"" : c }

    /// ` ON CONFLICT (key) DO UPDATE SET` every other column.
    static func onConflict(_ t: TableColumns) -> String {
        " ON CONFLICT (" + t.key.map(quoted).joined(separator: ", ") + ") DO UPDATE SET "
            + t.updated.map { "\(quoted($0)) = excluded.\(quoted($0))" }.joined(separator: ", ")
    }

    /// `INSERT … VALUES (…), … ON CONFLICT (key) DO UPDATE SET` every other column.
    static func upsertSQL(_ t: TableColumns, rows: Int) -> String {
        "INSERT INTO \(t.table) (" + t.columns.map(quoted).joined(separator: ", ") + ") VALUES "
            + PostgresQuery.numberedRows(rows, columns: t.columns.count) + onConflict(t)
    }

    /// The batch's records by kind, each record's values in its kind's column order.
    static func decode(_ batch: RecordBatch) throws -> [RecordBatch.Kind: [[PostgresValue]]] {
        let b = batch.bytes
        var out: [RecordBatch.Kind: [[PostgresValue]]] = [:]
        var i = 0
        func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
            let size = MemoryLayout<I>.size
            guard i + size <= b.count else { throw BatchError.truncated }
            var v: I = 0
            for k in 0..<size { v |= I(truncatingIfNeeded: b[i + k]) << (8 * k) }
            i += size
            return v
        }
        for _ in 0..<batch.count {
            guard i < b.count, let kind = RecordBatch.Kind(rawValue: b[i]) else { throw BatchError.truncated }
            i += 1
            var row: [PostgresValue] = []
            row.reserveCapacity(kind.columns.columns.count)
            for _ in kind.columns.columns {
                guard i < b.count else { throw BatchError.truncated }
                let tag = b[i]
                i += 1
                switch tag {
                case 0:
                    let n = Int(try integer(UInt32.self))
                    guard i + n <= b.count else { throw BatchError.truncated }
                    row.append(.text(String(decoding: b[i..<i + n], as: UTF8.self)))
                    i += n
                case 1:
                    row.append(.int(Int(try integer(Int64.self))))
                default:
                    row.append(.text(nil))
                }
            }
            out[kind, default: []].append(row)
        }
        return out
    }

    /// A batch whose bytes do not follow ``RecordBatch``'s format.
    enum BatchError: Error, CustomStringConvertible {
        case truncated
        var description: String { "a record batch ended in the middle of a record" }
    }
}
