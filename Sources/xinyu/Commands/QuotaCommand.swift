import ArgumentParser
import Certifications
import Foundation
import XinyuCore

struct QuotaCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota", abstract: "Union training quotas per school year, and seat planning.",
        subcommands: [Report.self, Plan.self], defaultSubcommand: Report.self)

    /// `--year` as given, or the school year containing today.
    static func schoolYear(_ text: String?) throws -> SchoolYear {
        try parseSchoolYear(text) ?? SchoolYear(containing: Day.today())
    }

    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                """
                Per school (and with --teachers per teacher): hours per category, sessions, what is missing, \
                whole-staff trainings per term.
                """
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "School year, e.g. 2025-2026 (default: the school year containing today).") var year: String?
        @Option(help: "Only this school.") var school: String?
        @Option(help: "Only the schools of this district (6-digit code), when one database holds several.")
        var district: String?
        @Flag(help: "List every active teacher too.") var teachers = false
        @OptionGroup var profileOption: ProfileOption

        func validate() throws {
            if school != nil, district != nil { throw ValidationError("--school and --district: give at most one") }
        }

        func run() async throws {
            let y = try QuotaCommand.schoolYear(year)
            let db = try global.openForReading()
            let report =
                if let district {
                    try QuotaReport.compute(
                        in: db, year: y, district: district, includeTeachers: teachers,
                        rules: try QuotaRules.load(profilePath: profileOption.profile))
                } else {
                    try QuotaReport.compute(
                        in: db, year: y, school: school, includeTeachers: teachers, profilePath: profileOption.profile)
                }
            try emit(output.format, json: report) { teachers ? report.teacherTable() : report.schoolTable() }
        }
    }

    struct Plan: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Assign seats in planned sessions so the most teachers meet their quotas; prints the gap to an upper bound."
        )
        @OptionGroup var global: GlobalOptions
        @OptionGroup var output: FormatOption
        @Option(help: "School year, e.g. 2025-2026 (default: the school year containing today).") var year: String?
        @Option(
            help:
                """
                Planned sessions CSV: id, title, date, hours, category, tier, capacity, cost per seat, \
                schools (optional, ;-separated).
                """
        )
        var sessions: String
        @Option(help: "Budget in yuan, e.g. 12000 or 12000.50 (default: none).") var budget: String?
        @Option(help: "Only this school's teachers.") var school: String?
        @OptionGroup var profileOption: ProfileOption
        @Option(help: "Write the rosters as CSV (UTF-8 with BOM) to this file.") var rosters: String?
        @Option(name: .customLong("ics-dir"), help: "Write one iCalendar file per school into this directory.") var icsDir:
            String?

        func run() async throws {
            let y = try QuotaCommand.schoolYear(year)
            let db = try global.openForReading()
            let started = Date()
            let plan = try QuotaPlanner.plan(
                in: db, year: y, sessionsPath: sessions, budget: budget, school: school,
                profilePath: profileOption.profile)
            let elapsed = Date().timeIntervalSince(started)
            try plan.writeFiles(rostersPath: rosters, icsDirectory: icsDir)
            switch output.format {
            case .json: print(try JSONOutput.string(plan), terminator: "")
            case .csv: print(plan.rosterTable().csv(), terminator: "")
            case .table: print(plan.summary(seconds: elapsed), terminator: "")
            }
        }
    }
}
