import Foundation
import GRDB
import GRDBSQLite
import XinyuCore

/// Which teachers a bulk computation covers: optionally one school, active only unless `includeInactive`, and
/// optionally a half-open range of teacher ids (one part of a district computed in parallel).
struct TeacherSelection: Sendable {
    var school: String?
    var includeInactive: Bool
    var from: String?
    var below: String?

    /// `AND …` conditions on a table's teacher id column (`column`), with their arguments: the id range, and the
    /// school through a subquery on `teacher`. The status is left out: rows of inactive teachers are read and not
    /// used, which is cheaper than the subquery.
    func conditions(on column: String) -> (sql: String, arguments: StatementArguments) {
        var sql = ""
        var args: StatementArguments = []
        if let from { sql += " AND \(column) >= ?"; args += [from] }
        if let below { sql += " AND \(column) < ?"; args += [below] }
        if let school { sql += " AND \(column) IN (SELECT id FROM teacher WHERE schoolId = ?)"; args += [school] }
        return (sql, args)
    }

    /// The same conditions on the `teacher` table itself.
    var teacherConditions: (sql: String, arguments: StatementArguments) {
        var sql = ""
        var args: StatementArguments = []
        if let from { sql += " AND id >= ?"; args += [from] }
        if let below { sql += " AND id < ?"; args += [below] }
        if let school { sql += " AND schoolId = ?"; args += [school] }
        if !includeInactive { sql += " AND status = 'active'" }
        return (sql, args)
    }
}

extension CertificationEngine {
    /// Every teacher's certification picture (sorted by school, then teacher id).
    /// - Parameters:
    ///   - school: only this school's teachers (an unknown school gives an empty list).
    ///   - includeInactive: also inactive teachers (coverage never counts them).
    ///   - explain: false leaves the levels' reasons empty (reports that only count).
    public static func statuses(in db: AppDatabase, asOf: Day, profile: RuleProfile, school: String? = nil,
                                includeInactive: Bool = false, explain: Bool = true) throws -> [TeacherCertStatus] {
        try statuses(in: db, asOf: asOf, profile: profile, school: school, includeInactive: includeInactive,
                     explain: explain, alongWith: { _ in () }).statuses
    }

    /// ``statuses(in:asOf:profile:school:includeInactive:explain:)`` plus whatever `extra` reads, all from the
    /// same committed state of the store.
    ///
    /// A whole district is split into ranges of teacher ids, `parts` of them (by default one per processor core, at
    /// most 4; at least 500 teachers a part, else one pass), computed at once on separate read connections. The reads all start while the writer is held (GRDB's
    /// `spawnConcurrentRead`), so no write of this process can land between them (for another process's commit
    /// in that instant, see `AppDatabase.concurrentReads`).
    public static func statuses<Extra: Sendable>(
        in db: AppDatabase, asOf: Day, profile: RuleProfile, school: String? = nil, includeInactive: Bool = false,
        explain: Bool = true, parts: Int = min(4, ProcessInfo.processInfo.activeProcessorCount),
        alongWith extra: @escaping @Sendable (Database) throws -> Extra
    ) throws -> (extra: Extra, statuses: [TeacherCertStatus]) {
        let whole = TeacherSelection(school: school, includeInactive: includeInactive)
        let bounds = school == nil && parts > 1 ? try db.writer.read { try splitPoints($0, parts: parts) } : []
        guard !bounds.isEmpty else {
            return try db.writer.read { conn in
                (try extra(conn), try statuses(conn, asOf: asOf, profile: profile, selection: whole, explain: explain))
            }
        }
        let ranges = zip([nil] + bounds, bounds + [nil]).map { lower, upper in
            TeacherSelection(school: nil, includeInactive: includeInactive, from: lower, below: upper)
        }
        let results = try db.concurrentReads(parts: ranges.count) { conn, i in
            (i == 0 ? try extra(conn) : nil,
             try statuses(conn, asOf: asOf, profile: profile, selection: ranges[i], explain: explain))
        }
        return (results[0].0!, mergeBySchool(results.map(\.1)))
    }

