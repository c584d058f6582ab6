import ArgumentParser
import Curriculum
import Foundation
import XinyuAccounts
import XinyuCore

/// `groups record` and `groups list`: group-guidance sessions that were run (issue #19).
struct GroupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "groups", abstract: "Record and list the group-guidance sessions run (团体辅导记录).",
        subcommands: [Record.self, List.self], defaultSubcommand: List.self)

    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record", abstract: "Record a group-guidance session that was run; prints its number.",
            discussion: """
                Participants are counted, never named: the count must fit the activity's group size (`activities \
                list`). Never write a student's name or number in the notes; notes holding an ID-card number \
                (18 digits, the last possibly X, or 15) or a run of 8 or more digits are refused.
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "The school.") var school: String
        @Option(help: "The day it was run (YYYY-MM-DD).") var date: String
        @Option(help: "The facilitating teacher's id.") var facilitator: String
        @Option(help: "The activity's id (see `activities list`).") var activity: String
        @Option(help: "How many students took part (a count; never names).") var participants: Int
        @Option(help: "Notes (never a student's name or number).") var notes: String?

        func run() async throws {
            guard let day = try parseDay(date, option: "--date") else { return }
            let db = try global.open()
            let who = Principal.commandLine()
            guard AccessPolicy.decide(who, .recordDelivery(teacher: facilitator, school: school)) == .allow else {
                throw UsageError("groups record: \(who.name) may not record group sessions of \(facilitator)")
            }
            let run = try Curriculum.recordGroupRun(
                in: db,
                GroupRun(
                    schoolId: school, date: day, facilitatorId: facilitator, activityId: activity,
                    participants: participants, notes: notes, recordedBy: who.name, recordedAt: Date()),
                activities: Curriculum.activitySource(store: db, school: school))
            try Accounts(store: db).record(
                "group.record", target: "group run \(run.id ?? 0)", by: who, after: run.auditValues, school: school)
            print(run.id ?? 0)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List group-guidance sessions run.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only this school's.") var school: String?
        @Option(help: "Only sessions on or after this day.") var from: String?
        @Option(help: "Only sessions on or before this day.") var to: String?

        func run() async throws {
            let first = try parseDay(from, option: "--from")
            let last = try parseDay(to, option: "--to")
            let list = try global.openForReading().groupRuns(school: school, from: first, to: last)
            try emit(output.format, json: list) {
                TextTable(
                    headers: ["id", "school", "date", "facilitator", "activity", "participants", "notes"],
                    rows: list.map {
                        [
                            String($0.id ?? 0), $0.schoolId, $0.date.description, $0.facilitatorId, $0.activityId,
                            String($0.participants), $0.notes ?? "",
                        ]
                    }, numeric: [0, 5])
            }
        }
    }
}
