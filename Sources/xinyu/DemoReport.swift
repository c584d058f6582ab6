import Certifications
import Curriculum
import Foundation
import XinyuCore

/// The demo's district report: each capability prints its headline here.
struct DemoReport {
    let store: any XinyuStore
    let asOf: Day
    /// The bundled rule profile, read once for every section.
    let profile: RuleProfile

    func print() throws {
        let schools = try store.schoolSummaries()
        let classes = schools.reduce(0) { $0 + $1.classes }
        let teachers = schools.reduce(0) { $0 + $1.activeTeachers }
        Swift.print(
            "District: \(schools.count) schools, \(classes) classes, \(teachers) active teachers;"
                + " \(schools.filter(\.counselingRoom).count) schools with a counseling room"
        )
        try coverage()
        try quota()
        try schedule()
    }

    private func percent(_ n: Int, _ of: Int) -> String {
        of == 0 ? "–" : String(format: "%.1f%%", Double(n) * 100 / Double(of))
    }

    /// The district's A/B/C coverage as of the date (issue 4).
    private func coverage() throws {
        let report = try CoverageReport.compute(in: store, asOf: asOf, school: nil, profile: profile)
        let d = report.district
        Swift.print(
            """

            Certification coverage as of \(asOf) (active teachers; A counts toward B and C):
              C or above \(d.certified.C) (\(percent(d.certified.C, d.teachers)))   \
            B or above \(d.certified.B) (\(percent(d.certified.B, d.teachers)))   \
            A \(d.certified.A) (\(percent(d.certified.A, d.teachers)))
              meeting their role's requirement: \(d.meetingRoleRequirement) of \(d.teachers) \
            (\(percent(d.meetingRoleRequirement, d.teachers)))
              schools with a qualified psych teacher (B or A): \(d.schoolsWithQualifiedPsychTeacher) of \(d.schools)
              expiring within the warning window: \(d.expiring); lapsed: \(d.lapsed); \
            eligible now: C \(d.eligible.C), B \(d.eligible.B), A \(d.eligible.A)
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
            Swift.print(
                "  \(year)\(year == current ? " (so far)" : ""):"
                    + " meet hours \(d.meetsHours) (\(percent(d.meetsHours, d.teachers))),"
                    + " meet sessions \(d.meetsSessions) (\(percent(d.meetsSessions, d.teachers))),"
                    + " meet both \(d.meetsAll) of \(d.teachers); \(behind) schools with fewer than half at quota"
            )
        }
    }

    /// The term's psychology lessons for every class, and one class's first weeks (issue 6).
    private func schedule() throws {
        let term = Term(
            startYear: SchoolYear(containing: asOf).startYear, half: asOf.month >= 2 && asOf.month <= 8 ? .spring : .fall)
        let rules = try ScheduleRules.bundled()
        let built = try Curriculum.buildSchedule(in: store, term: term, rules: rules, profile: profile)
        Swift.print(
            """

            Psychology lessons, term \(built.term): \(built.sessions) periods planned for \(built.classes) classes \
            in \(built.schools) schools (\(built.groupSessions) group-guidance sessions), \
            \(built.classesFull) classes at the rules' frequency, \(built.classesDegraded) less often, \
            \(built.unplaced.count) classes or groups not placed; soft score \(String(format: "%.2f", built.score.total))
            """)
        if let first = built.unplaced.first { Swift.print("  not placed, e.g. \(first.class): \(first.reason)") }
        guard let school = try store.schoolSummaries().first(where: { $0.classes > 0 }) else { return }
        let view = try Curriculum.schedule(in: store, school: school.id, term: built.term, rules: rules)
        guard let cls = view.sessions.first(where: { $0.kind == .lesson })?.class else { return }
        let lessons = view.sessions.filter { $0.class == cls }.prefix(4)
        Swift.print("  class \(cls) (\(school.name)), first lessons:")
        for l in lessons {
            Swift.print("    \(l.date) period \(l.period) \(l.start)–\(l.end)  \(l.title) (\(l.titleEn))  \(l.teacherName)")
        }
    }
}
