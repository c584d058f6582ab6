import ArgumentParser
import Foundation
import Importers
import XinyuAccounts
import XinyuCore

struct TrainingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trainings", abstract: "Trainings a school runs itself (whole-staff trainings, workshops).",
        subcommands: [Add.self, List.self], defaultSubcommand: List.self)

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Enter a training the school ran; prints its course id.",
            discussion: "The same fields and checks as a feed course. Its attendance comes from `xinyu attendance import`.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The school that runs it.") var school: String
        @Option(help: "Title (1–1000 characters).") var title: String
        @Option(help: "public, professional or elective.") var category: String
        @Option(help: "Tier code: 10 national, 20 provincial, 30 municipal, 40 county, 60 school, 99 other.") var tier: Int
        @Option(help: "Mode code: 1 long release, 2 short face-to-face, 3 online, 4 blended, 9 other.") var mode: Int
        @Option(help: "Hours, 0 < h ≤ 500, at most one decimal.") var hours: String
        @Option(help: "First day (YYYY-MM-DD).") var date: String
        @Option(help: "Last day (default: the first).") var end: String?
        @Option(help: "A, B, C (certification training), cpd or none (default).") var track: String?
        @Option(help: "Who provides it.") var provider: String?

        func run() async throws {
            let input = TrainingInput(
                title: title, provider: provider, category: category, tier: tier, mode: mode,
                hours: hours, date: date, end: end, track: track)
            let course = try input.course(name: { "--" + $0 })
            let db = try global.open()
            let who = Principal.commandLine()
            let stored = try db.addTraining(course, school: school, by: who.name, at: Date())
            try Accounts(store: db).record(
                "training.add", target: stored.id, by: who,
                after: ["school": school, "title": course.title, "hours": course.hours.description])
            print(stored.id)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the trainings schools entered.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "Only this school's trainings.") var school: String?
        @Option(help: "Only trainings ending on or after this day.") var from: String?
        @Option(help: "Only trainings starting on or before this day.") var to: String?

        func run() async throws {
            let first = try parseDay(from, option: "--from")
            let last = try parseDay(to, option: "--to")
            let list = try global.openForReading().trainings(school: school, from: first, to: last)
            try emit(output.format, json: list) {
                TextTable(
                    headers: [
                        "id", "school", "title", "category", "tier", "mode", "hours", "start", "end", "track",
                        "submitted", "approved", "returned", "certified",
                    ],
                    rows: list.map { t in
                        let c = t.course
                        return [
                            c.id, t.schoolId, c.title, c.category.rawValue, String(c.tier), String(c.mode),
                            c.hours.description, c.start.description, c.end.description, c.track.rawValue,
                        ]
                            + RecordState.allCases.map { String(t.records[$0.rawValue] ?? 0) }
                    }, numeric: [6, 10, 11, 12, 13])
            }
        }
    }
}
