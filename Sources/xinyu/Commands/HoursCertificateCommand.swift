import ArgumentParser
import Certifications
import Foundation
import XinyuCore

/// `xinyu stats hours-certificate TEACHER --year Y`: one teacher's 学时证明.
struct HoursCertificateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hours-certificate",
        abstract: "One teacher's 学时证明 for a school year: every counted training, the totals, signature lines.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup var output: FormatOption
    @Argument(help: "Teacher id.") var teacher: String
    @Option(help: "School year, e.g. 2025-2026 (default: the school year containing today).") var year: String?
    @Option(help: "Language: zh or en.") var lang: ReportLanguage = .zh
    @Option(help: "Write to this file (default: standard output).") var out: String?

    func run() async throws {
        let y = try QuotaCommand.schoolYear(year)
        let profile = try profileOption.load()
        let rules = try QuotaRules(profile: profile, file: profile.source ?? "rule profile")
        let cert = try HoursCertificate.compute(in: try global.openForReading(), teacher: teacher, year: y, rules: rules)
        let text: String
        switch output.format {
        case .json: text = try JSONOutput.string(cert)
        case .csv: text = cert.table(lang).csv()
        case .table: text = cert.text(lang, rules: rules)
        }
        if let out {
            try writeAtomically(Data(text.utf8), to: out)
        } else {
            print(text, terminator: "")
        }
    }
}
