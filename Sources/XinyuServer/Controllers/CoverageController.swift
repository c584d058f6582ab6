import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// Coverage and teacher ledgers from the certification engine (the same calls as `xinyu coverage` and
/// `xinyu teachers show`). Coverage JSON is cached per (asOf, school) by the ``ReportService``.
struct CoverageController {
    let database: any ReportStore
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
                var ledger = try CertificationEngine.ledger(teacherId: id, in: db, asOf: asOf, profile: profile)
                ledger.profile = ledger.profile.map { ($0 as NSString).lastPathComponent }   // no server path
                return try JSONOutput.encoder().encode(ledger)
            }
            return JSONResponse.make(data: ledger)
        }
    }
}
