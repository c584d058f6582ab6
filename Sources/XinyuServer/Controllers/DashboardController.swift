import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// `GET /`: the dashboard, built from the same reports the API serves.
struct DashboardController {
    let database: AppDatabase
    let profilePath: String?
    let cache: CoverageCache

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let lang = DashboardLanguage(query: request.query("lang"))
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let model = try await model(asOf: asOf)
            return JSONResponse.text(DashboardPage(model: model, lang: lang).render(), contentType: "text/html; charset=utf-8")
        }
    }

    func model(asOf: Day) async throws -> DashboardModel {
        let year = SchoolYear(containing: asOf)
        let (db, profile) = (database, profilePath)
        let quotaData = try await cache.value(for: "quota|\(year)||false") {
            try JSONOutput.encoder().encode(try QuotaReport.compute(in: db, year: year, school: nil, includeTeachers: false, profilePath: profile))
        }
        let quota = try JSONDecoder().decode(QuotaReport.self, from: quotaData)
        let rows = quota.schools.map {
            DashboardModel.QuotaRow(school: $0.id, name: $0.name, teachers: $0.teachers, meetsAll: $0.meetsAll,
                                    wholeStaffMet: $0.wholeStaff.allSatisfy(\.met))
        }
        return DashboardModel(asOf: asOf, coverage: nil, schoolsWithoutPsych: nil, expiring: nil,
                              quotaYear: year.description, quota: rows)
    }
}
