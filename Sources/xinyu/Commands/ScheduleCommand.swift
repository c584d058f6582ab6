import ArgumentParser
import XinyuCore

struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schedule", abstract: "Build, show and export term schedules of psychology lessons.")
    func run() async throws { throw UsageError("`xinyu schedule` is not available in this build yet") }
}
