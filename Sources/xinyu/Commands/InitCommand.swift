import ArgumentParser
import XinyuCore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create (or bring up to date) the database.")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let db = try global.open()
        let counts = try db.tableCounts()
        print(
            "database \(global.displayName) is ready: \(counts["school"] ?? 0) schools, \(counts["teacher"] ?? 0) teachers,"
                + " \(counts["importLog"] ?? 0) imports"
        )
    }
}
