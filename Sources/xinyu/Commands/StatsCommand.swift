import ArgumentParser
import Certifications
import Foundation
import XinyuCore

extension ReportLanguage: ExpressibleByArgument {}

/// `--format` of `stats hours`: the listings' three and a spreadsheet.
enum StatsFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, xlsx
}

struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "The yearly statistics a district files (RULES.md \"Yearly statistics\").",
        subcommands: [HoursCommand.self, HoursCertificateCommand.self], defaultSubcommand: HoursCommand.self)

    struct HoursCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hours",
            abstract: "Active teachers by band of yearly hours, hours by tier and category, per school and district; the 不达标名单.",
            discussion: """
                table and csv print the line per school and the district's (with --below-minimum: the teachers below
                the yearly minimum instead); json and xlsx hold both. xlsx needs --out. Bands come from the rule
                profile's statistics.hourBands (36, 72, 108 by default).
                """)
        @OptionGroup var global: GlobalOptions
        @OptionGroup var profileOption: ProfileOption
        @Option(help: "School year, e.g. 2025-2026 (default: the school year containing today).") var year: String?
        @Option(help: "Only this school (the district line is then its total).") var school: String?
        @Option(help: "Output format: table, json, csv (UTF-8 with BOM) or xlsx.") var format: StatsFormat = .table
        @Option(help: "Write to this file (default: standard output; xlsx needs it).") var out: String?
        @Option(help: "Language of headers and titles: zh or en.") var lang: ReportLanguage = .zh
        @Flag(name: .customLong("below-minimum"), help: "table and csv: list the teachers below the yearly minimum.")
        var belowMinimum = false

        func run() async throws {
            let y = try QuotaCommand.schoolYear(year)
            if format == .xlsx && out == nil {
                throw UsageError("--format xlsx needs --out FILE.xlsx (a spreadsheet is not printed to the terminal)")
            }
            let profile = try profileOption.load()
            let rules = try QuotaRules(profile: profile, file: profile.source ?? "rule profile")
            let db = try global.openForReading()
            let stats = try HoursStatistics.compute(
                in: db, year: y, school: school, rules: rules,
                bands: profile.statistics ?? .standard)
            let data: Data
            switch format {
            case .json: data = Data(try JSONOutput.string(stats).utf8)
            case .csv: data = Data((belowMinimum ? stats.belowMinimumTable(lang) : stats.schoolTable(lang)).csv().utf8)
            case .xlsx: data = try stats.workbook(lang).data()
            case .table:
                var text = stats.title(lang) + "\n"
                if belowMinimum {
                    text +=
                        lang.pick(
                            "不达标名单（\(stats.belowMinimumTeachers.count) 人）",
                            "Below the yearly minimum (\(stats.belowMinimumTeachers.count) teachers)") + "\n"
                    text += stats.belowMinimumTable(lang).rendered()
                } else {
                    text += stats.schoolTable(lang).rendered()
                }
                data = Data(text.utf8)
            }
            if let out {
                try writeAtomically(data, to: out)
            } else {
                FileHandle.standardOutput.write(data)
            }
        }
    }
}
