import ArgumentParser
import Foundation
import Importers
import XinyuAccounts
import XinyuCore

struct AttendanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Sign-in sheets of a school's trainings (.xlsx or .csv).",
        subcommands: [Import.self, Template.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Enter a sign-in sheet's rows as records (submitted, for approval).",
            discussion: """
                Columns are found by their header (工号/teacher id, 姓名/name, 学时/hours, 签到/状态/status, 签名/signature,
                成绩/result, 备注/note, 日期/date), in any order. CSV may be UTF-8 (with or without BOM), GBK or GB18030.
                Exit status: 0 applied, 3 some rows rejected (the others applied), 2 rejected as a whole (a bad file,
                or --strict with a bad row), 1 other errors. Importing the same sheet again changes nothing.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The sheet (.xlsx or .csv).") var file: String
        @Option(help: "The training's course id (see `xinyu trainings list`).") var course: String
        @Option(help: "The sheet of an .xlsx workbook (default: the first).") var sheet: String?
        @Flag(help: "Any bad row rejects the whole file.") var strict = false
        @Flag(name: .customLong("dry-run"), help: "Check and report; write nothing.") var dryRun = false
        @Option(help: "Write the bad rows back with a reason column (.xlsx or .csv).") var errors: String?
        @Option(help: "Output format: table or json.") var format: OutputFormat = .table

        func validate() throws {
            if format == .csv { throw UsageError("--format csv: import reports are table or json") }
        }

        func run() async throws {
            var options = AttendanceImportOptions()
            options.strict = strict
            options.dryRun = dryRun
            options.sheet = sheet
            options.errorsOut = errors
            let who = Principal.commandLine()
            options.actor = who.name
            let db = try global.open()
            let s = try AttendanceSheetImporter.importFile(at: file, course: course, into: db, options: options)
            if !s.dryRun && s.status != .rejected {
                try Accounts(store: db).record(
                    "attendance.import", target: course, by: who,
                    after: [
                        "file": s.file, "sha256": s.digest, "status": s.status.rawValue,
                        "added": String(s.added), "updated": String(s.updated),
                        "rejected": String(s.rejected),
                    ])
            }
            switch format {
            case .json: print(try JSONOutput.string(s), terminator: "")
            default: print(Self.report(s), terminator: "")
            }
            if s.exitStatus != 0 { throw ExitCode(s.exitStatus) }
        }

        static func report(_ s: AttendanceImportSummary) -> String {
            var out = "\(s.file) → course \(s.course): \(s.status.rawValue)\(s.dryRun ? " (dry run: nothing written)" : "")\n"
            out +=
                "added \(s.added), updated \(s.updated), resubmitted \(s.resubmitted), unchanged \(s.unchanged), "
                + "not signed in \(s.notSignedIn), skipped \(s.skipped), rejected \(s.rejected)\n"
            if !s.errors.isEmpty {
                out += TextTable(
                    headers: ["row", "column", "value", "reason"],
                    rows: s.errors.map { [String($0.row), $0.column ?? "", $0.value ?? "", $0.reason] },
                    numeric: [0]
                ).rendered()
                if s.rejected > s.errors.count { out += "… and \(s.rejected - s.errors.count) more\n" }
            }
            if let f = s.errorsFile { out += "bad rows written to \(f)\n" }
            return out
        }
    }

    struct Template: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "template",
            abstract: "Write the sign-in sheet to print: the training's details and the school's active teachers.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "The training's course id.") var course: String
        @Option(help: "The file to write (.xlsx, else CSV with a byte-order mark).") var out: String

        func run() async throws {
            let n = try AttendanceTemplate.write(course: course, store: try global.openForReading(), to: out)
            print("\(out): \(n) teachers")
        }
    }
}
