import ArgumentParser
import Foundation
import XinyuAccounts
import XinyuCore

struct TokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "API tokens: issue, list, revoke (the store keeps only their SHA-256).",
        subcommands: [Issue.self, List.self, Revoke.self], defaultSubcommand: List.self)

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "issue",
            abstract: "Issue a token for a user; prints it once, alone on stdout (details go to stderr).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login name.") var name: String
        @Option(help: "Lifetime: 90d, 2w, 12h or never.") var expires = TokenLifetime.defaultText
        @Option(help: "What the token is for, e.g. the feed system's name.") var label: String?

        func run() async throws {
            let lifetime: TimeInterval?
            do { lifetime = try TokenLifetime.parse(expires) } catch let e as AccountError {
                throw RejectedValue(
                    name: "--expires", value: expires, problem: String(e.description.drop { $0 != ":" }.dropFirst(2)))
            }
            let issued = try Accounts(store: try global.open()).issueToken(
                for: name, lifetime: lifetime, label: label,
                by: .commandLine())
            print(issued.secret)
            let until = issued.record.expires.map { "expires \(Accounts.timestamp($0))" } ?? "never expires"
            FileHandle.standardError.write(Data("xinyu: token \(issued.record.id) for \(name), \(until)\n".utf8))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every token (never the secret).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() async throws {
            let now = Date()
            let tokens = try Accounts(store: try global.openForReading()).tokens().map { TokenLine($0, now: now) }
            try emit(output.format, json: tokens) {
                TextTable(
                    headers: ["id", "user", "label", "state", "created", "expires", "last used"],
                    rows: tokens.map {
                        [
                            $0.id, $0.user, $0.label ?? "", $0.state, $0.created, $0.expires ?? "never",
                            $0.lastUsed ?? "",
                        ]
                    })
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by its id.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Token id (tok-…), from `xinyu tokens list`.") var id: String

        func run() async throws {
            try Accounts(store: try global.open()).revokeToken(id: id, by: .commandLine())
            print("revoked \(id)")
        }
    }
}

/// A token as `xinyu tokens list` shows it.
struct TokenLine: Encodable {
    var id: String
    var user: String
    var label: String?
    /// `active`, `expired` or `revoked`.
    var state: String
    var created: String
    var expires: String?
    var lastUsed: String?

    init(_ t: StoredToken, now: Date) {
        id = t.id
        user = t.account
        label = t.label
        state = t.revoked != nil ? "revoked" : (t.expires.map { $0 <= now } == true ? "expired" : "active")
        created = Accounts.timestamp(t.created)
        expires = t.expires.map(Accounts.timestamp)
        lastUsed = t.lastUsed.map(Accounts.timestamp)
    }
}
