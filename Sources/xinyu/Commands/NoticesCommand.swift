import ArgumentParser
import Foundation
import XinyuAccounts
import XinyuCore

extension NoticeState: ExpressibleByArgument {}

struct NoticesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notices", abstract: "The reminders' outbox: every notice with its delivery state.",
        subcommands: [List.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Notices oldest first (pending, sent, failed with the error and attempts).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only notices in this state: pending, sent or failed.") var state: NoticeState?

        func run() async throws {
            let lines = try global.openForReading().notices(state: state).map(NoticeLine.init)
            try emit(output.format, json: lines) {
                TextTable(
                    headers: [
                        "id", "state", "attempts", "kind", "person", "recipient", "school", "channel", "created",
                        "sent", "next attempt", "error", "subject",
                    ],
                    rows: lines.map {
                        [
                            String($0.id), $0.state.rawValue, String($0.attempts), $0.kind, $0.person, $0.recipient,
                            $0.school ?? "", $0.channel.rawValue, $0.created, $0.sent ?? "", $0.nextAttempt ?? "",
                            $0.error ?? "", $0.subject,
                        ]
                    },
                    numeric: [0, 2])
            }
        }
    }
}

/// A notice as `xinyu notices list` shows it (the text itself only in JSON).
struct NoticeLine: Encodable {
    var id: Int64
    var state: NoticeState
    var attempts: Int
    var kind: String
    var person: String
    var window: String
    var recipient: String
    var school: String?
    var channel: NoticeChannel
    var address: String
    var language: String
    var asOf: Day
    var created: String
    var sent: String?
    var nextAttempt: String?
    var error: String?
    var subject: String
    var body: String

    init(_ n: Notice) {
        id = n.id ?? 0
        state = n.state
        attempts = n.attempts
        kind = n.key.kind
        person = n.key.person
        window = n.key.window
        recipient = n.recipient
        school = n.school
        channel = n.channel
        address = n.address
        language = n.language
        asOf = n.asOf
        created = Accounts.timestamp(n.created)
        sent = n.sent.map(Accounts.timestamp)
        nextAttempt = n.state == .sent ? nil : n.nextAttempt.map(Accounts.timestamp)
        error = n.lastError
        subject = n.subject
        body = n.body
    }
}
