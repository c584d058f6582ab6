import ArgumentParser
import Certifications
import Curriculum
import Foundation
import XinyuAccounts
import XinyuCore

struct ScheduleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract:
            "Build, show and export term schedules of psychology lessons; record whether sessions were given.",
        subcommands: [Build.self, Show.self, Export.self, Record.self, Deliveries.self])

    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract:
                """
                Plan every class's psychology periods (and counseling-room groups) for a term; \
                replaces that term's stored plan of the schools built.
                """
        )
        @OptionGroup var global: GlobalOptions
        @Option(help: "Term, e.g. 2026-fall or 2027-spring.") var term: String
        @Option(help: "Only this school (default: every school).") var school: String?
        @Option(help: "Scheduling rules YAML (default: the bundled schedule-rules.yaml).") var rules: String?
        @OptionGroup var profileOption: ProfileOption
        @OptionGroup var output: FormatOption
        @Flag(help: "List every unplaced class and group with its reason (JSON and CSV always list them).") var unplaced = false

        func run() async throws {
            guard let t = try parseTerm(term) else { return }
            let db = try global.open()
            let r = try Curriculum.rules(path: rules, catalog: ActivityCatalog.bundled())
            let profile = try profileOption.load()
            let report = try db.withWriteLockNote("schedule build --term \(t)") {
                try Curriculum.buildSchedule(in: db, term: t, school: school, rules: r, profile: profile)
            }
            try Accounts(store: db).record(
                "schedule.build", target: "\(school ?? "all schools") \(t)", by: .commandLine(),
                after: report.auditValues)
            try emit(output.format, json: report) { Build.table(report, listUnplaced: unplaced || output.format == .csv) }
        }

        /// The summary: counts, classes by outcome, unplaced work by cause, the score; then, when asked, every
        /// unplaced class and group with its reason.
        static func table(_ report: ScheduleBuildReport, listUnplaced: Bool) -> TextTable {
            func share(_ n: Int) -> String {
                report.classes == 0 ? "" : String(format: " (%.1f%%)", 100 * Double(n) / Double(report.classes))
            }
            var rows = [
                [
                    "summary", "",
                    "\(report.schools) schools, \(report.classes) classes, \(report.sessions) sessions "
                        + "(\(report.groupSessions) group), \(report.unplaced.count) unplaced",
                ],
                [
                    "classes", "",
                    "\(report.classesFull) at the rules' frequency\(share(report.classesFull)), "
                        + "\(report.classesDegraded) less often\(share(report.classesDegraded)), "
                        + "\(report.classesUnplaced) unplaced\(share(report.classesUnplaced))",
                ],
            ]
            rows += report.unplacedByCause.map { ["unplaced", $0.cause.rawValue, "\($0.count): \($0.summary)"] }
            rows.append([
                "score", "",
                String(
                    format: "%.1f (theme coverage %.3f, week spread %.3f, load balance %.3f, "
                        + "preferred months %.3f)",
                    report.score.total, report.score.themeCoverage, report.score.weekSpread,
                    report.score.loadBalance, report.score.preferredMonths),
            ])
            if listUnplaced {
                rows += report.unplaced.map { ["unplaced", $0.class, $0.reason] }
            } else if !report.unplaced.isEmpty {
                rows.append(["", "", "list them with --unplaced, or see `schedule show --school S`"])
            }
            return TextTable(headers: ["what", "class", "detail"], rows: rows)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a school's stored schedule.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "School id.") var school: String
        @Option(name: .customLong("class"), help: "Only this class, e.g. S0001-3-2.") var cls: String?
        @Option(help: "Only teaching week N of the term (1 = the week of the first teaching day).") var week: Int?
        @Option(help: "Term (default: the latest term stored for the school).") var term: String?
        @Option(help: "Scheduling rules YAML used for period times (default: bundled).") var rules: String?
        @OptionGroup var output: FormatOption

        func run() async throws {
            _ = try parseTerm(term)
            let r = try Curriculum.rules(path: rules, catalog: ActivityCatalog.bundled())
            var view = try Curriculum.schedule(in: global.openForReading(), school: school, term: term, class: cls, rules: r)
            if let week { view.sessions = view.sessions.filter { $0.week == week } }
            try emit(output.format, json: view) { CalendarExport.table(view) }
            guard output.format == .table else { return }
            let degraded = view.classes.filter { $0.outcome == .degraded }
            if !degraded.isEmpty {
                print("\nplanned less often than the rules ask:")
                for c in degraded { print("  \(c.class): \(c.reason)") }
            }
            if !view.unplaced.isEmpty {
                print("\nunplaced:")
                for u in view.unplaced { print("  \(u.class): \(u.reason)") }
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Export a school's stored schedule as an iCalendar file and/or CSV.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "School id.") var school: String
        @Option(help: "Term (default: the latest term stored for the school).") var term: String?
        @Option(help: "Write an RFC 5545 calendar here.") var ics: String?
        @Option(help: "Write CSV (UTF-8 with BOM) here.") var csv: String?
        @Option(help: "Scheduling rules YAML used for period times and time zone (default: bundled).") var rules: String?

        func run() async throws {
            guard ics != nil || csv != nil else { throw UsageError("schedule export: give --ics OUT.ics and/or --csv OUT.csv") }
            _ = try parseTerm(term)
            let r = try Curriculum.rules(path: rules, catalog: ActivityCatalog.bundled())
            let view = try Curriculum.schedule(in: global.openForReading(), school: school, term: term, rules: r)
            // Render both first so nothing is half-written on error.
            let icsText = ics.map { _ in CalendarExport.ics(view, timeZone: r.timeZone) }
            let csvText = csv.map { _ in CalendarExport.csv(view) }
            for (path, text) in [(ics, icsText), (csv, csvText)] {
                guard let path, let text else { continue }
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                    throw UsageError("\(path): cannot write the file; check the directory exists and is writable")
                }
            }
            print("\(view.school) \(view.term): \(view.sessions.count) sessions exported")
        }
    }
}
