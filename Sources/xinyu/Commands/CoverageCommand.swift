import ArgumentParser
import Certifications
import XinyuCore

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage", abstract: "The district's A/B/C certification coverage report.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var asOfOption: AsOfOption
    @Option(help: "Only this school.") var school: String?
    @Option(help: "Only the schools of this district (6-digit code), when one database holds several.")
    var district: String?
    @Flag(help: "One line per district and one for them all (a city or province in one database).")
    var byDistrict = false

    func validate() throws {
        let given = [school != nil, district != nil, byDistrict].filter { $0 }.count
        if given > 1 { throw ValidationError("--school, --district and --by-district: give at most one") }
    }

    func run() async throws {
        let day = try asOfOption.day()
        let profile = try profileOption.load()
        let store = try global.openForReading()
        if byDistrict {
            let report = try DistrictCoverageReport.compute(in: store, asOf: day, profile: profile)
            return try emit(output.format, json: report) { report.table() }
        }
        let report =
            try district.map { try CoverageReport.compute(in: store, asOf: day, district: $0, profile: profile) }
            ?? CoverageReport.compute(in: store, asOf: day, school: school, profile: profile)
        try emit(output.format, json: report) { report.table() }
    }
}

extension DistrictCoverageReport {
    /// Districts sorted by code, then a region row; percentages of active teachers.
    func table() -> TextTable {
        func pct(_ n: Int, _ of: Int) -> String {
            of == 0 ? "-" : String(format: "%.1f%%", Double(n) * 100 / Double(of))
        }
        func row(_ code: String, _ d: CoverageReport.District, below: Int) -> [String] {
            [
                code, String(d.schools), String(below), String(d.teachers), pct(d.certified.C, d.teachers),
                pct(d.certified.B, d.teachers), pct(d.certified.A, d.teachers), pct(d.meetingRoleRequirement, d.teachers),
                "\(d.schoolsWithQualifiedPsychTeacher)/\(d.schools)", String(d.expiring), String(d.lapsed),
                "\(d.eligible.C)/\(d.eligible.B)/\(d.eligible.A)",
            ]
        }
        var rows = districts.map { row($0.district, $0.coverage, below: $0.belowTarget) }
        rows.append(row("all", region, below: regionBelowTarget))
        return TextTable(
            headers: [
                "district", "schools", "below target", "teachers", "C+", "B+", "A", "role met", "psych teacher",
                "expiring", "lapsed", "eligible C/B/A",
            ],
            rows: rows, numeric: [1, 2, 3, 4, 5, 6, 7, 9, 10])
    }
}

extension CoverageReport {
    /// Schools, then a district row; percentages of active teachers; `flags` names what is below target.
    func table() -> TextTable {
        func pct(_ n: Int, _ of: Int) -> String {
            of == 0 ? "-" : String(format: "%.1f%%", Double(n) * 100 / Double(of))
        }
        func row(
            id: String, name: String, teachers: Int, c: LevelCounts, role: Int, psych: String, expiring: Int,
            lapsed: Int, eligible: LevelCounts, flags: String
        ) -> [String] {
            [
                id, name, String(teachers), pct(c.C, teachers), pct(c.B, teachers), pct(c.A, teachers), pct(role, teachers),
                psych, String(expiring), String(lapsed), "\(eligible.C)/\(eligible.B)/\(eligible.A)", flags,
            ]
        }
        var rows = schools.map { s in
            var flags: [String] = []
            if s.certified.C < s.teachers { flags.append("below C target") }
            if !s.hasQualifiedPsychTeacher { flags.append("no qualified psych teacher") }
            return row(
                id: s.id, name: s.name, teachers: s.teachers, c: s.certified, role: s.meetingRoleRequirement,
                psych: s.hasQualifiedPsychTeacher ? "yes" : "NO", expiring: s.expiring, lapsed: s.lapsed,
                eligible: s.eligible, flags: flags.joined(separator: "; "))
        }
        let d = district
        let below = schools.filter(\.belowTargets).count
        rows.append(
            row(
                id: "district", name: "\(d.schools) schools, \(below) below target", teachers: d.teachers,
                c: d.certified, role: d.meetingRoleRequirement,
                psych: "\(d.schoolsWithQualifiedPsychTeacher)/\(d.schools)", expiring: d.expiring,
                lapsed: d.lapsed, eligible: d.eligible, flags: ""))
        return TextTable(
            headers: [
                "school", "name", "teachers", "C+", "B+", "A", "role met", "psych teacher",
                "expiring", "lapsed", "eligible C/B/A", "flags",
            ],
            rows: rows, numeric: [2, 3, 4, 5, 6, 8, 9])
    }
}
