import ArgumentParser
import Curriculum
import Foundation
import XinyuCore

struct TimetableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timetable", abstract: "A school's own master timetable: the periods psychology lessons must avoid.",
        subcommands: [Import.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import a school's master timetable (FET's CSV export, or teacher, weekday, period).",
            discussion: """
                FET: its CSV timetable export ("Activity Id","Day","Hour","Students Sets","Subject","Teachers",…); \
                teachers by id or name, several joined with +; days as 星期一, 周一 or Monday; hours as 第2节, 2 or the \
                period's start time; classes as 3-2, 三(2)班 or S0001-3-2. Simple: teacher, weekday, period (optional \
                class, subject). UTF-8, UTF-16 or GB18030 (Excel on Chinese Windows). The import replaces the school's \
                stored timetable; rows naming an unknown teacher or class are rejected with their line, the rest apply. \
                Periods whose subject is psychology are the class's psychology slot, not busy time. Exit status: \
                0 every row applied, 3 some rows rejected, 2 no row applied (nothing changed).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The timetable file (.csv).") var file: String
        @Option(help: "The school whose timetable it is.") var school: String
        @Option(help: "Scheduling rules YAML (period times, psychology subjects; default: bundled).") var rules: String?
        @Option(help: "Output format: table or json.") var format: OutputFormat = .table

        func validate() throws {
            if format == .csv { throw UsageError("--format csv: the import report is table or json") }
        }

        func run() async throws {
            let r = try Curriculum.rules(path: rules, catalog: ActivityCatalog.bundled())
            let db = try global.open()
            let report = try db.withWriteLockNote("timetable import \(file)") {
                try TimetableImport.run(path: file, school: school, rules: r, store: db)
            }
            if format == .json {
                print(try JSONOutput.string(report), terminator: "")
            } else {
                let how = "\(report.status.rawValue) (\(report.format), \(report.encoding))"
                print(
                    "\(report.file): \(report.school) timetable \(how): \(report.applied) of \(report.rows) rows, "
                        + "\(report.teachers) teachers, \(report.classes) classes, \(report.psychologyRows) psychology rows")
                for r in report.rejected { print("  \(report.file):\(r.line): \(r.problem)") }
            }
            if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a teacher's (or a class's) week in the school's imported timetable.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Teacher id.") var teacher: String?
        @Option(name: .customLong("class"), help: "Class id, e.g. S0001-3-2 (instead of --teacher).") var cls: String?
        @Option(help: "Scheduling rules YAML used for period times (default: bundled).") var rules: String?
        @OptionGroup var output: FormatOption

        func validate() throws {
            if (teacher == nil) == (cls == nil) { throw UsageError("timetable show: give --teacher T or --class SCHOOL-G-K") }
        }

        func run() async throws {
            let r = try Curriculum.rules(path: rules, catalog: ActivityCatalog.bundled())
            let db = try global.openForReading()
            var school: String?
            if let cls {
                let ids = try db.schoolSummaries().map(\.id).filter { cls.hasPrefix($0 + "-") }
                guard let s = ids.max(by: { $0.count < $1.count }) else {
                    throw UsageError("--class \(cls): no school's class has this id (classes are SCHOOL-GRADE-K)")
                }
                school = s
            }
            let week = try Curriculum.timetable(in: db, teacher: teacher, school: school, class: cls, rules: r)
            if output.format == .table {
                let who = week.teacher.map { "\($0) \(week.teacherName ?? "")" } ?? week.class ?? ""
                print("\(who), school \(week.school): timetable from \(week.file), imported \(week.importedAt)\n")
            }
            try emit(output.format, json: week) {
                output.format == .csv
                    ? TextTable(
                        headers: ["weekday", "period", "start", "subject", "class", "teacher", "psychology", "row"],
                        rows: week.slots.map {
                            [
                                String($0.weekday), String($0.period), $0.start, $0.subject, $0.class ?? "",
                                $0.teacher ?? "", $0.psychology ? "yes" : "", String($0.row),
                            ]
                        })
                    : week.grid()
            }
        }
    }
}
