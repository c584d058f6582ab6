import ArgumentParser
import XinyuCore

struct QuotaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quota", abstract: "Union training quotas per school year, and seat planning.")
    func run() async throws { throw UsageError("`xinyu quota` is not available in this build yet") }
}
