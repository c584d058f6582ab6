import XinyuCore

/// Builds a term schedule: each class gets a fixed weekly slot (teacher, weekday, period) and a phase when it meets
/// every N weeks, like a real timetable; lessons are then chosen per date from the class's band.
///
/// Hard rules (see ``ScheduleChecker``) are never broken: work that does not fit is reported in `unplaced`, and
/// every class's plan (``ClassPlan``) says which frequency it got and why. When a school's qualified teachers
/// cannot give every class its band's frequency, classes are planned less often, class by class, down to the
/// rules' minimum periods a term, before any class is left unplaced (see ``SchoolPlanner``).
/// Soft rules: teachers are chosen least-loaded first (load balance), weekdays least-used first (spread), lessons
/// cover every theme before repeating and prefer lessons whose preferred month is the date's month.
public enum Scheduler {
    public static func build(_ ctx: ScheduleContext) -> TermSchedule {
        var sessions: [ScheduleEntry] = []
        var unplaced: [UnplacedWork] = []
        var plans: [ClassPlan] = []
        let gradesBySchool = Dictionary(grouping: ctx.grades, by: \.schoolId)
        let teachersBySchool = Dictionary(grouping: ctx.teachers, by: \.schoolId)
        let calendar = TermCalendar(ctx)
        // Lessons by band, most preferred first: shared by every school without plans of its own.
        let shared = Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, ctx.lessons(band: $0, school: "")) })
        let sharedTiers = ctx.lessonTiers(school: "")
        var chosen: [SchoolPlanner.LessonKey: [String]] = [:]
        for school in ctx.schools.sorted(by: { $0.id < $1.id }) {
            var out = SchoolPlanner(
                ctx: ctx, school: school,
                grades: (gradesBySchool[school.id] ?? []).sorted { $0.level < $1.level },
                teachers: (teachersBySchool[school.id] ?? []).sorted { $0.id < $1.id },
                calendar: calendar,
                bandLessons: ctx.stored.bySchool[school.id] == nil
                    ? shared
                    : Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, ctx.lessons(band: $0, school: school.id)) }),
                lessonTiers: ctx.stored.bySchool[school.id] == nil ? sharedTiers : ctx.lessonTiers(school: school.id))
            out.chosenLessons = chosen
            out.run()
            chosen = out.chosenLessons
            sessions += out.sessions
            unplaced += out.unplaced
            plans += out.plans
        }
        return TermSchedule(term: ctx.term.description, sessions: sessions, unplaced: unplaced, plans: plans)
    }
}
