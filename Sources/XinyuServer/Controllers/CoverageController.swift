import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// Coverage and teacher ledgers from the certification engine (the same calls as `xinyu coverage` and
/// `xinyu teachers show`). Coverage JSON is cached per (asOf, school) by the ``ReportService``.
struct CoverageController {
    let database: AppDatabase
    let profile: RuleProfile
    let reports: ReportService

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        let (db, profile) = (database, profile)
        api.get("coverage") { request, _ in
            let asOf = try request.queryDay("asOf") ?? Day.today()
            return JSONResponse.make(data: try await reports.coverageJSON(asOf: asOf, school: nil))
        }
        api.get("coverage/{school}") { request, context in
            let school = try context.parameters.requireString("school")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            try await BlockingWork.quick { try db.requireSchool(school) }
            return JSONResponse.make(data: try await reports.coverageJSON(asOf: asOf, school: school))
        }
        api.get("teachers/{id}/ledger") { request, context in
            let id = try context.parameters.requireString("id")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let ledger = try await BlockingWork.quick {
                try JSONOutput.encoder().encode(try CertificationEngine.ledger(teacherId: id, in: db, asOf: asOf, profile: profile))
            }
            return JSONResponse.make(data: ledger)
        }
    }
}
