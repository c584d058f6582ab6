import ArgumentParser
import XinyuCore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Generate a sample district, import it and print the district's report.")
    func run() async throws { throw UsageError("`xinyu demo` is not available in this build yet") }
}
