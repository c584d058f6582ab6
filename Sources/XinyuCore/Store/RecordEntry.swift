/// An attendance record entered by a school (a sign-in sheet's row) or submitted by a teacher (an outside training
/// with evidence), with its record state (table `attendanceEntry`). Feed records are not entries: they are
/// certified on arrival and live in `attendance`.
public struct RecordEntry: Sendable, Codable, Hashable {
    /// The store's number for the record (what `approvals approve ID` names).
    public var id: Int64
    public var teacherId: String
    public var teacherName: String
    public var schoolId: String
    public var courseId: String
    public var courseTitle: String
    public var source: RecordSource
    public var hours: Hours
    public var status: AttendanceStatus
    public var result: CourseResult
    public var date: Day
    public var note: String?
    public var state: RecordState
    /// The reason given with the latest return, while the record is `returned`.
    public var reason: String?
    /// Who entered or last sent it, and when (ISO 8601, UTC).
    public var enteredBy: String
    public var enteredAt: String
    /// The evidence file's SHA-256 (hex), for a submission.
    public var evidence: String?

    public init(
        id: Int64, teacherId: String, teacherName: String, schoolId: String, courseId: String, courseTitle: String,
        source: RecordSource, hours: Hours, status: AttendanceStatus, result: CourseResult, date: Day,
        note: String?, state: RecordState, reason: String?, enteredBy: String, enteredAt: String,
        evidence: String?
    ) {
        self.id = id
        self.teacherId = teacherId
        self.teacherName = teacherName
        self.schoolId = schoolId
        self.courseId = courseId
        self.courseTitle = courseTitle
        self.source = source
        self.hours = hours
        self.status = status
        self.result = result
        self.date = date
        self.note = note
        self.state = state
        self.reason = reason
        self.enteredBy = enteredBy
        self.enteredAt = enteredAt
        self.evidence = evidence
    }
}
