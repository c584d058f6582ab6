import Certifications
import Foundation
import XinyuCore

/// The reports the server computes (coverage, quota, the dashboard page), each cached per parameters in one
/// ``CoverageCache`` and computed on the heavy lane of ``BlockingWork``.
///
/// Every request first reads the store's data version on the quick lane (one row); the cache empties itself when
/// it moved. A missing entry is computed once however many requests ask for it at the same time: the others wait
/// for that computation (asynchronously, holding no thread), so a burst of requests during an import never starts
/// more than one computation per key.
struct ReportService: Sendable {
    let database: AppDatabase
    let profile: RuleProfile
    let profilePath: String?
    let cache: CoverageCache

    /// The coverage report's JSON bytes, exactly as `xinyu coverage --format json` prints them.
    func coverageJSON(asOf: Day, school: String?) async throws -> Data {
        let (db, profile) = (database, profile)
        return try await cached("coverage|\(asOf)|\(school ?? "")") {
            try JSONOutput.encoder().encode(try CoverageReport.compute(in: db, asOf: asOf, school: school, profile: profile))
        }
    }

    /// The quota report's JSON bytes, exactly as `xinyu quota --format json` prints them.
    func quotaJSON(year: SchoolYear, school: String?, includeTeachers: Bool) async throws -> Data {
        let (db, profilePath) = (database, profilePath)
        return try await cached("quota|\(year)|\(school ?? "")|\(includeTeachers)") {
            try JSONOutput.encoder().encode(try QuotaReport.compute(in: db, year: year, school: school,
                                                                   includeTeachers: includeTeachers, profilePath: profilePath))
        }
    }

    /// The dashboard page's HTML bytes for one date and language.
    func dashboardHTML(asOf: Day, lang: DashboardLanguage) async throws -> Data {
        let (db, profile, profilePath) = (database, profile, profilePath)
        return try await cached("dashboard|\(asOf)|\(lang.rawValue)") {
            let model = try DashboardModel.compute(in: db, asOf: asOf, profile: profile, profilePath: profilePath)
            return Data(DashboardPage(model: model, lang: lang).render().utf8)
        }
    }

    /// The cached bytes for `key`, or computes them once on the heavy lane.
    private func cached(_ key: String, _ compute: @escaping @Sendable () throws -> Data) async throws -> Data {
        let db = database
        let version = try await BlockingWork.probe { try db.dataVersion() }
        return try await cache.value(for: key, version: version) { try await BlockingWork.heavy(compute) }
    }
}
