/// What ``AttendanceSheetTransaction/enter(_:note:)`` did with one sheet row's record.
public enum EntryOutcome: Sendable, Hashable {
    /// A new record, `submitted`.
    case added
    /// A `submitted` record with other values: replaced, still `submitted`.
    case updated
    /// A `returned` record with other values: replaced and `submitted` again.
    case resubmitted
    /// The same values as stored: nothing changed (whatever the state).
    case unchanged
    /// The stored record is `approved` or `certified` and the row differs: nothing changed.
    case locked(RecordState)
    /// The district's feed already records this teacher at this course: nothing changed.
    case districtRecord
}
