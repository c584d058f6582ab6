import ArgumentParser
import Certifications
import XinyuCore

extension Level: ExpressibleByArgument {}
extension CertStatus: ExpressibleByArgument {}

struct CertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certs", abstract: "Certification statuses as of a date; printable certificates and revocation.",
        subcommands: [List.self, CertsPrintCommand.self, CertsRevokeCommand.self, CertsRevokedCommand.self],
        defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: """
                One row per teacher and level with a status other than none \
                (e.g. --status expiring, --status eligible --level B).
                """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @OptionGroup var profileOption: ProfileOption
        @Option(help: "Only this school's teachers.") var school: String?
        @Option(help: "Only the teachers of this district's schools (6-digit code), when one database holds several.")
        var district: String?
        @Option(help: "Only this level: C, B or A.") var level: Level?
        @Option(
            help: ArgumentHelp(
                "Only this status: none, in-training, eligible, certified, expiring, lapsed "
                    + "(a lapsed teacher training again matches both lapsed and in-training).")
        )
        var status: CertStatus?
        @OptionGroup var asOfOption: AsOfOption
        @Flag(help: "Also list inactive teachers.") var includeInactive = false

        func validate() throws {
            if school != nil, district != nil { throw ValidationError("--school and --district: give at most one") }
        }

        func run() async throws {
            let day = try asOfOption.day()
            let profile = try profileOption.load()
            let db = try global.openForReading()
            if let school { try db.requireSchool(school) }
            if let district { _ = try db.schools(ofDistrict: district) }
            let rows = try CertificationEngine.statuses(
                in: db, asOf: day, profile: profile, school: school, district: district,
                includeInactive: includeInactive
            )
            .flatMap { t in t.levels.map { (t, $0) } }
            .filter { _, ls in
                (level == nil || ls.level == level) && ls.matches(status)
            }
            let json = rows.map { t, ls in CertRow(teacher: t, level: ls) }
            try emit(output.format, json: json) {
                TextTable(
                    headers: ["teacher", "name", "school", "role", "level", "status", "cycle end", "reason"],
                    rows: rows.map { t, ls in
                        [
                            t.teacherId, t.name, t.schoolId, t.role.rawValue, ls.level.rawValue, ls.status.rawValue,
                            ls.cycleEnd?.description ?? "", ls.reason,
                        ]
                    })
            }
        }
    }
}

/// One `certs list` row as JSON.
struct CertRow: Encodable {
    var teacherId: String
    var name: String
    var schoolId: String
    var role: Role
    var teacherStatus: TeacherStatus
    var effectiveLevel: Level?
    var level: LevelStatus

    init(teacher t: TeacherCertStatus, level: LevelStatus) {
        teacherId = t.teacherId
        name = t.name
        schoolId = t.schoolId
        role = t.role
        teacherStatus = t.teacherStatus
        effectiveLevel = t.effectiveLevel
        self.level = level
    }
}
