import ArgumentParser
import Foundation
import XinyuCore

/// `xinyu check`: SQLite's integrity and foreign-key checks and the store's own invariants, one line per problem.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database file and its data; prints ok, or one line per problem (\"table key: problem\").",
        discussion: "Exit status: 0 when clean, 1 when problems are found (or the database cannot be opened).")
    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let path = global.displayName
        guard path.isEmpty || global.isPostgres || FileManager.default.fileExists(atPath: path) else {
            throw UsageError("database \(path) does not exist; nothing to check (pass another --db)")
        }
        let problems = try global.openForReading().consistencyProblems()
        if problems.isEmpty {
            print("ok")
            return
        }
        for p in problems { print(p.description) }
        FileHandle.standardError.write(
            Data("xinyu: check found \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(path)\n".utf8))
        throw ExitCode(1)
    }
}
