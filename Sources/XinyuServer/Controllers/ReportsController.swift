import Foundation
import Hummingbird
import XinyuCore

/// `GET /api/v1/quota`: computed by the certification library (the same call as `xinyu quota`), cached per
/// parameters by the ``ReportService``. A school's users get their own school's quota (another school is unknown).
struct ReportsController {
    let database: any ReportStore
    let reports: ReportService

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let db = database
        api.get("quota") { request, context in
            let year = try request.queryParsed("year", SchoolYear.parse) ?? SchoolYear(containing: Day.today())
            var school = try request.query("school")
            if let school { try await BlockingWork.quick { try db.requireSchool(school) } }
            var district: String?
            switch try context.readScope() {
            case .district: break
            case .schools(let d, _):
                if let school {
                    try context.require(.read(.school(school)), notFound: StoreError.unknownSchool(id: school).description)
                } else {
                    district = d
                }
            case .school(let s), .teacher(_, let s):
                let asked = school ?? s
                try context.require(.read(.school(asked)), notFound: StoreError.unknownSchool(id: asked).description)
                school = asked
            }
            let includeTeachers = try request.queryBool("teachers") ?? false
            return JSONResponse.make(
                data: try await reports.quotaJSON(
                    year: year, school: school, district: district, includeTeachers: includeTeachers,
                    version: context.caller?.dataVersion))
        }
    }
}
