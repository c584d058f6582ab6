import ArgumentParser
import XinyuCore

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the JSON API and the coverage dashboard over HTTP.")
    func run() async throws { throw UsageError("`xinyu serve` is not available in this build yet") }
}
