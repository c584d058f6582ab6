import XinyuCore

/// The rules on a district feed's record values that the ordinary reader (``DistrictFeedReader``) and its fast
/// paths (`DistrictFeedReader+FastPaths.swift`) both apply, defined once: the attributes each record may carry,
/// the status and result words, and the limits. `RecordPathTests` runs records through both paths.
enum FeedRules {
    /// The attributes each record element may carry, in the order the readers index them.
    enum Attrs {
        static let school: [StaticString] = ["id", "stage", "counselingRoom"]
        static let teacher: [StaticString] = ["id", "school", "role", "hired", "status", "homeroom"]
        static let course: [StaticString] = ["id", "tier", "mode", "hours", "start", "end", "track", "category", "capacity"]
        static let record: [StaticString] = ["teacher", "course", "hours", "status", "result", "date"]
        static let award: [StaticString] = ["teacher", "level", "issued", "number", "expires"]
        static let counseling: [StaticString] = ["teacher", "date", "hours"]
        static let lesson: [StaticString] = ["teacher", "date", "periods"]
        static let grade: [StaticString] = ["level", "classes"]
    }

    /// The raw values of `AttendanceStatus` and `CourseResult` (tests keep them in step), as the static text the
    /// fast path compares and binds.
    static let statusWords: [StaticString] = ["completed", "partial", "absent", "withdrawn"]
    static let resultWords: [StaticString] = ["pass", "fail", "none"]
    /// The result of a record that names none.
    static let resultNone = resultWords.firstIndex { "\($0)" == CourseResult.none.rawValue }!

    /// The words as a rejection lists them ("completed, partial, absent, withdrawn").
    static func list(_ words: [StaticString]) -> String { words.map { "\($0)" }.joined(separator: ", ") }

    /// A counseling record's hours, in tenths: 0 < h ≤ 8.
    static let counselingTenths = 1...80
    /// A lesson record's periods: 1–8.
    static let lessonPeriods = 1...8
    /// A course's hours, in tenths: 0 < h ≤ 500.
    static let courseTenths = 1...5000
    /// The bytes of a value the fast paths look at: one more than the longest valid identifier, so that a longer
    /// value is seen to be too long without reading all of it.
    static let identifierProbeBytes = Identifier.maxLength + 1
}
