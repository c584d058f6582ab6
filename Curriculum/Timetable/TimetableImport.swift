import Foundation
import XinyuCore

/// Imports a school's own master timetable (`xinyu timetable import FILE --school S`): the periods in which its
/// teachers are busy and its classes occupied, which the term scheduler then never uses for psychology lessons
/// or groups (periods whose subject is psychology are the class's psychology slot instead, see
/// ``ScheduleRules/psychologySubjects``).
///
/// Decisions where the issue is silent:
/// - The stored timetable is the school's current one: an import replaces it whole (it is a plan, not history),
///   and every later build uses it, whatever the term.
/// - Teachers are matched by id, else by name among the school's teachers (active ones first); a name two of
///   them share is a row error asking for the id. Classes must be classes the school has (its grades in the
///   store); a grade alone (`三年级`, `初一`) is every class of it.
/// - Each bad row (unknown teacher or class, a day or period it cannot read, a row naming neither a teacher nor a
///   class) is rejected with its line; the other rows apply. A file whose rows are all bad changes nothing.
/// - Periods are the rules' periods: `第2节` and `2` are period 2, and a time is the period starting then (or the
///   one it falls in). Weekends are kept but never hold lessons.
public enum TimetableImport {
    /// Reads `path`, resolves its rows against `school`'s teachers and classes, and (unless every row is bad)
    /// replaces the school's stored timetable. The school must exist (``StoreError/unknownSchool(id:)``).
    public static func run(
        path: String, school: String, rules: ScheduleRules, store: any SchedulingStore,
        now: Date = Date()
    ) throws -> TimetableImportReport {
        let file = try TimetableFile.read(path: path)
        let inputs = try store.scheduleInputs(school: school)
        let resolver = Resolver(school: school, teachers: inputs.teachers, grades: inputs.grades, rules: rules)
        var slots: [TimetableSlot] = []
        var rejected: [TimetableImportReport.Rejection] = []
        var applied = 0
        var psychology = 0
        for row in file.rows {
            switch resolver.slots(row) {
            case .success(let s):
                slots += s
                applied += 1
                if s.first?.psychology == true { psychology += 1 }
            case .failure(let p):
                rejected.append(.init(line: row.line, problem: p.reason))
            }
        }
        let status: ImportStatus = applied == 0 ? .rejected : rejected.isEmpty ? .applied : .partial
        if applied > 0 {
            let source = TimetableSource(
                schoolId: school, file: path, format: file.format.rawValue, importedAt: now,
                rows: applied)
            try store.replaceTimetable(school: school, source: source, slots: slots)
        }
        return TimetableImportReport(
            file: path, school: school, format: file.format.rawValue, encoding: file.encoding,
            status: status, rows: file.rows.count, applied: applied, psychologyRows: psychology,
            teachers: Set(slots.compactMap(\.teacherId)).count,
            classes: Set(slots.compactMap(\.classId)).count, rejected: rejected)
    }

    /// Turns file rows into slots of one school.
    struct Resolver {
        let school: String
        let byId: [String: Teacher]
        /// Name → the school's teachers of that name, active ones first.
        let byName: [String: [Teacher]]
        /// Grade level → classes.
        let classes: [Int: Int]
        let rules: ScheduleRules

        init(school: String, teachers: [Teacher], grades: [Grade], rules: ScheduleRules) {
            self.school = school
            byId = Dictionary(teachers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            func key(_ t: Teacher) -> (Int, String) { (t.status == .active ? 0 : 1, t.id) }
            byName = Dictionary(
                grouping: teachers.sorted { key($0) < key($1) },
                by: { $0.name.trimmingCharacters(in: .whitespaces) })
            classes = Dictionary(grades.map { ($0.level, $0.classes) }, uniquingKeysWith: { a, _ in a })
            self.rules = rules
        }

        func slots(_ row: TimetableFile.Row) -> Result<[TimetableSlot], RowProblem> {
            guard !row.day.isEmpty, let weekday = TimetableValues.weekday(row.day) else {
                return .failure(RowProblem("day \"\(row.day)\" is not a weekday (星期一, 周一, Monday or 1–7)"))
            }
            guard !row.hour.isEmpty, let period = TimetableValues.period(row.hour, starts: rules.periodStarts) else {
                return .failure(
                    RowProblem(
                        "hour \"\(row.hour)\" is not a period (第2节, 2, or the start time of one of the "
                            + "rules' \(rules.periodStarts.count) periods)"))
            }
            var teacherIds: [String] = []
            for name in row.teachers {
                switch teacher(name) {
                case .success(let id): teacherIds.append(id)
                case .failure(let p): return .failure(p)
                }
            }
            var classIds: [String] = []
            for set in row.studentSets {
                switch classList(set) {
                case .success(let ids): classIds += ids
                case .failure(let p): return .failure(p)
                }
            }
            guard !teacherIds.isEmpty || !classIds.isEmpty else {
                return .failure(RowProblem("names no teacher and no class"))
            }
            let psychology = rules.isPsychology(subject: row.subject)
            let ts: [String?] = teacherIds.isEmpty ? [nil] : teacherIds
            let cs: [String?] = classIds.isEmpty ? [nil] : classIds
            return .success(
                ts.flatMap { t in
                    cs.map { c in
                        TimetableSlot(
                            schoolId: school, weekday: weekday, period: period, teacherId: t, classId: c,
                            subject: row.subject, psychology: psychology, row: row.line)
                    }
                })
        }

        private func teacher(_ name: String) -> Result<String, RowProblem> {
            if let t = byId[name] { return .success(t.id) }
            let matches = byName[name] ?? []
            guard let first = matches.first else {
                return .failure(
                    RowProblem(
                        "teacher \(name) is not a teacher of school \(school) "
                            + "(give the id or the name as stored)"))
            }
            let same = matches.filter { $0.status == first.status }
            if same.count > 1 {
                return .failure(
                    RowProblem(
                        "teacher name \(name) is shared by \(same.map(\.id).joined(separator: ", ")) "
                            + "at \(school); give the id"))
            }
            return .success(first.id)
        }

        private func classList(_ set: String) -> Result<[String], RowProblem> {
            guard let (grade, k) = TimetableValues.studentSet(set, school: school) else {
                return .failure(RowProblem("class \(set) is not a class name (3-2, 三(2)班, 初一(3)班 or \(school)-3-2)"))
            }
            guard let n = classes[grade], n > 0 else {
                return .failure(RowProblem("class \(set): school \(school) has no class in grade \(grade)"))
            }
            guard let k else { return .success((1...n).map { "\(school)-\(grade)-\($0)" }) }
            guard (1...n).contains(k) else {
                let count = "\(n) class\(n == 1 ? "" : "es")"
                return .failure(RowProblem("class \(set): grade \(grade) of school \(school) has \(count)"))
            }
            return .success(["\(school)-\(grade)-\(k)"])
        }
    }

    /// Why a row is rejected.
    struct RowProblem: Error {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }
}
