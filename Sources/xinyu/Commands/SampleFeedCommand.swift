import ArgumentParser
import XinyuCore

struct SampleFeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample-feed", abstract: "Write a deterministic synthetic district feed.")
    func run() async throws { throw UsageError("`xinyu sample-feed` is not available in this build yet") }
}
