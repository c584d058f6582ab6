import GRDB
import XinyuCore

/// Certification statuses as of a date, computed from the store and a ``RuleProfile`` (RULES.md).
///
/// Practice toward A counts individual-counseling hours (`counseling`) and psychology periods (`lessonPractice`)
/// dated on or before the date, PLUS delivered scheduled lessons: each `scheduledSession` row of kind `lesson`
/// dated strictly before the date counts one period for its teacher, except on a (teacher, date) that already has
/// a `lessonPractice` row — the feed's record wins, so nothing is counted twice.
///
/// The bulk functions read the store in a fixed number of SQL passes (no per-teacher queries).
public enum CertificationEngine {
    /// One teacher's ledger; an unknown id throws `StoreError.unknownTeacher`.
    public static func ledger(teacherId: String, in db: AppDatabase, asOf: Day, profile: RuleProfile) throws -> TeacherLedger {
        try db.writer.read { db in
            guard let teacher = try Teacher.fetchOne(db, key: teacherId) else { throw StoreError.unknownTeacher(id: teacherId) }
            let d = asOf.description
            var history = TeacherHistory()
            history.awards = try Award.fetchAll(db, sql: "SELECT * FROM award WHERE teacherId = ? AND issued <= ? ORDER BY issued, level",
                                                arguments: [teacherId, d])
            var byTrack: [String: Hours] = Dictionary(uniqueKeysWithValues: Track.allCases.map { ($0.rawValue, Hours.zero) })
            var byCategory: [String: Hours] = Dictionary(uniqueKeysWithValues: XinyuCore.Category.allCases.map { ($0.rawValue, Hours.zero) })
            var total = Hours.zero
            let rows = try Row.fetchCursor(db, sql: """
                SELECT c.track, c.category, a.date, a.hoursTenths, a.result = 'pass'
                FROM attendance a JOIN course c ON c.id = a.courseId
                WHERE a.teacherId = ? AND a.date <= ? AND \(Attendance.countedCondition())
                """, arguments: [teacherId, d])
            while let r = try rows.next() {
                let trackText: String = r[0], cat: String = r[1], date: String = r[2], tenths: Int = r[3], pass: Bool = r[4]
                let h = Hours(tenths: tenths)
                byTrack[trackText, default: .zero] += h
                byCategory[cat, default: .zero] += h
                total += h
                if let t = Track(rawValue: trackText), t != .none, let day = Day(date) {
                    history.entries.append(.init(track: t, date: day, tenths: tenths, pass: pass))
                }
            }
            let practice = try practiceTotals(db, asOf: asOf, teacher: teacherId)
            history.counselingTenths = practice.counseling[teacherId] ?? 0
            let feed = practice.feedPeriods[teacherId] ?? 0
            let scheduled = practice.scheduledPeriods[teacherId] ?? 0
            history.lessonPeriods = feed + scheduled
            let status = evaluate(teacher: teacher, history: history, asOf: asOf, profile: profile)
            return TeacherLedger(asOf: asOf, teacher: teacher, profile: profile.source, hoursByTrack: byTrack,
                                 hoursByCategory: byCategory, totalHours: total,
                                 counselingHours: Hours(tenths: history.counselingTenths), lessonPeriods: history.lessonPeriods,
                                 deliveredScheduledPeriods: scheduled, status: status, awards: history.awards)
        }
    }

    struct PracticeTotals {
        var counseling: [String: Int] = [:]
        var feedPeriods: [String: Int] = [:]
        var scheduledPeriods: [String: Int] = [:]
    }

    static func practiceTotals(_ db: Database, asOf: Day, teacher: String) throws -> PracticeTotals {
        try practiceTotals(db, asOf: asOf, filter: " AND teacherId = ?", filterArgs: [teacher])
    }

    /// Practice sums per teacher; `filter` is an `AND teacherId …` clause.
    static func practiceTotals(_ db: Database, asOf: Day, filter: String, filterArgs: StatementArguments) throws -> PracticeTotals {
        let d = asOf.description
        var p = PracticeTotals()
        func sums(_ sql: String) throws -> [String: Int] {
            var m: [String: Int] = [:]
            let c = try Row.fetchCursor(db, sql: sql, arguments: [d] + filterArgs)
            while let r = try c.next() { m[r[0]] = r[1] }
            return m
        }
        p.counseling = try sums("SELECT teacherId, SUM(hoursTenths) FROM counseling WHERE date <= ?\(filter) GROUP BY teacherId")
        p.feedPeriods = try sums("SELECT teacherId, SUM(periods) FROM lessonPractice WHERE date <= ?\(filter) GROUP BY teacherId")
        p.scheduledPeriods = try sums("""
            SELECT s.teacherId, COUNT(*) FROM scheduledSession s
            WHERE s.kind = 'lesson' AND s.date < ?\(filter.replacingOccurrences(of: "teacherId", with: "s.teacherId"))
              AND NOT EXISTS (SELECT 1 FROM lessonPractice p WHERE p.teacherId = s.teacherId AND p.date = s.date)
            GROUP BY s.teacherId
            """)
        return p
    }
}
