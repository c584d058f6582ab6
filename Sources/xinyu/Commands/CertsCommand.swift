import ArgumentParser
import XinyuCore

struct CertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "certs", abstract: "Teachers' certification statuses as of a date.")
    func run() async throws { throw UsageError("`xinyu certs` is not available in this build yet") }
}
