/// What the union quota reads of a school year (``ReportStore/quotaYear(from:through:school:)``).
public struct QuotaYearReading: Sendable {
    /// The schools in scope, sorted by id.
    public var schools: [School]
    /// The active teachers in scope, sorted by id.
    public var teachers: [Teacher]
    /// Those teachers' attendance dated within the year, in store order.
    public var attendance: [CourseAttendance]

    /// A reading.
    public init(schools: [School], teachers: [Teacher], attendance: [CourseAttendance]) {
        self.schools = schools
        self.teachers = teachers
        self.attendance = attendance
    }
}
