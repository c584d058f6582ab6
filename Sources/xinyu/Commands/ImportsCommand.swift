import ArgumentParser
import XinyuCore

struct ImportsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "imports", abstract: "The import log.")
    func run() async throws { throw UsageError("`xinyu imports` is not available in this build yet") }
}
