import Foundation

/// Training recorded where it happens (issue #15): the trainings a school runs, their sign-in sheets, teachers'
/// outside trainings with evidence, and the record states and their kept transitions (RULES.md "Record states").
///
/// An engine must guarantee:
/// - Every write runs in one transaction that raises ``ReportStore/dataVersion()`` when it changes data (a sheet
///   whose rows all match what is stored changes nothing and leaves the version alone).
/// - Entered records start `submitted`, each with a first transition line (no `from`); every later state change
///   appends one line with who, when, in which capacity and why. Transition lines are never updated or deleted.
/// - A record's state changes only through ``moveRecords(_:by:at:reason:)``, which checks in its transaction that
///   each record is still in the state the move expects, or through a correction sent again (a `returned`
///   record becomes `submitted`).
/// - Counted reads of ``ReportStore`` take entered records only in the states they are given (`certified` by
///   default), and never one whose (teacher, course) the district's feed also holds: the feed's record wins.
/// - Unknown ids throw ``TrainingStoreError`` or ``StoreError`` as each requirement states; busy and full stores
///   throw as ``ReportStore`` says.
public protocol TrainingStore: Sendable {
    /// Stores `course` (its `id` is ignored) as a training of `school` run by the school, numbering it
    /// `<school>-T0001`, `<school>-T0002`, … (`TRN-…` when the school id is too long); returns the stored course.
    /// An unknown school throws ``StoreError/unknownSchool(id:)``.
    func addTraining(_ course: Course, school: String, by actor: String, at: Date) throws -> Course

    /// Trainings the schools entered (source `school`), by start date then id; `school` narrows to one school
    /// (``StoreError/unknownSchool(id:)`` if not stored), `from`/`to` to trainings that end on or after `from` and
    /// start on or before `to`.
    func trainings(school: String?, from: Day?, to: Day?) throws -> [TrainingSession]

    /// The training or submission course with this id: ``TrainingStoreError/unknownCourse(id:)`` when no course
    /// has it, ``TrainingStoreError/notASchoolTraining(id:)`` when it is a district course.
    func training(id: String) throws -> TrainingSession

    /// Runs `body` on one sign-in sheet's transaction for `course` (a training of a school: see
    /// ``training(id:)``), which holds the write lock from its start and commits only when `body` returns
    /// ``FeedTransactionEnd/commit``; `actor` and `capacity` are kept on each record entered or sent again.
    func enterAttendance(
        course: String, by actor: String, capacity: String, at: Date,
        _ body: (any AttendanceSheetTransaction) throws -> FeedTransactionEnd) throws

    /// Stores a teacher's outside training: its course (numbered `<school>-X0001`, …, source `submission`), the
    /// evidence (kept once per SHA-256) and the record, `submitted`. Returns the record.
    /// ``StoreError/unknownTeacher(id:)`` when the teacher is not stored.
    func submitTraining(
        _ submission: TrainingSubmission, evidence: StoredEvidence, by actor: String,
        at: Date
    ) throws -> RecordEntry

    /// Corrects a submission that is `submitted` or `returned` (a `returned` one becomes `submitted` again, with a
    /// transition line): its course and result, and its evidence when given. The teacher cannot change.
    /// ``TrainingStoreError/unknownRecord(id:)``, ``TrainingStoreError/cannotChange(id:state:)``.
    func resubmitTraining(
        entry id: Int64, _ submission: TrainingSubmission, evidence: StoredEvidence?,
        by actor: String, at: Date
    ) throws -> RecordEntry

    /// Entered records matching `filter`, by id.
    func recordEntries(_ filter: RecordFilter) throws -> [RecordEntry]

    /// Applies every move in one transaction, each record checked to be in its move's `from` state
    /// (``TrainingStoreError/stateChanged(id:expected:now:)``, ``TrainingStoreError/unknownRecord(id:)``: then
    /// nothing changes). Returns the transition lines appended, in the order of `moves`.
    func moveRecords(_ moves: [RecordMove], by actor: String, at: Date, reason: String?) throws -> [RecordTransition]

    /// The kept transitions of one record (nil: of every record), oldest first.
    func recordTransitions(entry: Int64?) throws -> [RecordTransition]

    /// The evidence file of a record, or nil when it has none; ``TrainingStoreError/unknownRecord(id:)``.
    func evidence(entry: Int64) throws -> StoredEvidence?
}
