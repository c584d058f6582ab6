import Certifications
import Foundation
import XinyuCore

/// The demo's district report: each capability prints its headline here.
struct DemoReport {
    let store: AppDatabase
    let asOf: Day

    func print() throws {
        let schools = try store.schoolSummaries()
        let classes = schools.reduce(0) { $0 + $1.classes }
        let teachers = schools.reduce(0) { $0 + $1.activeTeachers }
        Swift.print("District: \(schools.count) schools, \(classes) classes, \(teachers) active teachers; \(schools.filter(\.counselingRoom).count) schools with a counseling room")
        try coverage()
        try quota()
    }

    private func percent(_ n: Int, _ of: Int) -> String {
        of == 0 ? "–" : String(format: "%.1f%%", Double(n) * 100 / Double(of))
    }

    /// The district's A/B/C coverage as of the date (issue 4).
    private func coverage() throws {
        let profile = try RuleProfile.load(path: nil)
        let report = try CoverageReport.compute(in: store, asOf: asOf, school: nil, profile: profile)
        let d = report.district
        Swift.print("""

            Certification coverage as of \(asOf) (active teachers; A counts toward B and C):
              C or above \(d.certified.C) (\(percent(d.certified.C, d.teachers)))   B or above \(d.certified.B) (\(percent(d.certified.B, d.teachers)))   A \(d.certified.A) (\(percent(d.certified.A, d.teachers)))
              meeting their role's requirement: \(d.meetingRoleRequirement) of \(d.teachers) (\(percent(d.meetingRoleRequirement, d.teachers)))
              schools with a qualified psych teacher (B or A): \(d.schoolsWithQualifiedPsychTeacher) of \(d.schools)
              expiring within the warning window: \(d.expiring); lapsed: \(d.lapsed); eligible now: C \(d.eligible.C), B \(d.eligible.B), A \(d.eligible.A)
            """)
        let lacking = report.schools.filter { !$0.hasQualifiedPsychTeacher }
        if !lacking.isEmpty {
            let names = lacking.prefix(5).map { "\($0.id) \($0.name)" }.joined(separator: "、")
            Swift.print("  no qualified psych teacher: \(names)\(lacking.count > 5 ? " and \(lacking.count - 5) more" : "")")
        }
    }

    /// Union quotas for the last complete school year and the current one so far (issue 5).
    private func quota() throws {
        let current = SchoolYear(containing: asOf)
        let last = SchoolYear(startYear: current.startYear - 1)
        Swift.print("\nUnion training quotas (≥ 72 h in the year by category, ≥ 4 professional sessions):")
        for year in [last, current] {
            let q = try QuotaReport.compute(in: store, year: year, school: nil, includeTeachers: false, profilePath: nil)
            let d = q.district
            let behind = q.schools.filter { $0.meetsAll * 2 < $0.teachers }.count
            Swift.print("  \(year)\(year == current ? " (so far)" : ""): meet hours \(d.meetsHours) (\(percent(d.meetsHours, d.teachers))), meet sessions \(d.meetsSessions) (\(percent(d.meetsSessions, d.teachers))), meet both \(d.meetsAll) of \(d.teachers); \(behind) schools with fewer than half at quota")
        }
    }
}
