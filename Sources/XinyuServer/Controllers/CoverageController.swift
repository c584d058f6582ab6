import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// Coverage and teacher ledgers from the certification engine (the same calls as `xinyu coverage` and
/// `xinyu teachers show`). Coverage JSON is cached per (asOf, school) until the next import.
struct CoverageController {
    let database: AppDatabase
    let profile: RuleProfile
    let cache: CoverageCache

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("coverage") { request, _ in
            let asOf = try request.queryDay("asOf") ?? Day.today()
            return JSONResponse.make(data: try await coverageJSON(asOf: asOf, school: nil))
        }
        api.get("coverage/{school}") { request, context in
            let school = try context.parameters.requireString("school")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            try database.requireSchool(school)
            return JSONResponse.make(data: try await coverageJSON(asOf: asOf, school: school))
        }
        api.get("teachers/{id}/ledger") { request, context in
            let id = try context.parameters.requireString("id")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            return try JSONResponse.make(try CertificationEngine.ledger(teacherId: id, in: database, asOf: asOf, profile: profile))
        }
    }

    /// The report's JSON bytes, exactly as `xinyu coverage --format json` prints them.
    func coverageJSON(asOf: Day, school: String?) async throws -> Data {
        let (db, profile) = (database, profile)
        return try await cache.value(for: "coverage|\(asOf)|\(school ?? "")", version: try db.dataVersion()) {
            try JSONOutput.encoder().encode(try CoverageReport.compute(in: db, asOf: asOf, school: school, profile: profile))
        }
    }
}
