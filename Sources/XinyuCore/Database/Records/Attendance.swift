import GRDB

/// A teacher's attendance of a course (table `attendance`, key teacher + course).
public struct Attendance: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "attendance"
    public var teacherId: String
    public var courseId: String
    public var hoursTenths: Int
    public var status: AttendanceStatus
    public var result: CourseResult
    public var date: Day

    public var hours: Hours { Hours(tenths: hoursTenths) }

    public init(
        teacherId: String, courseId: String, hours: Hours, status: AttendanceStatus,
        result: CourseResult, date: Day
    ) {
        self.teacherId = teacherId
        self.courseId = courseId
        self.hoursTenths = hours.tenths
        self.status = status
        self.result = result
        self.date = date
    }
}
