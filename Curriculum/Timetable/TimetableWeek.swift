import Foundation
import XinyuCore

/// One teacher's (or class's) week in the school's stored timetable: `xinyu timetable show`.
public struct TimetableWeek: Sendable, Codable {
    /// One busy period.
    public struct Slot: Sendable, Codable, Hashable {
        public var weekday: Int
        public var period: Int
        /// Start time "HH:MM" of the period in the rules ("" when the rules have no such period).
        public var start: String
        public var subject: String
        public var `class`: String?
        public var teacher: String?
        /// A psychology period of the school's own timetable (not busy time for the scheduler).
        public var psychology: Bool
        /// The line of the imported file.
        public var row: Int
    }

    public var school: String
    /// The teacher shown, or nil when a class is shown.
    public var teacher: String?
    public var teacherName: String?
    public var `class`: String?
    public var file: String
    public var importedAt: Date
    public var slots: [Slot]

    /// The week as a grid: a row per period, a column per weekday (Monday–Friday, and the weekend when used).
    public func grid() -> TextTable {
        let names = ["星期一 Mon", "星期二 Tue", "星期三 Wed", "星期四 Thu", "星期五 Fri", "星期六 Sat", "星期日 Sun"]
        let days = slots.contains { $0.weekday > 5 } ? Array(1...7) : Array(1...5)
        let periods = Set(slots.map(\.period)).sorted()
        let rows = periods.map { p -> [String] in
            let start = slots.first { $0.period == p }?.start ?? ""
            return ["\(p)" + (start.isEmpty ? "" : " \(start)")]
                + days.map { d in
                    slots.filter { $0.weekday == d && $0.period == p }.map { s in
                        let who = teacher == nil ? s.teacher : s.class
                        return [s.subject, who].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
                            + (s.psychology ? " (心理)" : "")
                    }.joined(separator: " / ")
                }
        }
        return TextTable(headers: ["period"] + days.map { names[$0 - 1] }, rows: rows)
    }
}

/// A stored timetable that is not there. Exit status 1.
public enum TimetableLookupError: XinyuError, Equatable {
    /// The school has imported no timetable.
    case noTimetable(school: String)

    public var description: String {
        switch self {
        case .noTimetable(let school): "\(school): no timetable imported"
        }
    }
}

extension Curriculum {
    /// A teacher's week (`teacher`) or a class's (`class`, with `school`) in the school's stored timetable.
    public static func timetable(
        in db: any XinyuStore, teacher: String? = nil, school: String? = nil,
        class cls: String? = nil, rules: ScheduleRules? = nil
    ) throws -> TimetableWeek {
        let r = try rules ?? ScheduleRules.bundled()
        var schoolId = school ?? ""
        var name: String?
        if let teacher {
            let t = try db.teacher(id: teacher)
            schoolId = t.schoolId
            name = t.name
        }
        guard let stored = try db.timetable(school: schoolId) else { throw TimetableLookupError.noTimetable(school: schoolId) }
        let chosen = stored.slots.filter { s in (teacher == nil || s.teacherId == teacher) && (cls == nil || s.classId == cls) }
        let slots = chosen.map { s in
            TimetableWeek.Slot(
                weekday: s.weekday, period: s.period,
                start: s.period <= r.periodStarts.count ? hhmm(r.periodStarts[s.period - 1]) : "",
                subject: s.subject, class: s.classId, teacher: s.teacherId.map { stored.teacherNames[$0] ?? $0 },
                psychology: s.psychology, row: s.row)
        }
        return TimetableWeek(
            school: schoolId, teacher: teacher, teacherName: name, class: cls, file: stored.source.file,
            importedAt: stored.source.importedAt, slots: slots)
    }
}
