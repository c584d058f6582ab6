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
        return TeacherPageModel(
            asOf: asOf, ledger: ledger, schoolName: name, quota: quota, year: year,
            lessons: Array(lessons.prefix(lessonsShown)), deliveries: Array(deliveries.prefix(deliveriesShown)))
    }
}
