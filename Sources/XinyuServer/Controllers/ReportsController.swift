import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// Reports computed by the certification library (the same calls as `xinyu quota` / `xinyu coverage`),
/// cached per parameters until the next import.
struct ReportsController {
    let database: AppDatabase
    let profilePath: String?
    let cache: CoverageCache

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("quota") { request, _ in
            let year = try Self.schoolYear(request.query("year"))
            let school = request.query("school")
            if let school { try database.requireSchool(school) }
            let includeTeachers = request.query("teachers").map { $0 == "true" || $0 == "1" } ?? false
            let key = "quota|\(year)|\(school ?? "")|\(includeTeachers)"
            let (db, profile) = (database, profilePath)
            let data = try await cache.value(for: key, version: try database.dataVersion()) {
                try JSONOutput.encoder().encode(try QuotaReport.compute(in: db, year: year, school: school,
                                                                       includeTeachers: includeTeachers, profilePath: profile))
            }
            return JSONResponse.make(data: data)
        }
    }

    /// `year=2025-2026` or `year=2025`; absent means the school year containing today.
    static func schoolYear(_ text: String?) throws -> SchoolYear {
        guard let text else { return SchoolYear(containing: Day.today()) }
        guard let y = SchoolYear(text) else { throw APIError.badParameter("year=\(text): not a school year; write 2025-2026 or 2025") }
        return y
    }
}
