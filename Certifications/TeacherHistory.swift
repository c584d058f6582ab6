import XinyuCore

/// What the engine needs of one teacher, already filtered to counted records dated on or before the as-of date.
///
/// `entries` hold counted attendance of tracks A, B, C and cpd, each with its date.
struct TeacherHistory: Sendable {
    /// A counted attendance record of a track, as the store reads it.
    typealias Entry = TrackedAttendance

    var awards: [Award] = []
    var entries: [Entry] = []
    var counselingTenths = 0
    var lessonPeriods = 0
}

/// One award's cycles as of a date (RULES.md "Valid award").
struct AwardState {
    var award: Award
    var valid: Bool
    /// The current cycle when valid; the last cycle when lapsed (its end is the lapse date).
    var cycleStart: Day
    var cycleEnd: Day
    var renewalTenths: Int
    var expiring: Bool
}
