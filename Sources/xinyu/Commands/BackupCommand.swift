import ArgumentParser
import Foundation
import XinyuCore
import XinyuPostgres

/// `xinyu backup OUT`: an online copy of the store, safe while `xinyu serve` or an import runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file with SQLite's online backup (safe while xinyu serve runs).",
        discussion:
            """
            OUT must not exist. The copy holds every committed write; it is written beside OUT and renamed into place \
            when complete.
            """
    )
    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new backup file.") var out: String

    func run() async throws {
        let path = global.databasePath
        if global.isPostgres {
            throw UsageError(
                """
                \(PostgresURL.redact(path)) is PostgreSQL: back it up with pg_dump (pg_dump -Fc -f xinyu.dump DBNAME) \
                or the server's own backups; xinyu backup copies SQLite files
                """)
        }
        guard path.isEmpty || FileManager.default.fileExists(atPath: path) else {
            throw UsageError("database \(path) does not exist; nothing to back up (pass another --db)")
        }
        let db = try global.openForReading()
        try db.backup(to: out)
        let counts = try AppDatabase.open(path: out, readOnly: true).tableCounts()
        print(
            "backed up \(path) to \(out): \(counts["school"] ?? 0) schools, \(counts["teacher"] ?? 0) teachers,"
                + " \(counts["attendance"] ?? 0) attendance records"
        )
    }
}
