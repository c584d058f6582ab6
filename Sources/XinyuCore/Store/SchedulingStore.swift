import Foundation

/// What the term scheduler reads from the store and the term schedules it writes (tables `scheduledSession`,
/// `scheduleBuild`, `schedulePlan`), and the schools' own timetables (tables `timetable`, `timetableSlot`).
/// ``AppDatabase`` (SQLite) is the one implementation today; a second engine (PostgreSQL) implements the same
/// contract.
///
/// Schedules and timetables are plans, not history: a rebuild replaces a term's sessions and plans of the schools
/// built, an import replaces the school's timetable. Each call reads or writes one committed state; busy and full
/// stores throw as ``ReportStore`` says.
public protocol SchedulingStore: Sendable {
    /// The scheduler's inputs: every school sorted by id (or just `school`, which must exist:
    /// ``StoreError/unknownSchool(id:)``), with those schools' grades, teachers (every status), homerooms and
    /// timetable slots in no promised order (the scheduler sorts them), all from one committed state.
    func scheduleInputs(school: String?) throws -> ScheduleInputs

    /// Replaces `term`'s build of every school in `schools` in one transaction: afterwards those schools' sessions
    /// of the term are exactly `sessions` (their `id` is ignored; the store numbers them), their plans exactly
    /// `plans`, and each school is recorded as built at `builtAt`, even when nothing of it was placed. No reader
    /// ever sees a mix of the old and new builds. The transaction moves ``ReportStore/dataVersion()``. Nothing is
    /// changed when it throws.
    func replaceSchedule(
        term: Term, schools: [String], sessions: [ScheduledSession], plans: [SchedulePlan],
        builtAt: Date) throws

    /// `school`'s stored schedule of `term`, or nil when that term was never built for the school (nil term: the
    /// latest term, by first day, built or with sessions for the school; nil when there is none). Its sessions are
    /// sorted by date, period and class id, its grades by level, its plans by class id. The school must exist
    /// (``StoreError/unknownSchool(id:)``). One committed state.
    func storedSchedule(school: String, term: Term?) throws -> StoredSchedule?

    /// Replaces the school's stored timetable with `slots` (their `id` is ignored) and `source`, in one
    /// transaction that moves ``ReportStore/dataVersion()``. The school must exist
    /// (``StoreError/unknownSchool(id:)``); nothing is changed when it throws.
    func replaceTimetable(school: String, source: TimetableSource, slots: [TimetableSlot]) throws

    /// The school's stored timetable, or nil when none was imported. The school must exist
    /// (``StoreError/unknownSchool(id:)``). One committed state.
    func timetable(school: String) throws -> StoredTimetable?
}
