import Certifications
import Curriculum
import XinyuCore

/// What a teacher's own page shows.
struct TeacherPageModel: Sendable {
    var asOf: Day
    var ledger: TeacherLedger
    var schoolName: String
    /// The teacher's line of this school year's quota (nil when inactive).
    var quota: QuotaReport.TeacherLine?
    var year: SchoolYear
    /// The teacher's coming lessons of the latest stored term.
    var lessons: [ScheduleView.Session]
    /// The teacher's lessons due by the date, newest first, each with its newest delivery record (issue #19).
    var deliveries: [DeliverySession] = []
    /// The teacher's entered records (sheets and submissions), newest first; nil when the store could not read
    /// them (the page still shows the rest).
    var records: [RecordEntry]? = nil
    /// The courses of the teacher's returned submissions, by id, to fill their correction forms.
    var returnedCourses: [String: Course] = [:]

    static let lessonsShown = 10
    static let deliveriesShown = 20

    static func compute(
        in db: any XinyuStore, teacher id: String, asOf: Day, profile: RuleProfile,
        quotaRules: QuotaRules
    ) throws -> TeacherPageModel {
        let ledger = try CertificationEngine.ledger(teacherId: id, in: db, asOf: asOf, profile: profile)
        let school = ledger.teacher.schoolId
        let name = try db.schoolSummaries().first { $0.id == school }?.name ?? school
        let year = SchoolYear(containing: asOf)
        let quota = try QuotaReport.compute(in: db, year: year, school: school, includeTeachers: true, rules: quotaRules)
            .teachers?.first { $0.id == id }
        let lessons = ((try? Curriculum.schedule(in: db, school: school))?.sessions ?? [])
            .filter { $0.teacher == id && $0.date >= asOf.description }
        let deliveries = try Curriculum.deliverySessions(in: db, school: school, teacher: id, asOf: asOf)
        let records: [RecordEntry]? = (try? db.recordEntries(RecordFilter(teacher: id))).map { Array($0.reversed()) }
        var courses: [String: Course] = [:]
        for r in records ?? [] where r.state == .returned && r.source == .submission {
            courses[r.courseId] = try db.training(id: r.courseId).course
        }
        return TeacherPageModel(
            asOf: asOf, ledger: ledger, schoolName: name, quota: quota, year: year,
            lessons: Array(lessons.prefix(lessonsShown)), deliveries: Array(deliveries.prefix(deliveriesShown)),
            records: records, returnedCourses: courses)
    }
}
