import Certifications
import Foundation
import Hummingbird
import XinyuCore

/// `GET /`: the dashboard, built from the same reports the API serves (and the same cache).
///
/// Targets drawn: C = 100% of active teachers, the certification module's own "below target" rule
/// (`CoverageReport.SchoolCoverage.belowTargets`, Guangdong's 全员培训). The profile defines no B or A share
/// target, so no line is drawn for them rather than inventing one.
struct DashboardController {
    let database: AppDatabase
    let profilePath: String?
    let profile: RuleProfile
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
        let (db, profilePath, profile) = (database, profilePath, profile)
        let quotaData = try await cache.value(for: "quota|\(year)||false", version: try database.dataVersion()) {
            try JSONOutput.encoder().encode(try QuotaReport.compute(in: db, year: year, school: nil, includeTeachers: false, profilePath: profilePath))
        }
        let quota = try JSONDecoder().decode(QuotaReport.self, from: quotaData)
        let quotaRows = quota.schools.map {
            DashboardModel.QuotaRow(school: $0.id, name: $0.name, teachers: $0.teachers, meetsAll: $0.meetsAll,
                                    wholeStaffMet: $0.wholeStaff.allSatisfy(\.met))
        }
        let coverageData = try await cache.value(for: "coverage|\(asOf)|", version: try database.dataVersion()) {
            try JSONOutput.encoder().encode(try CoverageReport.compute(in: db, asOf: asOf, school: nil, profile: profile))
        }
        let coverage = try JSONDecoder().decode(CoverageReport.self, from: coverageData)
        func share(_ n: Int, _ of: Int) -> Double { of == 0 ? 0 : Double(n) / Double(of) }
        let rows = coverage.schools.map {
            DashboardModel.CoverageRow(school: $0.id, name: $0.name, activeTeachers: $0.teachers,
                                       c: share($0.certified.C, $0.teachers), b: share($0.certified.B, $0.teachers),
                                       a: share($0.certified.A, $0.teachers))
        }
        let names = Dictionary(uniqueKeysWithValues: coverage.schools.map { ($0.id, $0.name) })
        let expiring = try await ImportsController.offload {
            try CertificationEngine.statuses(in: db, asOf: asOf, profile: profile).filter(\.isExpiring)
        }.compactMap { s -> DashboardModel.Expiring? in
            guard let level = s.effectiveLevel else { return nil }
            return .init(teacher: s.teacherId, name: s.name, school: names[s.schoolId] ?? s.schoolId, level: level.rawValue,
                         ends: s.level(level).cycleEnd?.description ?? "")
        }.sorted { ($0.ends, $0.teacher) < ($1.ends, $1.teacher) }
        return DashboardModel(asOf: asOf, coverage: rows, targets: .init(c: 1.0, b: nil, a: nil),
                              schoolsWithoutPsych: coverage.schools.filter { !$0.hasQualifiedPsychTeacher }.map { ($0.id, $0.name) },
                              expiring: expiring, quotaYear: year.description, quota: quotaRows)
    }
}
