import ArgumentParser
import Curriculum
import XinyuCore

struct ActivitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "activities", abstract: "The group-guidance activity catalog.",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List group-guidance activities with sizes, sessions and facilitator level.")
        @OptionGroup var global: LibraryOnlyOptions
        @OptionGroup var output: FormatOption

        func run() async throws {
            let list = try Curriculum.activities()
            try emit(output.format, json: list) {
                TextTable(
                    headers: ["id", "name", "name (en)", "group size", "sessions", "minutes", "facilitator", "bands", "room"],
                    rows: list.map {
                        [
                            $0.id, $0.name, $0.nameEn, "\($0.minSize)–\($0.maxSize)", String($0.sessions),
                            String($0.minutes), "≥ \($0.facilitatorLevel.rawValue)",
                            $0.bands.map(\.rawValue).joined(separator: " "), $0.room,
                        ]
                    },
                    numeric: [4, 5])
            }
        }
    }
}
