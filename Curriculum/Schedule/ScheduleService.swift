import Certifications
import Foundation
import XinyuCore

/// What `xinyu schedule build` prints and the server returns after a build.
public struct ScheduleBuildReport: Sendable, Codable {
    /// How many unplaced classes and groups share one cause.
    public struct CauseCount: Sendable, Codable, Hashable {
        public var cause: PlanCause
        /// The cause in a few words.
        public var summary: String
        public var count: Int
    }

    public var term: String
    public var schools: Int
    public var classes: Int
    public var sessions: Int
    public var groupSessions: Int
    /// Classes placed at the rules' frequency.
    public var classesFull: Int
    /// Classes placed less often than the rules ask (at least the minimum periods).
    public var classesDegraded: Int
    /// Classes not placed.
    public var classesUnplaced: Int
    /// Unplaced classes and groups by cause, most first.
    public var unplacedByCause: [CauseCount]
    public var unplaced: [UnplacedWork]
    public var violations: [String]
    public var score: ScheduleScore
}

extension Curriculum {
    /// Lessons of the bundled library, optionally filtered.
    public static func lessons(band: Band? = nil, theme: Theme? = nil) throws -> [LessonPlan] {
        try LessonLibrary.bundled().filter(band: band, theme: theme)
    }

    /// The bundled group-guidance catalog.
    public static func activities() throws -> [GroupActivity] { try ActivityCatalog.bundled().activities }

    /// Loads rules (a file, else the bundled default) and checks their group programmes against the catalog.
    public static func rules(path: String?, catalog: ActivityCatalog) throws -> ScheduleRules {
        let r = try path.map(ScheduleRules.load(path:)) ?? ScheduleRules.bundled()
        try r.validate(against: catalog, file: path ?? "schedule-rules.yaml (bundled)")
        return r
    }

    /// Builds the term schedule for one school (or all), checks it, and stores it with every class's plan (replacing
    /// those schools' build of the term in one transaction). `levels` maps teacher id → effective level on the
    /// term's first teaching day.
    /// Stored plans join the bundled ones (issue #19): each school's own and the district library's, preferred
    /// in the rules' order (``ScheduleRules/lessonPreference``).
    public static func buildSchedule(
        in db: any SchedulingStore & LessonLibraryStore, term: Term, school: String? = nil, rules: ScheduleRules,
        levels: [String: Level]
    ) throws -> ScheduleBuildReport {
        let library = try LessonLibrary.bundled()
        let catalog = try ActivityCatalog.bundled()
        let ctx = try ScheduleStore.context(
            in: db, term: term, school: school, rules: rules, library: library,
            catalog: catalog, levels: levels, stored: ManagedLibrary.storedLessons(in: db, school: school))
        let built = Scheduler.build(ctx)
        let violations = ScheduleChecker.violations(built.sessions, context: ctx)
        guard violations.isEmpty else {
            throw ScheduleBuildError(problem: "\(violations.count) hard-rule violations, nothing stored; first: \(violations[0])")
        }
        try ScheduleStore.save(built, term: term, schools: ctx.schools.map(\.id), in: db)
        let classes = ctx.grades.reduce(0) { $0 + ($1.level >= 1 && $1.level <= 12 ? $1.classes : 0) }
        let lessons = built.plans.filter { $0.kind == .lesson }
        func count(_ o: PlanOutcome) -> Int { lessons.filter { $0.outcome == o }.count }
        let causes = Dictionary(grouping: built.unplaced, by: { $0.cause ?? .noCommonPeriod })
            .map { ScheduleBuildReport.CauseCount(cause: $0.key, summary: $0.key.summary, count: $0.value.count) }
            .sorted { ($1.count, $0.cause.rawValue) < ($0.count, $1.cause.rawValue) }
        return ScheduleBuildReport(
            term: term.description, schools: ctx.schools.count, classes: classes,
            sessions: built.sessions.count,
            groupSessions: built.sessions.filter { $0.kind == .group }.count,
            classesFull: count(.full), classesDegraded: count(.degraded),
            classesUnplaced: count(.unplaced), unplacedByCause: causes,
            unplaced: built.unplaced, violations: [],
            score: ScheduleScore.of(built.sessions, context: ctx))
    }

    /// Builds and stores a term schedule with teachers' effective levels from the certification engine, as of the
    /// term's first teaching day under `profile` (what the CLI does).
    public static func buildSchedule(
        in db: any XinyuStore, term: Term, school: String? = nil, rules: ScheduleRules,
        profile: RuleProfile
    ) throws -> ScheduleBuildReport {
        let levels = try CertificationEngine.effectiveLevels(
            in: db, asOf: rules.span(of: term).lowerBound, profile: profile,
            school: school)
        return try buildSchedule(in: db, term: term, school: school, rules: rules, levels: levels)
    }

    /// The stored schedule of a school: the JSON shape of `xinyu schedule show` (server: same call).
    public static func schedule(
        in db: any SchedulingStore & LessonLibraryStore, school: String, term: String? = nil, class cls: String? = nil,
        from: Day? = nil, to: Day? = nil, rules: ScheduleRules? = nil
    ) throws -> ScheduleView {
        try ScheduleStore.view(
            in: db, school: school, term: term, class: cls, from: from, to: to,
            library: libraryWithStored(in: db, school: school), catalog: ActivityCatalog.bundled(),
            rules: rules ?? ScheduleRules.bundled())
    }

    /// The school's stored schedule as an RFC 5545 calendar.
    public static func ics(
        in db: any SchedulingStore & LessonLibraryStore, school: String, term: String? = nil, rules: ScheduleRules? = nil,
        now: Date = Date()
    ) throws -> String {
        let r = try rules ?? ScheduleRules.bundled()
        return CalendarExport.ics(try schedule(in: db, school: school, term: term, rules: r), timeZone: r.timeZone, now: now)
    }
}

extension Curriculum {
    /// The bundled library with the stored plans `school` may use, so a schedule naming them shows their titles.
    static func libraryWithStored(in db: any LessonLibraryStore, school: String) throws -> LessonLibrary {
        let bundled = try LessonLibrary.bundled()
        let extra = try ManagedLibrary.storedLessons(in: db, school: school).all.filter { bundled.lesson($0.id) == nil }
        return extra.isEmpty ? bundled : try LessonLibrary(lessons: bundled.lessons + extra)
    }
}

/// The built schedule broke a hard rule (a scheduler bug): nothing was stored.
public struct ScheduleBuildError: XinyuError {
    public var problem: String
    public var description: String { "schedule build: \(problem)" }
}
