import Foundation
import XinyuCore

/// Reading inputs for the scheduler from the store, and writing built schedules into `scheduledSession`.
///
/// Schedules are plans, not history: a rebuild of a term for a school deletes that term's rows of that school and
/// inserts the new plan in one transaction. Unplaced work is not stored (no table for it): the build result
/// reports it with reasons, and ``ScheduleStore/view(in:school:term:class:from:to:)`` lists every class of the
/// school with no planned lesson in the term as unplaced.
public enum ScheduleStore {
    /// Builds a scheduler context from the store: the schools (one or all), their grades and teachers.
    public static func context(in db: any SchedulingStore, term: Term, school: String?, rules: ScheduleRules,
                               library: LessonLibrary, catalog: ActivityCatalog,
                               levels: [String: Level]) throws -> ScheduleContext {
        let inputs = try db.scheduleInputs(school: school)
        return ScheduleContext(term: term, rules: rules, library: library, catalog: catalog, schools: inputs.schools,
                               grades: inputs.grades, teachers: inputs.teachers, levels: levels)
    }

    /// Replaces the term's rows of every school in `schools` with the built sessions, in one transaction.
    public static func save(_ schedule: TermSchedule, term: Term, schools: [String], in db: any SchedulingStore) throws {
        let rows = schedule.sessions.map { s in
            ScheduledSession(term: s.term, schoolId: s.school, classId: s.classId, grade: s.grade, date: s.date,
                             period: s.period, teacherId: s.teacher, lessonId: s.lesson, kind: s.kind, room: s.room)
        }
        try db.replaceSchedule(term: term, schools: schools, sessions: rows, plans: [], builtAt: Date())
    }

    /// The stored schedule of one school as the CLI and the server show it (JSON shape of `xinyu schedule show`).
    ///
    /// `term` defaults to the latest term with sessions for the school; `class` filters sessions and unplaced;
    /// `from`/`to` filter sessions by date (inclusive).
    public static func view(in db: any SchedulingStore, school: String, term: String? = nil, class cls: String? = nil,
                            from: Day? = nil, to: Day? = nil, library: LessonLibrary, catalog: ActivityCatalog,
                            rules: ScheduleRules) throws -> ScheduleView {
        var asked: Term?
        if let term {
            guard let t = Term(term) else { throw ScheduleLookupError.noScheduleStored(school: school) }
            asked = t
        }
        guard let stored = try db.storedSchedule(school: school, term: asked) else {
            throw ScheduleLookupError.noScheduleStored(school: school)
        }
        let t = stored.term
        var rows = stored.sessions
        let planned = Set(rows.filter { $0.kind == .lesson }.map(\.classId))
        var unplaced: [UnplacedWork] = []
        for g in stored.grades where g.classes > 0 {
            for k in 1...g.classes {
                let c = "\(school)-\(g.level)-\(k)"
                if !planned.contains(c) && (cls == nil || cls == c) {
                    unplaced.append(UnplacedWork(class: c, reason: "no lesson planned for \(t.description); build the term's schedule again to see why"))
                }
            }
        }
        if let cls { rows = rows.filter { $0.classId == cls } }
        if let from { rows = rows.filter { $0.date >= from } }
        if let to { rows = rows.filter { $0.date <= to } }
        let monday = { () -> Day in let s = rules.span(of: t).lowerBound; return s.adding(days: 1 - s.weekday) }()
        let sessions = rows.map { r -> ScheduleView.Session in
            var title = r.lessonId, titleEn = "", start = "", end = ""
            if r.kind == .group, let a = catalog.activity(r.lessonId) {
                title = a.name; titleEn = a.nameEn
                if r.period >= 1, r.period <= rules.roomOpen.count {
                    let w = rules.roomOpen[r.period - 1]
                    start = hhmm(w.start); end = hhmm(w.start + a.minutes)
                }
            } else if let l = library.lesson(r.lessonId) {
                title = l.title; titleEn = l.titleEn
                if let band = Band(grade: r.grade), let tm = rules.periodTime(r.period, band: band) {
                    start = hhmm(tm.start); end = hhmm(tm.end)
                }
            }
            return ScheduleView.Session(class: r.classId, grade: r.grade, date: r.date.description, period: r.period,
                                        teacher: r.teacherId, lesson: r.lessonId, kind: r.kind,
                                        teacherName: stored.teacherNames[r.teacherId] ?? r.teacherId, title: title,
                                        titleEn: titleEn, start: start, end: end, room: r.room,
                                        week: (r.date.ordinal - monday.ordinal).floorDiv(7) + 1)
        }
        return ScheduleView(school: school, schoolName: stored.school.name, term: t.description, sessions: sessions,
                            unplaced: unplaced)
    }
}

func hhmm(_ m: Int) -> String {
    let h = m / 60, mm = m % 60
    return (h < 10 ? "0" : "") + "\(h):" + (mm < 10 ? "0" : "") + "\(mm)"
}

/// A school's stored term schedule: `{"school", "term", "sessions": [...], "unplaced": [...]}` plus extra keys.
public struct ScheduleView: Sendable, Codable, Hashable {
    public struct Session: Sendable, Codable, Hashable {
        public var `class`: String
        public var grade: Int
        public var date: String
        public var period: Int
        public var teacher: String
        public var lesson: String
        public var kind: SessionKind
        public var teacherName: String
        public var title: String
        public var titleEn: String
        /// Local start and end time "HH:MM" from the rules' period timetable (group: the room window).
        public var start: String
        public var end: String
        public var room: String?
        /// Teaching week of the term, 1-based.
        public var week: Int
    }
    public var school: String
    public var schoolName: String
    public var term: String
    public var sessions: [Session]
    public var unplaced: [UnplacedWork]
}
