import XinyuCore

/// One teacher's training ledger as of a date: facts, counted hours per track and category, practice, and each
/// level's status with the reason in words. `xinyu teachers show ID` prints it.
public struct TeacherLedger: Sendable, Codable, Hashable {
    public var asOf: Day
    public var teacher: Teacher
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
}