    /// Each active teacher's effective level (the highest certified level); teachers with none are absent.
    /// `school` limits the work to that school's teachers.
    public static func effectiveLevels(in db: AppDatabase, asOf: Day, profile: RuleProfile,
                                       school: String? = nil) throws -> [String: Level] {
        var out: [String: Level] = [:]
        for s in try statuses(in: db, asOf: asOf, profile: profile, school: school, explain: false) {
            if let l = s.effectiveLevel { out[s.teacherId] = l }
        }
        return out
    }

    /// Teacher ids cutting the teachers into `parts` ranges of about equal size; none when there are fewer than
    /// 500 teachers a part (one pass is quicker than starting the parts).
    static func splitPoints(_ db: Database, parts: Int) throws -> [String] {
        let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teacher") ?? 0
        guard count >= parts * 500 else { return [] }
        return try (1..<parts).map { i in
            try String.fetchOne(db, sql: "SELECT id FROM teacher ORDER BY id LIMIT 1 OFFSET ?", arguments: [count * i / parts])!
        }
    }

    /// Merges lists each sorted by (school, teacher id) into one.
    static func mergeBySchool(_ lists: [[TeacherCertStatus]]) -> [TeacherCertStatus] {
        func before(_ a: TeacherCertStatus, _ b: TeacherCertStatus) -> Bool {
            a.schoolId != b.schoolId ? a.schoolId < b.schoolId : a.teacherId < b.teacherId
        }
        var merged = lists.first ?? []
        for list in lists.dropFirst() {
            var out: [TeacherCertStatus] = []
            out.reserveCapacity(merged.count + list.count)
            var i = 0, j = 0
            while i < merged.count && j < list.count {
                if before(list[j], merged[i]) { out.append(list[j]); j += 1 } else { out.append(merged[i]); i += 1 }
            }
            out.append(contentsOf: merged[i...])
            out.append(contentsOf: list[j...])
            merged = out
        }
        return merged
    }

    /// The statuses of the selected teachers, sorted by school, then id.
    static func statuses(_ db: Database, asOf: Day, profile: RuleProfile, selection: TeacherSelection,
                         explain: Bool) throws -> [TeacherCertStatus] {
        let filter = selection.teacherConditions
        var teachers: [Teacher] = []
        let rows = try db.makeStatement(sql: "SELECT id, schoolId, name, role, hired, status FROM teacher WHERE 1" + filter.sql
                                            + " ORDER BY schoolId, id")
        try rows.setArguments(filter.arguments)
        try RawRows.forEach(rows) { s in
            let id = try RawRows.required(s, 0, "teacher", nil)
            teachers.append(Teacher(id: id, schoolId: try RawRows.required(s, 1, "teacher", id),
                                    name: try RawRows.required(s, 2, "teacher", id), role: try RawRows.word(s, 3, "teacher", id),
                                    hired: try RawRows.day(s, 4, "teacher", id), status: try RawRows.word(s, 5, "teacher", id)))
        }
        let histories = try loadHistories(db, asOf: asOf, selection: selection)
        return teachers.map {
            evaluate(teacher: $0, history: histories[$0.id] ?? TeacherHistory(), asOf: asOf, profile: profile, explain: explain)
        }
    }

