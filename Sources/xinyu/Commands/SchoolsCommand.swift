import ArgumentParser
import Certifications
import XinyuCore

struct SchoolsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schools", abstract: "Schools of the district.", subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List schools with their classes and active teachers.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only the schools of this district (6-digit code), when one database holds several.")
        var district: String?

        func run() async throws {
            let store = try global.openForReading()
            if let district { _ = try store.schools(ofDistrict: district) }
            let schools = try store.schoolSummaries(district: district)
            try emit(output.format, json: schools) {
                TextTable(
                    headers: ["id", "name", "stage", "counseling room", "classes", "active teachers"],
                    rows: schools.map {
                        [
                            $0.id, $0.name, $0.stage.rawValue, $0.counselingRoom ? "yes" : "no",
                            String($0.classes), String($0.activeTeachers),
                        ]
                    },
                    numeric: [4, 5])
            }
        }
    }
}
