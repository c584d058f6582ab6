import Certifications
import XinyuCore

extension DashboardModel {
    /// Computes what the dashboard shows as of `asOf`, from the same library reports the API serves (blocking:
    /// run it on the heavy lane). With `district` (a district-scoped role's page, issue #18) every figure is that
    /// district's, read through the district reports (the store reads only the district's rows); the district
    /// must have a stored school (else the reports throw ``UnknownDistrictError``).
    ///
    /// Targets drawn: C = 100% of active teachers, the certification module's own "below target" rule
    /// (`CoverageReport.SchoolCoverage.belowTargets`, Guangdong's 全员培训). The profile defines no B or A share
    /// target, so no line is drawn for them rather than inventing one.
    static func compute(
        in db: any ReportStore, asOf: Day, profile: RuleProfile, quotaRules: QuotaRules, district: String? = nil
    ) throws -> DashboardModel {
        let year = SchoolYear(containing: asOf)
        let quota =
            if let district {
                try QuotaReport.compute(in: db, year: year, district: district, includeTeachers: false, rules: quotaRules)
            } else {
                try QuotaReport.compute(in: db, year: year, school: nil, includeTeachers: false, rules: quotaRules)
            }
        let quotaRows = quota.schools.map {
            QuotaRow(
                school: $0.id, name: $0.name, teachers: $0.teachers, meetsAll: $0.meetsAll,
                wholeStaffMet: $0.wholeStaff.allSatisfy(\.met))
        }
        let coverage =
            if let district {
                try CoverageReport.compute(in: db, asOf: asOf, district: district, profile: profile)
            } else {
                try CoverageReport.compute(in: db, asOf: asOf, school: nil, profile: profile)
            }
        func share(_ n: Int, _ of: Int) -> Double { of == 0 ? 0 : Double(n) / Double(of) }
        let rows = coverage.schools.map {
            CoverageRow(
                school: $0.id, name: $0.name, activeTeachers: $0.teachers,
                c: share($0.certified.C, $0.teachers), b: share($0.certified.B, $0.teachers),
                a: share($0.certified.A, $0.teachers))
        }
        let names = Dictionary(uniqueKeysWithValues: coverage.schools.map { ($0.id, $0.name) })
        let expiring = try CertificationEngine.statuses(in: db, asOf: asOf, profile: profile, district: district)
            .filter(\.isExpiring)
            .compactMap { s -> Expiring? in
                guard let level = s.effectiveLevel else { return nil }
                return Expiring(
                    teacher: s.teacherId, name: s.name, school: names[s.schoolId] ?? s.schoolId,
                    level: level.rawValue, ends: s.level(level).cycleEnd?.description ?? "")
            }
            .sorted { ($0.ends, $0.teacher) < ($1.ends, $1.teacher) }
        return DashboardModel(
            asOf: asOf, district: district, coverage: rows, targets: .init(c: 1.0, b: nil, a: nil),
            schoolsWithoutPsych: coverage.schools.filter { !$0.hasQualifiedPsychTeacher }.map { ($0.id, $0.name) },
            expiring: expiring, quotaYear: year.description, quota: quotaRows)
    }
}
