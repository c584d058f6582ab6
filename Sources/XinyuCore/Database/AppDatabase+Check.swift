import GRDB

extension AppDatabase {
    /// Checks the file and the data: SQLite's `integrity_check` and `foreign_key_check`, then the store's own
    /// invariants, which imports keep but a hand edit or a broken tool may not: hours (integer tenths) ≥ 0,
    /// course hours > 0 and start ≤ end, attendance hours ≤ its course's, counseling ≤ 8 h a day, lesson periods
    /// 1–8 a day, an award's `expires` after `issued`, dates that are days of ``Day/supportedYears``, and enum
    /// columns holding known values. Returns every problem found, in table order; empty when the store is sound.
    public func consistencyProblems() throws -> [StoreProblem] {
        try reading { db in
            var out: [StoreProblem] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                out += integrity.map { StoreProblem(table: "database", key: "integrity", problem: $0) }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                out.append(
                    StoreProblem(
                        table: table, key: rowid.map { "rowid \($0)" } ?? "a row",
                        problem: "refers to a \(parent) that does not exist"))
            }
            for check in Self.invariants {
                let sql = "SELECT \(check.key), \(check.problem) FROM \(check.table) WHERE \(check.condition)"
                for row in try Row.fetchAll(db, sql: sql) {
                    out.append(
                        StoreProblem(table: check.table, key: (row[0] as String?) ?? "?", problem: (row[1] as String?) ?? "?"))
                }
            }
            return out
        }
    }

    /// One invariant: rows of `table` where `condition` holds are problems; `key` and `problem` are SQL text.
    private struct Invariant {
        var table: String, key: String, condition: String, problem: String
    }

    private static func known(_ column: String, _ values: [String]) -> String {
        "\(column) NOT IN (" + values.map { "'\($0)'" }.joined(separator: ", ") + ")"
    }

    private static func unknown(_ column: String, _ what: String) -> String {
        "printf('unknown %s \"%s\"', '\(what)', \(column))"
    }

    /// A column that is not a day of the supported years (SQLite's date() with a modifier normalises 2026-02-30
    /// to 2026-03-02, and gives NULL for what is not a date).
    private static func badDay(_ column: String) -> String {
        "(date(\(column), '+0 days') IS NOT \(column)"
            + " OR substr(\(column), 1, 4) NOT BETWEEN '\(Day.supportedYears.lowerBound)' AND '\(Day.supportedYears.upperBound)')"
    }

    private static func dayProblem(_ column: String, _ what: String) -> String {
        "printf('%s \"%s\" is not a date YYYY-MM-DD of the years \(Day.supportedYearsText)', '\(what)', \(column))"
    }

    private static func hours(_ expr: String) -> String { "printf('%.1f', (\(expr)) / 10.0)" }

    private static var invariants: [Invariant] {
        let att = "teacherId || '/' || courseId"
        let entry = "'record ' || id"
        let entryCourseHours = "(SELECT c.hoursTenths FROM course c WHERE c.id = attendanceEntry.courseId)"
        var list: [Invariant] = [
            .init(
                table: "school", key: "id", condition: known("stage", Stage.allCases.map(\.rawValue)),
                problem: unknown("stage", "stage")),
            .init(
                table: "teacher", key: "id", condition: known("status", TeacherStatus.allCases.map(\.rawValue)),
                problem: unknown("status", "status")),
            .init(
                table: "teacher", key: "id", condition: known("role", Role.allCases.map(\.rawValue)),
                problem: unknown("role", "role")),
            .init(
                table: "teacher", key: "id", condition: "hired IS NOT NULL AND \(badDay("hired"))",
                problem: dayProblem("hired", "hired")),
            .init(
                table: "course", key: "id", condition: "hoursTenths <= 0",
                problem: "printf('hours %s must be above 0', \(hours("hoursTenths")))"),
            .init(
                table: "course", key: "id", condition: "start > \"end\"",
                problem: "printf('starts %s after it ends %s', start, \"end\")"),
            .init(
                table: "course", key: "id", condition: known("track", Track.allCases.map(\.rawValue)),
                problem: unknown("track", "track")),
            .init(
                table: "course", key: "id", condition: known("category", XinyuCore.Category.allCases.map(\.rawValue)),
                problem: unknown("category", "category")),
            .init(
                table: "attendance", key: att, condition: "hoursTenths < 0",
                problem: "printf('negative hours %s', \(hours("hoursTenths")))"),
            .init(
                table: "attendance", key: att,
                condition: "hoursTenths > (SELECT c.hoursTenths FROM course c WHERE c.id = attendance.courseId)",
                problem:
                    "printf('hours %s exceed the course''s %s', \(hours("hoursTenths")),"
                    + " \(hours("(SELECT c.hoursTenths FROM course c WHERE c.id = attendance.courseId)")))"
            ),
            .init(
                table: "attendance", key: att, condition: known("status", AttendanceStatus.allCases.map(\.rawValue)),
                problem: unknown("status", "status")),
            .init(
                table: "attendance", key: att, condition: known("result", CourseResult.allCases.map(\.rawValue)),
                problem: unknown("result", "result")),
            .init(
                table: "counseling", key: "teacherId || '/' || date", condition: "hoursTenths < 0",
                problem: "printf('negative hours %s', \(hours("hoursTenths")))"),
            .init(
                table: "counseling", key: "teacherId || '/' || date", condition: "hoursTenths > 80",
                problem: "printf('%s hours in one day; at most 8', \(hours("hoursTenths")))"),
            .init(
                table: "lessonPractice", key: "teacherId || '/' || date", condition: "periods NOT BETWEEN 1 AND 8",
                problem: "printf('%d periods in one day; 1 to 8', periods)"),
            .init(
                table: "award", key: "teacherId || '/' || level || '/' || issued",
                condition: known("level", Level.allCases.map(\.rawValue)),
                problem: unknown("level", "level")),
            .init(
                table: "award", key: "teacherId || '/' || level || '/' || issued",
                condition: "expires IS NOT NULL AND expires <= issued",
                problem: "printf('expires %s, not after it was issued %s', expires, issued)"),
            .init(
                table: "scheduledSession", key: "id", condition: known("kind", SessionKind.allCases.map(\.rawValue)),
                problem: unknown("kind", "kind")),
            // Entered records (issue #15): the attendance rules, and known record states and sources.
            .init(
                table: "attendanceEntry", key: entry, condition: "hoursTenths < 0",
                problem: "printf('negative hours %s', \(hours("hoursTenths")))"),
            .init(
                table: "attendanceEntry", key: entry, condition: "hoursTenths > \(entryCourseHours)",
                problem: "printf('hours %s exceed the course''s %s', \(hours("hoursTenths")), \(hours(entryCourseHours)))"),
            .init(
                table: "attendanceEntry", key: entry, condition: known("status", AttendanceStatus.allCases.map(\.rawValue)),
                problem: unknown("status", "status")),
            .init(
                table: "attendanceEntry", key: entry, condition: known("result", CourseResult.allCases.map(\.rawValue)),
                problem: unknown("result", "result")),
            .init(
                table: "attendanceEntry", key: entry, condition: known("state", RecordState.allCases.map(\.rawValue)),
                problem: unknown("state", "record state")),
            .init(
                table: "attendanceEntry", key: entry, condition: known("source", RecordSource.allCases.map(\.rawValue)),
                problem: unknown("source", "source")),
            .init(
                table: "homeroom", key: "teacherId",
                condition: "grade NOT BETWEEN \(Homeroom.grades.lowerBound) AND \(Homeroom.grades.upperBound) "
                    + "OR classNumber NOT BETWEEN \(Homeroom.classNumbers.lowerBound) AND \(Homeroom.classNumbers.upperBound)",
                problem: "printf('homeroom %d-%d is not a grade 1–12 and a class 1–40', grade, classNumber)"),
            .init(
                table: "timetableSlot", key: "schoolId || ' row ' || \"row\"",
                condition: "weekday NOT BETWEEN 1 AND 7 OR period NOT BETWEEN 1 AND \(TimetableSlot.periods.upperBound)",
                problem: "printf('weekday %d, period %d: not a weekday 1–7 and a period "
                    + "1–\(TimetableSlot.periods.upperBound)', weekday, period)"),
            .init(
                table: "schedulePlan", key: "term || '/' || classId",
                condition: known("outcome", PlanOutcome.allCases.map(\.rawValue)), problem: unknown("outcome", "outcome")),
            .init(
                table: "schedulePlan", key: "term || '/' || classId",
                condition: known("kind", SessionKind.allCases.map(\.rawValue)), problem: unknown("kind", "kind")),
        ]
        let dates: [(table: String, key: String, column: String)] = [
            ("course", "id", "start"), ("course", "id", "\"end\""), ("attendance", att, "date"),
            ("counseling", "teacherId || '/' || date", "date"), ("lessonPractice", "teacherId || '/' || date", "date"),
            ("award", "teacherId || '/' || level || '/' || issued", "issued"),
            ("award", "teacherId || '/' || level || '/' || issued", "expires"), ("scheduledSession", "id", "date"),
            ("attendanceEntry", entry, "date"),
        ]
        for d in dates {
            list.append(
                .init(
                    table: d.table, key: d.key, condition: "\(d.column) IS NOT NULL AND \(badDay(d.column))",
                    problem: dayProblem(d.column, d.column.replacingOccurrences(of: "\"", with: ""))))
        }
        return list
    }
}
