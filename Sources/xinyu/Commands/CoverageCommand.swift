import ArgumentParser
import XinyuCore

struct CoverageCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "The district's A/B/C certification coverage report.")
    func run() async throws { throw UsageError("`xinyu coverage` is not available in this build yet") }
}
