/// One attendance record with its course's category and tier, for the union quota.
public struct CourseAttendance: Sendable, Hashable {
    /// The teacher id.
    public var teacherId: String
    /// The course id.
    public var courseId: String
    /// Hours in tenths.
    public var tenths: Int
    /// The attendance status.
    public var status: AttendanceStatus
    /// The result.
    public var result: CourseResult
    /// The attendance date.
    public var date: Day
    /// The course's category.
    public var category: Category
    /// The course's training tier code.
    public var tier: Int

    /// A record.
    public init(
        teacherId: String, courseId: String, tenths: Int, status: AttendanceStatus, result: CourseResult,
        date: Day, category: Category, tier: Int
    ) {
        self.teacherId = teacherId
        self.courseId = courseId
        self.tenths = tenths
        self.status = status
        self.result = result
        self.date = date
        self.category = category
        self.tier = tier
    }
}
