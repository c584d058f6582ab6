import XinyuCore

/// One teacher's training ledger as of a date: facts, counted hours per track and category, practice, and each
/// level's status with the reason in words. `xinyu teachers show ID` prints it.
public struct TeacherLedger: Sendable, Codable, Hashable {
    public var asOf: Day
    public var teacher: Teacher
    /// The rule profile's name (``RuleProfile/name``): `default` for the bundled one, else its file's path.
    public var profile: String?
    /// Counted hours (status completed/partial, result not fail, dated on or before the date) per course track
    /// (`A`, `B`, `C`, `cpd`, `none`), all dates; every track is present.
    public var hoursByTrack: [String: Hours]
    /// The same counted hours per course category (`public`, `professional`, `elective`).
    public var hoursByCategory: [String: Hours]
    public var totalHours: Hours
    /// Individual-counseling hours dated on or before the date.
    public var counselingHours: Hours
    /// Psychology periods: the feed's `lessonPractice` periods dated on or before the date, plus
    /// ``deliveredScheduledPeriods``.
    public var lessonPeriods: Int
    /// Scheduled lessons (kind `lesson`) dated before the date on a day with no `lessonPractice` row.
    public var deliveredScheduledPeriods: Int
    public var status: TeacherCertStatus
    /// The awards issued on or before the date.
    public var awards: [Award]
    /// Entered records (a school's sheet, the teacher's submissions) not counted yet, `submitted` or `approved`
    /// (RULES.md "Record states"), dated on or before the date; nil when there are none (the field is then left
    /// out of the JSON).
    public var pending: [RecordEntry]?
    /// The hours those pending records will count once certified (status completed or partial, result not fail).
    public var pendingHours: Hours?
    /// Entered records sent back, each with its reason; nil when there are none.
    public var returned: [RecordEntry]?

    /// Sorts the uncounted records of the store's reading into ``pending`` and ``returned``.
    mutating func addUncounted(_ records: [RecordEntry]) {
        let waiting = records.filter { $0.state != .returned }
        let back = records.filter { $0.state == .returned }
        if !waiting.isEmpty {
            pending = waiting
            pendingHours = waiting.filter { Attendance.counts(status: $0.status, result: $0.result) }
                .reduce(Hours.zero) { $0 + $1.hours }
        }
        if !back.isEmpty { returned = back }
    }
}
