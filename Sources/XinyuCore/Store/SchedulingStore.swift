/// What the term scheduler reads from the store and the term schedules it writes (table `scheduledSession`).
/// ``AppDatabase`` (SQLite) is the one implementation today; a second engine (PostgreSQL) implements the same
/// contract.
///
/// Schedules are plans, not history: a rebuild replaces a term's sessions of the schools built. Each call reads
/// or writes one committed state; busy and full stores throw as ``ReportStore`` says.
public protocol SchedulingStore: Sendable {
    /// The scheduler's inputs: every school sorted by id (or just `school`, which must exist:
    /// ``StoreError/unknownSchool(id:)``), with those schools' grades and teachers (every status) in no promised
    /// order (the scheduler sorts them), all from one committed state.
    func scheduleInputs(school: String?) throws -> ScheduleInputs

    /// Replaces `term`'s sessions of every school in `schools` with `sessions` (their `id` is ignored; the store
    /// numbers them) in one transaction: afterwards those schools' sessions of the term are exactly `sessions`,
    /// and no reader ever sees a mix of the old and new plans. The transaction moves
    /// ``ReportStore/dataVersion()``. Nothing is changed when it throws.
    func replaceSchedule(term: Term, schools: [String], with sessions: [ScheduledSession]) throws

    /// `school`'s stored schedule of `term` (nil: the latest term, by first day, with sessions for the school),
    /// or nil when no term is given and none is stored; a given term with no sessions is an empty schedule. Its
    /// sessions are sorted by date, period and class id, its grades by level. The school must exist
    /// (``StoreError/unknownSchool(id:)``). One committed state.
    func storedSchedule(school: String, term: Term?) throws -> StoredSchedule?
}
