import ArgumentParser
import Certifications
import Foundation
import Importers
import XinyuAccounts
import XinyuCore

/// `xinyu demo`: the main job, end to end, on the embedded SQLite default.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate a sample district, import it into ./xinyu-demo.sqlite and print the district's report.")

    @Option(help: "Number of schools in the sample district.") var schools: Int = 39
    @Option(help: "Random seed of the sample district.") var seed: UInt64 = 1
    @Option(help: "The demo database (replaced on every run).") var db: String = "xinyu-demo.sqlite"
    @Option(help: "Where the sample feed is written.") var feed: String = "xinyu-demo.xml"
    @Option(help: "The report's date (default: today).") var asOf: String?

    func run() async throws {
        let asOf = try parseDay(asOf, option: "--as-of") ?? Day.today()
        let started = Date()
        // A fresh database every run: the demo's file only, never the user's --db.
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
        print("心育 Xinyu demo — a synthetic district of \(schools) schools, reported as of \(asOf)\n")

        let stats = try SampleFeedGenerator(schools: schools, seed: seed).write(to: feed)
        print(
            "1. Wrote the district feed \(feed): \(stats.teachers) teachers, \(stats.courses) courses,"
                + " \(stats.attendance) attendance records, \(stats.awards) awards,"
                + " \(String(format: "%.1f", Double(stats.bytes) / 1_048_576)) MB"
        )

        let store = try AppDatabase.open(path: db)
        var options = ImportOptions()
        options.progress = true
        let summary = try store.withWriteLockNote("demo import \(feed)") {
            try FeedImporter.importFile(at: feed, into: store, options: options)
        }
        try Accounts(store: store).record(
            "import", target: feed, by: .commandLine(), after: summary.auditValues, district: summary.district)
        guard summary.status == .applied else {
            throw UsageError(
                "demo: the sample feed was not fully applied"
                    + " (status \(summary.status.rawValue), \(summary.rejected.count) rejected)"
            )
        }
        let a = summary.accepted
        print(
            "2. Imported it into \(db): \(a.schools) schools, \(a.teachers) teachers, \(a.courses) courses,"
                + " \(a.attendance) attendance, \(a.awards) awards, \(a.practice) practice records\n"
        )

        try DemoReport(store: store, asOf: asOf, profile: RuleProfile.load(path: nil)).print()

        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print(
            """

            Done in \(seconds) s. Explore further:
              swift run xinyu schools list --db \(db)
              swift run xinyu coverage --db \(db) --format csv > coverage.csv
              swift run xinyu teachers list --db \(db) --role psych-fulltime
              swift run xinyu schedule show --db \(db) --school S0001 --week 2
              swift run xinyu quota --db \(db) --year 2025-2026
            Open the dashboard:
              swift run xinyu serve --db \(db)      then browse http://127.0.0.1:8080/
            """)
    }
}
