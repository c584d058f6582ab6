import Certifications
import Foundation
import XinyuCore

/// The reports the server computes (coverage, quota, the dashboard page), each cached per ``ReportKey`` in one
/// ``ReportCache`` and computed on the heavy lane of ``BlockingWork``, from the rule profile loaded once at start.
///
/// Every request first reads the store's data version on the probe lane (one row; the authentication already
/// read it for the request, and passes it on); the cache empties itself when it moved. A missing entry is computed
/// once however many requests ask for it at the same time: the others wait for that computation (asynchronously,
/// holding no thread), so a burst of requests during an import never starts more than one computation per key.
struct ReportService: Sendable {
    let database: any ReportStore
    let profile: RuleProfile
    let quotaRules: QuotaRules
    let cache: ReportCache

    /// The coverage report's JSON bytes, exactly as `xinyu coverage --format json` prints them.
    func coverageJSON(asOf: Day, school: String?, district: String? = nil, version: String? = nil) async throws -> Data {
        let (db, profile) = (database, profile)
        return try await cached(.coverage(asOf: asOf, school: school, district: district), version: version) {
            let report =
                if let district {
                    try CoverageReport.compute(in: db, asOf: asOf, district: district, profile: profile)
                } else {
                    try CoverageReport.compute(in: db, asOf: asOf, school: school, profile: profile)
                }
            return try JSONOutput.encoder().encode(report)
        }
    }

    /// The quota report's JSON bytes, exactly as `xinyu quota --format json` prints them.
    func quotaJSON(
        year: SchoolYear, school: String?, district: String? = nil, includeTeachers: Bool, version: String? = nil
    ) async throws -> Data {
        let (db, rules) = (database, quotaRules)
        let key = ReportKey.quota(year: year, school: school, district: district, teachers: includeTeachers)
        return try await cached(key, version: version) {
            let report =
                if let district {
                    try QuotaReport.compute(
                        in: db, year: year, district: district, includeTeachers: includeTeachers, rules: rules)
                } else {
                    try QuotaReport.compute(
                        in: db, year: year, school: school, includeTeachers: includeTeachers, rules: rules)
                }
            return try JSONOutput.encoder().encode(report)
        }
    }

    /// The dashboard page's HTML bytes for one date and language, of the whole store or (`district`) one district.
    func dashboardHTML(
        asOf: Day, lang: DashboardLanguage, district: String? = nil, version: String? = nil
    ) async throws -> Data {
        let (db, profile, rules) = (database, profile, quotaRules)
        return try await cached(.dashboard(asOf: asOf, language: lang, district: district), version: version) {
            let model = try DashboardModel.compute(
                in: db, asOf: asOf, profile: profile, quotaRules: rules, district: district)
            return Data(DashboardPage(model: model, lang: lang).render().utf8)
        }
    }

    /// The cached bytes for `key`, or computes them once on the heavy lane. `version` is the store's data version
    /// when the caller read it already (the authentication did), else it is read here.
    private func cached(
        _ key: ReportKey, version: String?,
        _ compute: @escaping @Sendable () throws -> Data
    ) async throws -> Data {
        let db = database
        let known = version
        let version = if let known { known } else { try await BlockingWork.probe { try db.dataVersion() } }
        return try await cache.value(for: key, version: version) { try await BlockingWork.heavy(compute) }
    }
}
