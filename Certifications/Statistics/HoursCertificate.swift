import XinyuCore

/// One teacher's 学时证明 for a school year (issue #16): every counted training of the year with its hours, the
/// totals per category, and whether the year's minimums are met. `xinyu stats hours-certificate` prints it with
/// signature lines.
///
/// The trainings are the quota's counted records (``HoursStatistics`` reads the same), sorted by date, then
/// course id.
public struct HoursCertificate: Sendable, Codable, Hashable {
    /// One counted training.
    public struct Line: Sendable, Codable, Hashable {
        public var date: Day
        public var course: String
        public var title: String
        public var provider: String?
        /// The tier code (10 … 99).
        public var tier: Int
        public var category: XinyuCore.Category
        public var hours: Hours
    }

    public var year: String
    public var first: Day
    public var last: Day
    public var teacher: String
    public var name: String
    public var school: String
    public var schoolName: String
    public var lines: [Line]
    public var hoursByCategory: [String: Hours]
    public var total: Hours
    /// Distinct professional courses completed (the union quota's sessions).
    public var sessions: Int
    public var meetsHours: Bool
    public var missing: QuotaMissing

    /// Computes the certificate of `teacher` (``StoreError/unknownTeacher(id:)``; an inactive teacher is
    /// ``StatisticsError/inactiveTeacher(id:)``) for `year`.
    public static func compute(
        in store: any ReportStore & CertificateStore, teacher id: String, year: SchoolYear,
        rules: QuotaRules
    ) throws -> HoursCertificate {
        let teacher = try store.teacher(id: id)
        guard teacher.status == .active else { throw StatisticsError.inactiveTeacher(id: id) }
        let reading = try store.quotaYear(from: year.first, through: year.last, school: teacher.schoolId)
        var standing = QuotaStanding()
        var counted: [CourseAttendance] = []
        for r in reading.attendance where r.teacherId == id {
            standing.add(
                courseId: r.courseId, category: r.category, hours: Hours(tenths: r.tenths), status: r.status,
                result: r.result)
            if Attendance.counts(status: r.status, result: r.result) { counted.append(r) }
        }
        let courses = Dictionary(uniqueKeysWithValues: try store.courses(ids: counted.map(\.courseId)).map { ($0.id, $0) })
        let lines = counted.map { r in
            Line(
                date: r.date, course: r.courseId, title: courses[r.courseId]?.title ?? r.courseId,
                provider: courses[r.courseId]?.provider, tier: r.tier, category: r.category, hours: Hours(tenths: r.tenths))
        }.sorted { ($0.date, $0.course) < ($1.date, $1.course) }
        let missing = standing.missing(rules)
        return HoursCertificate(
            year: year.description, first: year.first, last: year.last, teacher: id, name: teacher.name,
            school: teacher.schoolId,
            schoolName: reading.schools.first { $0.id == teacher.schoolId }?.name ?? teacher.schoolId,
            lines: lines, hoursByCategory: HoursStatistics.categoryHours(standing),
            total: standing.total, sessions: standing.sessions, meetsHours: missing.meetsHours,
            missing: missing)
    }
}
