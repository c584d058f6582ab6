import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// Coverage and teacher ledgers from the certification engine (the same calls as `xinyu coverage` and
/// `xinyu teachers show`). Coverage JSON is cached per (asOf, school) by the ``ReportService``.
///
/// `GET coverage` is the district's report for the district roles and the caller's own school's report (as
/// `coverage/{school}`) for a school's users: district totals only for district roles.
struct CoverageController {
    let database: any ReportStore
    let profile: RuleProfile
    let reports: ReportService

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let (db, profile) = (database, profile)
        api.get("coverage") { request, context in
            let asOf = try request.queryDay("asOf") ?? Day.today()
            var school: String?
            var district: String?
            switch try context.readScope() {
            case .district: school = nil
            case .schools(let d, _): district = d
            case .school(let s), .teacher(_, let s):
                try context.require(.read(.school(s)))
                school = s
            }
            return JSONResponse.make(
                data: try await reports.coverageJSON(
                    asOf: asOf, school: school, district: district,
                    version: context.caller?.dataVersion))
        }
        api.get("coverage/{school}") { request, context in
            let school = try context.parameters.requireString("school")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            try await BlockingWork.quick { try db.requireSchool(school) }
            try context.require(.read(.school(school)), notFound: StoreError.unknownSchool(id: school).description)
            return JSONResponse.make(
                data: try await reports.coverageJSON(
                    asOf: asOf, school: school,
                    version: context.caller?.dataVersion))
        }
        api.get("teachers/{id}/ledger") { request, context in
            let id = try context.parameters.requireString("id")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let teacher = try await BlockingWork.quick { try db.teacher(id: id) }
            try context.require(
                .read(.teacher(id: id, school: teacher.schoolId)),
                notFound: StoreError.unknownTeacher(id: id).description)
            let ledger = try await BlockingWork.quick {
                var ledger = try CertificationEngine.ledger(teacherId: id, in: db, asOf: asOf, profile: profile)
                ledger.profile = ledger.profile.map { ($0 as NSString).lastPathComponent }  // no server path
                return try JSONOutput.encoder().encode(ledger)
            }
            return JSONResponse.make(data: ledger)
        }
    }
}
