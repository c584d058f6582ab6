import ArgumentParser
import Certifications
import XinyuCore

extension Role: ExpressibleByArgument {}
extension TeacherStatus: ExpressibleByArgument {}

struct TeachersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "teachers", abstract: "Teachers, and one teacher's training ledger.",
        subcommands: [List.self, Show.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List teachers.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only this school's teachers.") var school: String?
        @Option(help: "Only this role: psych-fulltime, psych-parttime, class-teacher, subject-teacher, leader.") var role: Role?
        @Option(help: "Only active or inactive teachers.") var status: TeacherStatus?
        @Option(help: "Only teachers of this district's schools (6-digit code), when one database holds several.")
        var district: String?

        func run() async throws {
            let store = try global.openForReading()
            if let district { _ = try store.schools(ofDistrict: district) }
            let teachers = try store.teachers(school: school, district: district, role: role, status: status)
            try emit(output.format, json: teachers) {
                TextTable(
                    headers: ["id", "name", "school", "role", "hired", "status"],
                    rows: teachers.map {
                        [
                            $0.id, $0.name, $0.schoolId, $0.role.rawValue,
                            $0.hired?.description ?? "", $0.status.rawValue,
                        ]
                    })
            }
        }
    }
}
