import ArgumentParser
import Foundation
import Importers
import XinyuAccounts
import XinyuCore

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import district feed v1 or IMS Enterprise 1.1 XML files.",
        discussion: """
            Each FILE is its own feed, applied in one transaction, and audited as cli:USER (the OS user). \
            Exit status: 0 applied or duplicate, 3 partial,
            2 rejected as a whole, 1 other errors; with several files, the worst of them.
            --format json prints one summary object, or an array of them for several files.
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Feed files (.xml).") var files: [String]
    @Flag(help: "Any rejected record rejects the whole feed.") var strict = false
    @Flag(name: .customLong("dry-run"), help: "Check and report; write nothing (not even the import log).") var dryRun = false
    @Flag(
        name: .customLong("validate-only"), help: "Validate against the district feed XSD (IMS: well-formedness); import nothing."
    ) var validateOnly = false
    @Option(help: "IMS: the school id of the persons in the file.") var school: String?
    @Option(name: .customLong("default-hours"), help: "IMS: hours of a group without an hours extension.") var defaultHours:
        String?
    @Option(help: "Output format: table or json.") var format: OutputFormat = .table

    func validate() throws {
        if files.isEmpty { throw UsageError("xinyu import: give at least one FILE") }
        if format == .csv { throw UsageError("--format csv: import reports are table or json") }
    }

    func run() async throws {
        var options = ImportOptions()
        options.strict = strict
        options.dryRun = dryRun
        options.validateOnly = validateOnly
        options.school = school
        options.progress = true
        if let defaultHours {
            guard let h = Hours(defaultHours), h.tenths > 0, h.tenths <= 5000 else {
                throw UsageError("--default-hours \(defaultHours): not hours in 0 < h ≤ 500 with at most one decimal")
            }
            options.defaultHours = h
        }
        let db = try global.open()
        var summaries: [ImportSummary] = []
        var worst: Int32 = 0
        func severity(_ s: Int32) -> Int { [0: 0, 3: 1, 2: 2, 1: 3][s] ?? 3 }
        for file in files {
            do {
                let s = try db.withWriteLockNote("import \(file)") {
                    try FeedImporter.importFile(at: file, into: db, options: options)
                }
                summaries.append(s)
                if s.wroteToStore {
                    try Accounts(store: db).record(
                        "import", target: file, by: .commandLine(), after: s.auditValues, district: s.district)
                }
                if severity(s.exitStatus) > severity(worst) { worst = s.exitStatus }
            } catch let e as any XinyuError {
                FileHandle.standardError.write(Data(("xinyu: " + cliLine(e) + "\n").utf8))
                worst = 1
            }
        }
        switch format {
        case .json:
            if summaries.count == 1 && files.count == 1 {
                print(try JSONOutput.string(summaries[0]), terminator: "")
            } else {
                print(try JSONOutput.string(summaries), terminator: "")
            }
        default:
            // A file that could not be read has its one line on stderr; no empty table when none could.
            if !summaries.isEmpty { print(ImportReport.table(summaries), terminator: "") }
        }
        if worst != 0 { throw ExitCode(worst) }
    }
}
