import Foundation
import XinyuCore

/// Reading inputs for the scheduler from the store, and writing built schedules into it.
///
/// Schedules are plans, not history: a rebuild of a term for a school replaces that term's sessions and class
/// plans of the school in one transaction, and records that the school was built. Every class's plan is stored,
/// placed or not, with its frequency and reason, so ``ScheduleStore/view(in:school:term:class:from:to:library:catalog:rules:)``
/// shows a school whose classes all stayed unplaced (an empty plan and every class with its reason); only a school
/// never built for the term has no stored schedule.
public enum ScheduleStore {
    /// Builds a scheduler context from the store: the schools (one or all), their grades, teachers, homerooms and
    /// timetables.
    public static func context(
        in db: any SchedulingStore, term: Term, school: String?, rules: ScheduleRules,
        library: LessonLibrary, catalog: ActivityCatalog,
        levels: [String: Level], stored: StoredLessons = .none
    ) throws -> ScheduleContext {
        let inputs = try db.scheduleInputs(school: school)
        return ScheduleContext(
            term: term, rules: rules, library: library, catalog: catalog, schools: inputs.schools,
            grades: inputs.grades, teachers: inputs.teachers, levels: levels,
            homerooms: inputs.homerooms, timetable: inputs.timetable, stored: stored)
    }

    /// Replaces the term's build of every school in `schools` with the built sessions and plans, in one transaction.
    public static func save(
        _ schedule: TermSchedule, term: Term, schools: [String], in db: any SchedulingStore,
        builtAt: Date = Date()
    ) throws {
        let rows = schedule.sessions.map(\.record)
        try db.replaceSchedule(
            term: term, schools: schools, sessions: rows,
            plans: schedule.plans.map { $0.record(term: term.description) }, builtAt: builtAt)
    }

    /// The stored schedule of one school as the CLI and the server show it (JSON shape of `xinyu schedule show`).
    ///
    /// `term` defaults to the latest term built for the school; `class` filters sessions, plans and unplaced;
    /// `from`/`to` filter sessions by date (inclusive). A school (or given term) never built throws
    /// ``ScheduleLookupError``.
    public static func view(
        in db: any SchedulingStore, school: String, term: String? = nil, class cls: String? = nil,
        from: Day? = nil, to: Day? = nil, library: LessonLibrary, catalog: ActivityCatalog,
        rules: ScheduleRules
    ) throws -> ScheduleView {
        var asked: Term?
        if let term {
            guard let t = Term(term) else { throw ScheduleLookupError.noScheduleStored(school: school) }
            asked = t
        }
        guard let stored = try db.storedSchedule(school: school, term: asked) else {
            if let asked { throw ScheduleLookupError.termNotBuilt(school: school, term: asked.description) }
            throw ScheduleLookupError.noScheduleStored(school: school)
        }
        let t = stored.term
        var rows = stored.sessions
        var plans = stored.plans.map(ClassPlan.init)
        var unplaced = plans.filter { $0.outcome == .unplaced }.map {
            UnplacedWork(class: $0.class, reason: $0.reason, cause: $0.cause)
        }
        if stored.builtAt == nil && plans.isEmpty {
            // A term stored before builds kept their plans: classes with no lesson, without the reason.
            let planned = Set(rows.filter { $0.kind == .lesson }.map(\.classId))
            for g in stored.grades where g.classes > 0 {
                for k in 1...g.classes where !planned.contains("\(school)-\(g.level)-\(k)") {
                    let why = "no lesson planned for \(t.description); build the term's schedule again to see why"
                    unplaced.append(UnplacedWork(class: "\(school)-\(g.level)-\(k)", reason: why))
                }
            }
        }
        if let cls {
            rows = rows.filter { $0.classId == cls }
            plans = plans.filter { $0.class == cls }
            unplaced = unplaced.filter { $0.class == cls }
        }
        if let from { rows = rows.filter { $0.date >= from } }
        if let to { rows = rows.filter { $0.date <= to } }
        let monday = { () -> Day in
            let s = rules.span(of: t).lowerBound
            return s.adding(days: 1 - s.weekday)
        }()
        let sessions = rows.map { r -> ScheduleView.Session in
            var title = r.lessonId
            var titleEn = ""
            var start = ""
            var end = ""
            if r.kind == .group, let a = catalog.activity(r.lessonId) {
                title = a.name
                titleEn = a.nameEn
                if r.period >= 1, r.period <= rules.roomOpen.count {
                    let w = rules.roomOpen[r.period - 1]
                    start = hhmm(w.start)
                    end = hhmm(w.start + a.minutes)
                }
            } else if let l = library.lesson(r.lessonId) {
                title = l.title
                titleEn = l.titleEn
                if let band = Band(grade: r.grade), let tm = rules.periodTime(r.period, band: band) {
                    start = hhmm(tm.start)
                    end = hhmm(tm.end)
                }
            }
            return ScheduleView.Session(
                class: r.classId, grade: r.grade, date: r.date.description, period: r.period,
                teacher: r.teacherId, lesson: r.lessonId, kind: r.kind,
                teacherName: stored.teacherNames[r.teacherId] ?? r.teacherId, title: title,
                titleEn: titleEn, start: start, end: end, room: r.room,
                week: (r.date.ordinal - monday.ordinal).floorDiv(7) + 1)
        }
        return ScheduleView(
            school: school, schoolName: stored.school.name, term: t.description, sessions: sessions,
            unplaced: unplaced, classes: plans)
    }
}

func hhmm(_ m: Int) -> String {
    let h = m / 60
    let mm = m % 60
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
    /// What the build gave every class and group programme: outcome, frequency (against the rules'), periods,
    /// teacher and reason. Empty for a term stored before builds kept their plans.
    public var classes: [ClassPlan]
}
