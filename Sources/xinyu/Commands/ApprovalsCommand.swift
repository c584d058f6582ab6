import ArgumentParser
import Certifications
import Foundation
import XinyuAccounts
import XinyuCore

extension RecordState: ExpressibleByArgument {}

struct ApprovalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approvals", abstract: "Review records schools entered and teachers submitted (RULES.md record states).",
        discussion: """
            A school-admin approves or returns submitted records; a district-admin certifies or returns approved ones.
            Only certified records are counted hours (unless the profile sets countApproved). The command line acts
            as cli:USER (the OS user) in both capacities, for every school; each transition keeps who, when and why.
            """,
        subcommands: [List.self, Approve.self, Certify.self, Return.self, History.self], defaultSubcommand: List.self)

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List entered records.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only this school's records.") var school: String?
        @Option(help: "Only records in this state: submitted, approved, returned, certified.") var state: [RecordState] = []
        @Option(help: "Only this course's records.") var course: String?
        @Option(help: "Only this teacher's records.") var teacher: String?

        func run() async throws {
            let db = try global.openForReading()
            if let school { try db.requireSchool(school) }
            let list = try db.recordEntries(
                RecordFilter(
                    school: school, teacher: teacher, course: course,
                    states: state.isEmpty ? nil : state))
            try emit(output.format, json: list) {
                TextTable(
                    headers: [
                        "id", "state", "school", "teacher", "name", "course", "title", "hours", "status", "result",
                        "date", "source", "entered by", "reason",
                    ],
                    rows: list.map { r in
                        [
                            String(r.id), r.state.rawValue, r.schoolId, r.teacherId, r.teacherName, r.courseId, r.courseTitle,
                            r.hours.description, r.status.rawValue, r.result.rawValue, r.date.description, r.source.rawValue,
                            r.enteredBy, r.reason ?? "",
                        ]
                    }, numeric: [0, 7])
            }
        }
    }

    /// What approve, certify and return take.
    struct Selection: ParsableArguments {
        @OptionGroup var global: GlobalOptions
        @Argument(help: "Record ids.") var ids: [Int64] = []
        @Option(help: "Every record of this course the action applies to (instead of ids).") var course: String?
        @Option(help: "Why (required to return).") var reason: String?
        @OptionGroup var output: FormatOption

        func run(_ action: ApprovalAction) throws {
            let db = try global.open()
            let who = Principal.commandLine()
            let lines = try Approvals.apply(
                action, ids: ids, course: course, reason: reason, actor: who.name,
                scope: .everything, store: db)
            try Accounts(store: db).record(lines, by: who)
            try emit(output.format, json: lines) { ApprovalsCommand.table(lines) }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "approve",
            abstract: "Approve submitted records (school-admin).")
        @OptionGroup var selection: Selection
        func run() async throws { try selection.run(.approve) }
    }

    struct Certify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "certify",
            abstract: "Certify approved records (district-admin).")
        @OptionGroup var selection: Selection
        func run() async throws { try selection.run(.certify) }
    }

    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return submitted (school-admin) or approved (district-admin) records, with --reason.")
        @OptionGroup var selection: Selection
        func run() async throws { try selection.run(.return) }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "history",
            abstract: "The kept transitions of a record (or of all).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Argument(help: "A record id (default: every record).") var id: Int64?

        func run() async throws {
            let db = try global.openForReading()
            if let id, try db.recordEntries(RecordFilter(ids: [id])).isEmpty { throw TrainingStoreError.unknownRecord(id: id) }
            let lines = try db.recordTransitions(entry: id)
            try emit(output.format, json: lines) { ApprovalsCommand.table(lines) }
        }
    }

    static func table(_ lines: [RecordTransition]) -> TextTable {
        TextTable(
            headers: ["record", "from", "to", "by", "as", "at", "reason"],
            rows: lines.map {
                [
                    String($0.entry), $0.from?.rawValue ?? "", $0.to.rawValue, $0.actor, $0.capacity, $0.at,
                    $0.reason ?? "",
                ]
            },
            numeric: [0])
    }
}
