import Foundation
import Hummingbird
import XinyuCore

/// `GET /api/v1/quota`: computed by the certification library (the same call as `xinyu quota`), cached per
/// parameters by the ``ReportService``.
struct ReportsController {
    let database: any ReportStore
    let reports: ReportService

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        let db = database
        api.get("quota") { request, _ in
            let year = try request.queryParsed("year", SchoolYear.parse) ?? SchoolYear(containing: Day.today())
            let school = try request.query("school")
            if let school { try await BlockingWork.quick { try db.requireSchool(school) } }
            let includeTeachers = try request.queryBool("teachers") ?? false
            return JSONResponse.make(data: try await reports.quotaJSON(year: year, school: school, includeTeachers: includeTeachers))
        }
    }
}