    /// Histories of the selected teachers in a fixed number of SQL passes (no per-teacher queries).
    static func loadHistories(_ db: Database, asOf: Day, selection: TeacherSelection) throws -> [String: TeacherHistory] {
        let d = asOf.description
        var out: [String: TeacherHistory] = [:]
        let awardFilter = selection.conditions(on: "teacherId")
        let awards = try db.makeStatement(sql: "SELECT teacherId, level, issued, number, expires FROM award WHERE issued <= ?"
                                               + awardFilter.sql)
        try awards.setArguments([d] + awardFilter.arguments)
        try RawRows.forEach(awards) { s in
            let id = try RawRows.required(s, 0, "award of teacher", nil)
            guard let issued = try RawRows.day(s, 2, "award of teacher", id) else { throw RawRows.bad(s, 2, "award of teacher", id) }
            let a = Award(teacherId: id, level: try RawRows.word(s, 1, "award of teacher", id), issued: issued,
                          number: RawRows.text(s, 3), expires: try RawRows.day(s, 4, "award of teacher", id))
            out[id, default: TeacherHistory()].awards.append(a)
        }
        // One pass over attendance in its key order (teacher, course): counted records dated on or before the
        // date. The track comes from an in-memory map by the bytes of the course id, so a record of another track
        // costs one probe and no Swift string; a teacher's records arrive together and are stored once.
        var trackOf = ByteKeyMap<Track>()
        let courses = try Row.fetchCursor(db, sql: "SELECT id, track FROM course WHERE track IN ('A', 'B', 'C', 'cpd')")
        while let r = try courses.next() {
            if let t = Track(rawValue: r[1]) { trackOf.insert(t, for: r[0] as String) }
        }
        let scan: Statement
        if let school = selection.school {
            scan = try db.makeStatement(sql: """
                SELECT a.teacherId, a.courseId, a.date, a.hoursTenths, a.result = 'pass'
                FROM teacher t JOIN attendance a ON a.teacherId = t.id
                WHERE t.schoolId = ? AND a.date <= ? AND \(Attendance.countedCondition())
                """)
            try scan.setArguments([school, d])
        } else {
            let r = selection.conditions(on: "a.teacherId")
            scan = try db.makeStatement(sql: """
                SELECT a.teacherId, a.courseId, a.date, a.hoursTenths, a.result = 'pass' FROM attendance a
                WHERE a.date <= ? AND \(Attendance.countedCondition())\(r.sql)
                """)
            try scan.setArguments([d] + r.arguments)
        }
        try forEachTeacher(scan, trackOf: trackOf) { id, entries in out[id, default: TeacherHistory()].entries.append(contentsOf: entries) }
        let practiceFilter = selection.conditions(on: "teacherId")
        let practice = try practiceTotals(db, asOf: asOf, filter: practiceFilter.sql, filterArgs: practiceFilter.arguments)
        for (id, v) in practice.counseling { out[id, default: TeacherHistory()].counselingTenths = v }
        for (id, v) in practice.feedPeriods { out[id, default: TeacherHistory()].lessonPeriods += v }
        for (id, v) in practice.scheduledPeriods { out[id, default: TeacherHistory()].lessonPeriods += v }
        return out
    }

    /// Steps `statement` (teacherId, courseId, date, hoursTenths, pass) and hands over each run of one teacher's
    /// rows as that teacher's entries of the tracks in `trackOf` (a teacher seen again later gets a second call).
    private static func forEachTeacher(_ statement: Statement, trackOf: ByteKeyMap<Track>,
                                       _ body: (String, [TeacherHistory.Entry]) -> Void) throws {
        var teacher: [UInt8] = []
        var entries: [TeacherHistory.Entry] = []
        func flush() {
            if !entries.isEmpty { body(String(decoding: teacher, as: UTF8.self), entries) }
            entries.removeAll(keepingCapacity: true)
        }
        try RawRows.forEach(statement) { s in
            guard let course = RawRows.bytes(s, 1), let track = trackOf.find(course), let t = RawRows.bytes(s, 0) else { return }
            if t.count != teacher.count || t.count > 0 && !teacher.withUnsafeBufferPointer({ sameBytes($0.baseAddress!, t.baseAddress!, count: t.count) }) {
                flush()
                teacher = Array(t)
            }
            guard let date = RawRows.bytes(s, 2), let day = Day(utf8: date) else { return }
            entries.append(.init(track: track, date: day, tenths: Int(sqlite3_column_int64(s, 3)), pass: sqlite3_column_int(s, 4) != 0))
        }
        flush()
    }
}
