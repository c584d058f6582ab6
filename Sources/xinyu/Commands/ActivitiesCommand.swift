import ArgumentParser
import XinyuCore

struct ActivitiesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "activities", abstract: "The group-guidance activity catalog.")
    func run() async throws { throw UsageError("`xinyu activities` is not available in this build yet") }
}
