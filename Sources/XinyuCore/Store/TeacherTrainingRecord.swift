/// One teacher's training as of a date, read at once (``ReportStore/trainingRecord(teacherId:asOf:)``).
public struct TeacherTrainingRecord: Sendable {
    /// The teacher.
    public var teacher: Teacher
    /// Awards issued on or before the date, by issue date, then level.
    public var awards: [Award]
    /// Counted attendance dated on or before the date, of every track.
    public var attendance: [CountedAttendance]
    /// The teacher's practice toward A up to the date.
    public var practice: PracticeTotals

    /// A record.
    public init(teacher: Teacher, awards: [Award], attendance: [CountedAttendance], practice: PracticeTotals) {
        self.teacher = teacher; self.awards = awards; self.attendance = attendance; self.practice = practice
    }
}
