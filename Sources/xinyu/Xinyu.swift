import ArgumentParser
import Foundation
import XinyuCore

#if canImport(Glibc)
    import Glibc
#endif

/// The `xinyu` command: parses arguments and calls the libraries; nothing else lives here.
@main
struct Xinyu: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xinyu",
        abstract: "心育 Xinyu: teacher training, certification coverage and mental-health lessons for a school district.",
        discussion: """
            Exit status: 0 ok, 1 usage or other error, 2 input rejected (a bad file, or a bad date, school year or
            term option), 3 import partially applied.
            The database is --db PATH, else $XINYU_DB, else ./xinyu.sqlite; a write waits up to
            $XINYU_BUSY_TIMEOUT seconds (default 60) for another process's write lock.
            """,
        subcommands: [
            InitCommand.self, DemoCommand.self, SampleFeedCommand.self,
            ImportCommand.self, ImportsCommand.self,
            SchoolsCommand.self, TeachersCommand.self,
            CertsCommand.self, CoverageCommand.self, QuotaCommand.self,
            LessonsCommand.self, ActivitiesCommand.self, GroupsCommand.self, ScheduleCommand.self, TimetableCommand.self,
            TrainingsCommand.self, AttendanceCommand.self, SubmissionsCommand.self, ApprovalsCommand.self,
            ServeCommand.self, BackupCommand.self, CheckCommand.self,
            UsersCommand.self, TokensCommand.self, AuditCommand.self,
            RemindCommand.self, NoticesCommand.self, StatsCommand.self,
        ]
    )

    /// Runs the command with the product's exit statuses (ArgumentParser's own usage code is 64; ours is 1).
    static func main() async {
        do {
            var command = try parseAsRoot(Xinyu.arguments(CommandLine.arguments.dropFirst()))
            if !(command is ServeCommand) { growHeapsInLargeSteps() }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as any XinyuError {
            FileHandle.standardError.write(Data(("xinyu: " + cliLine(error) + "\n").utf8))
            Foundation.exit(error.exitStatus)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            var message = Xinyu.message(for: error)
            if message.isEmpty { message = "\(error)" }
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            let line = message.split(separator: "\n").first.map(String.init) ?? message
            FileHandle.standardError.write(Data(("xinyu: " + line + " (see xinyu --help)\n").utf8))
            Foundation.exit(1)
        }
    }

    /// How much more than asked a malloc arena's heap grows by (`M_TOP_PAD`) in batch commands: 16 MiB.
    static let heapTopPad: Int32 = 16 << 20

    /// glibc grows the heap of each worker thread's malloc arena by a page or so at a time, one `mprotect` call
    /// each: about 2,600 calls in one district coverage report, a tenth of its time. Growing by 16 MiB instead
    /// costs address space only (pages are still given memory when first touched). Batch commands only: `serve`
    /// runs for long on many threads, whose heaps should not each grow (and keep) 16 MiB at a time.
    static func growHeapsInLargeSteps() {
        #if canImport(Glibc)
            // mallopt(M_TOP_PAD, 16 MiB); <malloc.h> is not part of Swift's Glibc module, so it is looked up by name.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            let mTopPad: Int32 = -2
            if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {  // RTLD_DEFAULT
                _ = unsafeBitCast(symbol, to: Mallopt.self)(mTopPad, heapTopPad)
            }
        #endif
    }

    /// Moves global options given before the subcommand (`xinyu --db X schools list`) after it,
    /// where every subcommand's `@OptionGroup` reads them.
    static func arguments(_ raw: ArraySlice<String>) -> [String] {
        var args = Array(raw)
        var moved: [String] = []
        while let first = args.first, first.hasPrefix("--db") {
            if first == "--db", args.count >= 2 {
                moved += args.prefix(2)
                args.removeFirst(2)
            } else if first.hasPrefix("--db=") {
                moved.append(args.removeFirst())
            } else {
                break
            }
        }
        return args + moved
    }
}
