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
    /// The latest stored term's delivery rate up to the date (issue #19), nil without a stored schedule.
    var delivery: DeliveryRates?
    /// Group-guidance runs recorded in the school year, newest last, and the activities a run may name.
    var groupRuns: [GroupRun] = []
    var activities: [GroupActivity] = []
    /// The school's `submitted` records, waiting for its school-admin (issue #15); nil when the store could not
    /// read them (the page still shows the rest).
    var awaiting: [RecordEntry]? = nil
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
        let awaiting = try? db.recordEntries(RecordFilter(school: id, states: [.submitted]))
        let year = SchoolYear(containing: asOf)
        var model = SchoolPageModel(
            asOf: asOf, school: school, staff: staff, quota: quota, schedule: schedule,
            delivery: try Curriculum.deliveryRates(in: db, school: id, asOf: asOf),
            groupRuns: try db.groupRuns(school: id, from: year.first, to: year.last),
            // The group-run form offers the school's own and the district library's activities too.
            activities: try Curriculum.runnableActivities(store: db, school: id), awaiting: awaiting)
        model.plans = try ManagedLibrary.list(LibraryQuery(school: id), in: db)
        return model
    }
}
