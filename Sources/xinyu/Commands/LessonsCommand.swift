import ArgumentParser
import XinyuCore

struct LessonsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lessons", abstract: "The grade-banded lesson library.")
    func run() async throws { throw UsageError("`xinyu lessons` is not available in this build yet") }
}
