/// One sign-in sheet's transaction, as ``TrainingStore/enterAttendance(course:by:capacity:at:_:)`` hands it to the
/// sheet importer: the lookups a row needs and the write of one row's record. Used from one thread, only inside the
/// body it was given to.
public protocol AttendanceSheetTransaction: AnyObject {
    /// The teacher with this id, or nil.
    func teacher(id: String) throws -> Teacher?

    /// The school's teachers (any status) whose name is `name` once spaces (ASCII and ideographic) are left out of
    /// both, by id; at most `limit` of them.
    func teachers(named name: String, school: String, limit: Int) throws -> [Teacher]

    /// Enters one record of the transaction's course (`record.courseId` is ignored): a new record starts
    /// `submitted`; a stored `submitted` one with other values is replaced, a `returned` one is replaced and
    /// `submitted` again (a transition is kept); an `approved` or `certified` one, or a key the district's feed
    /// already holds, is left alone (see ``EntryOutcome``).
    func enter(_ record: Attendance, note: String?) throws -> EntryOutcome
}
