import Certifications
import Curriculum
import XinyuCore

/// What a school's page shows (computed by the library reports, like the dashboard).
struct SchoolPageModel: Sendable {
    var asOf: Day
    var school: SchoolSummary
    var staff: [TeacherCertStatus]
    var quota: QuotaReport
    /// The latest stored term schedule, or nil when none is stored.
    var schedule: ScheduleView?
    /// The school's own lesson plans and activities in use (issue #19), with their review state.
    var plans: [LibraryEntry] = []

    static func compute(
        in db: any XinyuStore, school id: String, asOf: Day, profile: RuleProfile,
        quotaRules: QuotaRules
    ) throws -> SchoolPageModel {
        guard let school = try db.schoolSummaries().first(where: { $0.id == id }) else {
            throw StoreError.unknownSchool(id: id)
        }
        let staff = try CertificationEngine.statuses(in: db, asOf: asOf, profile: profile, school: id)
        let quota = try QuotaReport.compute(
            in: db, year: SchoolYear(containing: asOf), school: id, includeTeachers: true,
            rules: quotaRules)
        let schedule = try? Curriculum.schedule(in: db, school: id)
        var model = SchoolPageModel(asOf: asOf, school: school, staff: staff, quota: quota, schedule: schedule)
        model.plans = try ManagedLibrary.list(LibraryQuery(school: id), in: db)
        return model
    }
}
