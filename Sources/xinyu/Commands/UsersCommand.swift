import ArgumentParser
import Foundation
import XinyuAccounts
import XinyuCore

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "Accounts of the server: add, list, disable, set a password, change a district role's district.",
        discussion: """
            Roles: district-admin, district-viewer (either may be limited with --district CODE), region-viewer (reads \
            every district), school-admin (--school), planner (--school), teacher (--teacher), feed. Every change \
            is in the audit trail as cli:USER, the OS user running the command.
            """,
        subcommands: [Add.self, List.self, Disable.self, Passwd.self, SetDistrict.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login name.") var name: String
        @Option(help: "Role: \(AccountRole.allCases.map(\.rawValue).joined(separator: ", ")).") var role: AccountRole
        @Option(help: "The school a school-admin or planner is limited to.") var school: String?
        @Option(help: "The teacher id a teacher account is.") var teacher: String?
        @Option(
            help: """
                The district (6-digit code) a district-admin or district-viewer is limited to; without it they reach \
                every district of the database.
                """)
        var district: String?

        func run() async throws {
            let accounts = Accounts(store: try global.open())
            let a = try accounts.addUser(
                name: name, role: role, school: school, teacher: teacher, district: district, by: .commandLine())
            print(
                "added \(a.name) (\(a.role.rawValue)\(a.school.map { ", school \($0)" } ?? "")"
                    + "\(a.teacher.map { ", teacher \($0)" } ?? "")\(a.district.map { ", district \($0)" } ?? ""))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Every user.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption

        func run() async throws {
            let users = try Accounts(store: try global.openForReading()).users().map(UserLine.init)
            try emit(output.format, json: users) {
                TextTable(
                    headers: ["name", "role", "district", "school", "teacher", "password", "state", "created"],
                    rows: users.map {
                        [
                            $0.name, $0.role, $0.district ?? "", $0.school ?? "", $0.teacher ?? "",
                            $0.password ? "set" : "none", $0.disabled ? "disabled" : "active",
                            $0.created,
                        ]
                    })
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable", abstract: "Disable a user: its tokens and sessions stop working at once.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login name.") var name: String

        func run() async throws {
            try Accounts(store: try global.open()).disable(name: name, by: .commandLine())
            print("disabled \(name)")
        }
    }

    struct SetDistrict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-district",
            abstract: "Limit a district-admin or district-viewer to another district, or (--none) to none.",
            discussion: """
                The account keeps its name, password, tokens and sessions; from their next request they reach the \
                new district's schools (or, with --none, every district of the database). Audited as user.district.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login name.") var name: String
        @Argument(help: "The district (6-digit code) at least one imported school belongs to.") var district: String?
        @Flag(help: "Remove the limit: the account reaches every district.") var none = false

        func validate() throws {
            if none == (district != nil) { throw ValidationError("give a district code or --none (one of them)") }
        }

        func run() async throws {
            let a = try Accounts(store: try global.open()).setDistrict(name: name, district: district, by: .commandLine())
            print("\(a.name) (\(a.role.rawValue)): " + (a.district.map { "district \($0)" } ?? "every district"))
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "passwd",
            abstract: "Set a user's password, read from the terminal (without echo) or the first line of stdin.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Login name.") var name: String

        func run() async throws {
            let accounts = Accounts(store: try global.open())
            _ = try accounts.require(name)
            try accounts.setPassword(name: name, password: try PasswordPrompt.read(for: name), by: .commandLine())
            print("password set for \(name)")
        }
    }
}

/// A user as `xinyu users list` shows it (no password hash).
struct UserLine: Encodable {
    var name: String
    var role: String
    var district: String?
    var school: String?
    var teacher: String?
    var password: Bool
    var disabled: Bool
    var created: String

    init(_ a: StoredAccount) {
        name = a.name
        role = a.role.rawValue
        district = a.district
        school = a.school
        teacher = a.teacher
        password = a.passwordHash != nil
        disabled = a.disabled
        created = Accounts.timestamp(a.created)
    }
}

extension AccountRole: ExpressibleByArgument {}
