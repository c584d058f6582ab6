/// One teacher's training as of a date, read at once (``ReportStore/trainingRecord(teacherId:asOf:)``).
public struct TeacherTrainingRecord: Sendable {
    /// The teacher.
    public var teacher: Teacher
    /// Awards issued on or before the date, by issue date, then level.
    public var awards: [Award]
    /// Counted attendance dated on or before the date, of every track: the feed's records, then entered records in
    /// a counting state (never one whose teacher and course the feed also holds).
    public var attendance: [CountedAttendance]
    /// The teacher's practice toward A up to the date.
    public var practice: PracticeTotals
    /// The teacher's entered records dated on or before the date that are not counted (their record state is not
    /// a counting one: pending `submitted`/`approved`, or `returned` with its reason), by id.
    public var uncounted: [RecordEntry]

    /// A record.
    public init(
        teacher: Teacher, awards: [Award], attendance: [CountedAttendance], practice: PracticeTotals,
        uncounted: [RecordEntry] = []
    ) {
        self.teacher = teacher
        self.awards = awards
        self.attendance = attendance
        self.practice = practice
        self.uncounted = uncounted
    }
}
