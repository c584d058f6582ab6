import ArgumentParser
import Foundation
import XinyuCore

/// The `xinyu` command: parses arguments and calls the libraries; nothing else lives here.
@main
struct Xinyu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xinyu",
        abstract: "心育 Xinyu: teacher training, certification coverage and mental-health lessons for a school district.",
        discussion: """
            Exit status: 0 ok, 1 usage or other error, 2 input rejected, 3 import partially applied.
            The database is --db PATH, else $XINYU_DB, else ./xinyu.sqlite.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, SampleFeedCommand.self,
            ImportCommand.self, ImportsCommand.self,
            SchoolsCommand.self, TeachersCommand.self,
            CertsCommand.self, CoverageCommand.self, QuotaCommand.self,
            LessonsCommand.self, ActivitiesCommand.self, ScheduleCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command with the product's exit statuses (ArgumentParser's own usage code is 64; ours is 1).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any XinyuError {
            FileHandle.standardError.write(Data(("xinyu: " + error.description + "\n").utf8))
            Foundation.exit(error.exitStatus)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = fullMessage(for: error)
            FileHandle.standardError.write(Data(("xinyu: " + (message.isEmpty ? "\(error)" : message) + "\n").utf8))
            Foundation.exit(1)
        }
    }
}
