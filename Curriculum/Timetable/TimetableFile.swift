import Foundation
import XinyuCore

/// A school's master timetable as a file: FET's CSV timetable export, or a simple CSV of teacher, weekday and
/// period. Only reading and splitting happens here; ``TimetableImport`` resolves the names against the store.
///
/// - FET: the header `"Activity Id","Day","Hour","Students Sets","Subject","Teachers","Activity Tags","Room",
///   "Comments"` (matched by name, ignoring case and spaces; Chinese headers 星期, 节次, 班级, 科目, 教师 also work),
///   one row per period of an activity; teachers and students sets joined with `+`.
/// - Simple: columns `teacher`, `weekday`, `period` and optionally `class` and `subject` (or 教师, 星期, 节次, 班级,
///   科目), or, with no header row, the first three columns in that order.
struct TimetableFile {
    /// One data row, split but not yet understood.
    struct Row {
        /// The 1-based line of the file where the row starts.
        var line: Int
        var teachers: [String]
        var day: String
        var hour: String
        var studentSets: [String]
        var subject: String
    }

    enum Format: String {
        case fet, simple
    }

    var format: Format
    var encoding: String
    var rows: [Row]

    /// Column names (lowercased, without spaces, `_` or `-`) and what they are.
    static let aliases: [String: String] = [
        "activityid": "activity", "day": "day", "weekday": "day", "星期": "day", "周几": "day", "日": "day",
        "hour": "hour", "period": "hour", "节次": "hour", "节": "hour", "课节": "hour", "时间": "hour",
        "studentssets": "students", "studentsset": "students", "students": "students", "class": "students",
        "班级": "students", "学生": "students",
        "subject": "subject", "科目": "subject", "学科": "subject", "课程": "subject",
        "teachers": "teachers", "teacher": "teachers", "teacherid": "teachers", "教师": "teachers", "老师": "teachers",
        "任课教师": "teachers", "activitytags": "tags", "room": "room", "comments": "comments",
    ]

    /// Reads and splits the file; a file that cannot be read or split is an ``InputError`` (exit 2).
    static func read(path: String) throws -> TimetableFile {
        let (text, encoding) = try TextFile.read(path: path)
        let (records, unclosed) = CSVReader.records(text)
        if let unclosed {
            throw InputError(file: path, line: unclosed, problem: "a quoted field is never closed; close the quote")
        }
        guard let header = records.first else {
            throw InputError(
                file: path, line: 1,
                problem: "empty file; give FET's CSV timetable export or rows of teacher, "
                    + "weekday, period")
        }
        var col: [String: Int] = [:]
        for (i, h) in header.fields.enumerated() {
            let key = h.lowercased().filter { !" _-\u{3000}\u{FEFF}".contains($0) }
            if let name = aliases[key], col[name] == nil { col[name] = i }
        }
        let isFET = col["activity"] != nil || (col["students"] != nil && col["subject"] != nil && col["day"] != nil)
        if !isFET && col["day"] != nil && col["hour"] != nil {
            guard col["teachers"] != nil else {
                throw InputError(
                    file: path, line: header.line, record: "header",
                    problem: "no teacher column; the simple format's columns are teacher, weekday, period")
            }
        }
        let hasHeader = isFET || (col["day"] != nil && col["hour"] != nil)
        if !hasHeader {
            guard header.fields.count >= 3 else {
                throw InputError(
                    file: path, line: header.line, record: "header",
                    problem: "not a timetable: give FET's CSV "
                        + "timetable export (Activity Id, Day, Hour, Students Sets, Subject, Teachers, …) or rows "
                        + "of teacher, weekday, period")
            }
            col = ["teachers": 0, "day": 1, "hour": 2]
        }
        if isFET {
            let missing = ["day", "hour", "students", "teachers"].filter { col[$0] == nil }
            if !missing.isEmpty {
                let fet = ["day": "Day", "hour": "Hour", "students": "Students Sets", "teachers": "Teachers"]
                let names = missing.map { fet[$0]! }.joined(separator: ", ")
                throw InputError(
                    file: path, line: header.line, record: "header",
                    problem: "FET timetable without column\(missing.count > 1 ? "s" : "") " + names)
            }
        }
        let data = hasHeader ? Array(records.dropFirst()) : records
        let rows = data.map { r -> Row in
            func cell(_ name: String) -> String {
                guard let i = col[name], i < r.fields.count else { return "" }
                return r.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            return Row(
                line: r.line, teachers: TimetableValues.list(cell("teachers")), day: cell("day"), hour: cell("hour"),
                studentSets: TimetableValues.list(cell("students")), subject: cell("subject"))
        }
        return TimetableFile(format: isFET ? .fet : .simple, encoding: encoding, rows: rows)
    }
}
