import PostgresNIO
import XinyuCore

/// ``MaintenanceStore`` on PostgreSQL. The server keeps its own integrity and enforces foreign keys on every
/// statement, so the check is the store's invariants (the SQLite store's, in its words). A file backup is
/// `pg_dump`'s job: ``backup(to:)`` refuses with that advice.
extension PostgresStore {
    public func backup(to out: String) throws {
        throw PostgresStoreError.outOfScope(
            url: url, what: "a backup to a file",
            instead: "back it up with pg_dump (e.g. pg_dump -Fc -f xinyu.dump \(target.database)) or the server's own backups")
    }

    public func consistencyProblems() throws -> [StoreProblem] {
        try reading { s in
            var out: [StoreProblem] = []
            for check in Self.invariants {
                let sql =
                    "SELECT (\(check.key))::text, \(check.problem) FROM \(check.table)"
                    + " WHERE \(check.condition) ORDER BY \(check.order)"
                for r in try s.rows(sql) {
                    out.append(StoreProblem(table: check.table, key: try r.text(0) ?? "?", problem: try r.text(1) ?? "?"))
                }
            }
            return out
        }
    }

    /// PostgreSQL waits for its locks instead of failing busy, and names the holder in `pg_stat_activity`: the
    /// note is not needed, `body` just runs.
    public func withWriteLockNote<T>(_ what: String, _ body: () throws -> T) throws -> T {
        try body()
    }

    /// One invariant: rows of `table` where `condition` holds are problems; `key` and `problem` are SQL text.
    private struct Invariant {
        var table: String
        var key: String
        var condition: String
        var problem: String
        var order: String
    }

    private static func known(_ column: String, _ values: [String]) -> String {
        "\(column) NOT IN (" + values.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    private static func unknown(_ column: String, _ what: String) -> String {
        "format('unknown %s \"%s\"', '\(what)', \(column))"
    }

    private static func badDay(_ column: String) -> String {
        let years = Day.supportedYears
        return "(NOT xinyu_is_day(\(column))"
            + " OR substr(\(column), 1, 4) NOT BETWEEN '\(years.lowerBound)' AND '\(years.upperBound)')"
    }

    private static func dayProblem(_ column: String, _ what: String) -> String {
        "format('%s \"%s\" is not a date YYYY-MM-DD of the years \(Day.supportedYearsText)', '\(what)', \(column))"
    }

    private static func hours(_ expr: String) -> String { "to_char((\(expr)) / 10.0, 'FM999999999990.0')" }

    private static var invariants: [Invariant] {
        let att = "teacherId || '/' || courseId"
        let day = "teacherId || '/' || date"
        let award = "teacherId || '/' || level || '/' || issued"
        let courseHours = "(SELECT c.hoursTenths FROM course c WHERE c.id = attendance.courseId)"
        func check(_ table: String, _ key: String, _ condition: String, _ problem: String) -> Invariant {
            Invariant(table: table, key: key, condition: condition, problem: problem, order: key)
        }
        var list: [Invariant] = [
            check("school", "id", known("stage", Stage.allCases.map(\.rawValue)), unknown("stage", "stage")),
            check("teacher", "id", known("status", TeacherStatus.allCases.map(\.rawValue)), unknown("status", "status")),
            check("teacher", "id", known("role", Role.allCases.map(\.rawValue)), unknown("role", "role")),
            check("teacher", "id", "hired IS NOT NULL AND \(badDay("hired"))", dayProblem("hired", "hired")),
            check("course", "id", "hoursTenths <= 0", "format('hours %s must be above 0', \(hours("hoursTenths")))"),
            check("course", "id", "start > \"end\"", "format('starts %s after it ends %s', start, \"end\")"),
            check("course", "id", known("track", Track.allCases.map(\.rawValue)), unknown("track", "track")),
            check(
                "course", "id", known("category", XinyuCore.Category.allCases.map(\.rawValue)),
                unknown("category", "category")),
            check("attendance", att, "hoursTenths < 0", "format('negative hours %s', \(hours("hoursTenths")))"),
            check(
                "attendance", att, "hoursTenths > \(courseHours)",
                "format('hours %s exceed the course''s %s', \(hours("hoursTenths")), \(hours(courseHours)))"),
            check("attendance", att, known("status", AttendanceStatus.allCases.map(\.rawValue)), unknown("status", "status")),
            check("attendance", att, known("result", CourseResult.allCases.map(\.rawValue)), unknown("result", "result")),
            check("counseling", day, "hoursTenths < 0", "format('negative hours %s', \(hours("hoursTenths")))"),
            check(
                "counseling", day, "hoursTenths > 80",
                "format('%s hours in one day; at most 8', \(hours("hoursTenths")))"),
            check("lessonPractice", day, "periods NOT BETWEEN 1 AND 8", "format('%s periods in one day; 1 to 8', periods)"),
            check("award", award, known("level", Level.allCases.map(\.rawValue)), unknown("level", "level")),
            check(
                "award", award, "expires IS NOT NULL AND expires <= issued",
                "format('expires %s, not after it was issued %s', expires, issued)"),
            check("scheduledSession", "id", known("kind", SessionKind.allCases.map(\.rawValue)), unknown("kind", "kind")),
            check(
                "homeroom", "teacherId",
                "grade NOT BETWEEN \(Homeroom.grades.lowerBound) AND \(Homeroom.grades.upperBound) "
                    + "OR classNumber NOT BETWEEN \(Homeroom.classNumbers.lowerBound) AND "
                    + "\(Homeroom.classNumbers.upperBound)",
                "format('homeroom %s-%s is not a grade 1–12 and a class 1–40', grade, classNumber)"),
            check(
                "timetableSlot", "schoolId || ' row ' || \"row\"",
                "weekday NOT BETWEEN 1 AND 7 OR period NOT BETWEEN 1 AND \(TimetableSlot.periods.upperBound)",
                "format('weekday %s, period %s: not a weekday 1–7 and a period "
                    + "1–\(TimetableSlot.periods.upperBound)', weekday, period)"),
            check(
                "schedulePlan", "term || '/' || classId", known("outcome", PlanOutcome.allCases.map(\.rawValue)),
                unknown("outcome", "outcome")),
            check(
                "schedulePlan", "term || '/' || classId", known("kind", SessionKind.allCases.map(\.rawValue)),
                unknown("kind", "kind")),
        ]
        let dates: [(table: String, key: String, column: String)] = [
            ("course", "id", "start"), ("course", "id", "\"end\""), ("attendance", att, "date"),
            ("counseling", day, "date"), ("lessonPractice", day, "date"), ("award", award, "issued"),
            ("award", award, "expires"), ("scheduledSession", "id", "date"),
        ]
        for d in dates {
            list.append(
                check(
                    d.table, d.key, "\(d.column) IS NOT NULL AND \(badDay(d.column))",
                    dayProblem(d.column, d.column.replacingOccurrences(of: "\"", with: ""))))
        }
        return list
    }
}
