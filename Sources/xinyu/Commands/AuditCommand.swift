import ArgumentParser
import Foundation
import XinyuAccounts
import XinyuCore

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The audit trail: who changed what, when, from where (append-only).",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Audit lines, oldest first.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Only lines from this day on (YYYY-MM-DD, local time).") var since: String?
        @Option(help: "Only lines by this actor (a user name, bootstrap, or cli:USER).") var actor: String?
        @Option(help: "Only lines of this district (what an account scoped to it reads).") var district: String?
        @OptionGroup var output: FormatOption

        func validate() throws { try DistrictFilter.check(district) }

        func run() async throws {
            let start = try parseDay(since, option: "--since").map { d in
                Calendar(identifier: .gregorian).date(
                    from: DateComponents(
                        timeZone: .current, year: d.year,
                        month: d.month, day: d.day))!
            }
            let lines = try Accounts(store: try global.openForReading()).audit(since: start, actor: actor, district: district)
                .map(AuditLine.init)
            try emit(output.format, json: lines) { AuditLine.table(lines) }
        }
    }
}
