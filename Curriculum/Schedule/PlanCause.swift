/// Why a class was planned less often than the rules ask, or not at all: a short stable code that the build's
/// summary counts by, beside each plan's one-line reason with the numbers.
public enum PlanCause: String, Sendable, Codable, CaseIterable {
    /// The lesson library has no lessons for the class's band.
    case noLessons = "no-lessons"
    /// No teacher may teach the class: no psychology teacher with B or A, and no class teacher with C of its own.
    case noQualifiedTeacher = "no-qualified-teacher"
    /// The qualified teachers' periods (weekly maximum, free periods in the school's timetable) are too few for
    /// every class's frequency.
    case teacherPeriods = "teacher-periods"
    /// The school's timetable occupies every period psychology may use in the class's week.
    case classTimetableFull = "class-timetable-full"
    /// No period is free for both the class and one of its qualified teachers.
    case noCommonPeriod = "no-common-period"
    /// A group programme has no facilitator with the activity's level.
    case noFacilitator = "no-facilitator"
    /// A group programme found no counseling-room window with enough free weeks and a free facilitator.
    case noRoomWindow = "no-room-window"

    /// The cause in a few words, for summaries.
    public var summary: String {
        switch self {
        case .noLessons: "the lesson library has no lessons for the band"
        case .noQualifiedTeacher: "no qualified teacher"
        case .teacherPeriods: "too few periods of the qualified teachers"
        case .classTimetableFull: "the class's timetable is full"
        case .noCommonPeriod: "no period free for both the class and a qualified teacher"
        case .noFacilitator: "no facilitator with the activity's level"
        case .noRoomWindow: "no counseling-room window with a free facilitator"
        }
    }
}
