import ArgumentParser
import XinyuCore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import district feed v1 or IMS Enterprise 1.1 XML files.")
    func run() async throws { throw UsageError("`xinyu import` is not available in this build yet") }
}
