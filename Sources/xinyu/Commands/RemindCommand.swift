import ArgumentParser
import Certifications
import Foundation
import XinyuAccounts
import XinyuCore
import XinyuNotify

struct RemindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Send the reminders due: certificates expiring or just lapsed, hours behind, weekly school digests.",
        discussion: """
            Each notice goes out once per (person, kind, window), so running it daily from cron is safe; failed
            deliveries are retried with backoff by later runs. Where notices go is the --notify file (see
            Sources/XinyuNotify/notify.example.yaml); windows and check days are the rule profile's `reminders`.
            """)
    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var asOfOption: AsOfOption
    @Option(help: "The notify file: channels per school and person (default: $XINYU_NOTIFY; a dry run may go without).")
    var notify: String?
    @Flag(help: "Show what would be queued and sent; write and send nothing.") var dryRun = false

    func run() async throws {
        let day = try asOfOption.day()
        let profile = try profileOption.load()
        let quotaRules = try QuotaRules.load(profilePath: profileOption.profile)
        let path = notify ?? ProcessInfo.processInfo.environment["XINYU_NOTIFY"].flatMap { $0.isEmpty ? nil : $0 }
        let config: NotifyConfiguration
        if let path {
            config = try NotifyConfiguration.load(path: path)
        } else if dryRun {
            config = NotifyConfiguration()
        } else {
            throw UsageError(
                "remind needs --notify FILE (or $XINYU_NOTIFY): where notices go; "
                    + "see Sources/XinyuNotify/notify.example.yaml")
        }
        let planner = ReminderPlanner(profile: profile, quotaRules: quotaRules, configuration: config)
        let actor = Principal.commandLine().name
        let summary: RemindSummary
        if dryRun {
            let db = try global.openForReading()
            summary = try await Reminders.run(store: db, planner: planner, asOf: day, dryRun: true, actor: actor) { _ in [] }
        } else {
            let db = try global.open()
            summary = try await Postman.with(config) { postman in
                try await Reminders.run(
                    store: db, planner: planner, asOf: day, dryRun: false, actor: actor,
                    deliver: postman.deliver)
            }
        }
        switch output.format {
        case .json: print(try JSONOutput.string(summary), terminator: "")
        case .csv: print(summary.table().csv(), terminator: "")
        case .table:
            print(summary.headline)
            if !summary.notices.isEmpty { print(summary.table().rendered(), terminator: "") }
        }
    }
}
