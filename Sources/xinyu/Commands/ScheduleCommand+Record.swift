import ArgumentParser
import Curriculum
import Foundation
import XinyuAccounts
import XinyuCore

extension ScheduleCommand {
    /// `schedule record SESSION --given [--reflection TEXT]` or `--not-given --reason R` (issue #19).
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "record", abstract: "Record whether a scheduled session was given (课后记录).",
            discussion: """
                SESSION is SCHOOL/CLASS/DATE/PERIOD, e.g. S0001/S0001-3-2/2026-09-07/3 (`schedule deliveries \
                --school S --sessions` lists them). Each record is kept; a later one supersedes the earlier for \
                counting. Only sessions recorded given count as delivered lessons toward level A practice. \
                Never write a student's name or number in the reflection.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The session: SCHOOL/CLASS/DATE/PERIOD.") var session: String
        @Flag(help: "The session was given.") var given = false
        @Flag(help: "The session was not given (needs --reason).") var notGiven = false
        @Option(help: "Why not given: exam, holiday, event, illness or other.") var reason: String?
        @Option(help: "课后反思, a short reflection (never a student's name or number).") var reflection: String?

        func run() async throws {
            guard let key = SessionKey(session) else {
                throw UsageError(
                    "schedule record: \(session) is not SCHOOL/CLASS/DATE/PERIOD (e.g. S0001/S0001-3-2/2026-09-07/3)")
            }
            guard given != notGiven else { throw UsageError("schedule record: give exactly one of --given and --not-given") }
            var why: DeliveryReason?
            if notGiven {
                guard let reason, let r = DeliveryReason(rawValue: reason) else {
                    throw UsageError("schedule record: --not-given needs --reason exam, holiday, event, illness or other")
                }
                why = r
            } else if reason != nil {
                throw UsageError("schedule record: --reason goes with --not-given only")
            }
            let db = try global.open()
            let who = Principal.commandLine()
            guard let s = try db.scheduledSession(at: key) else { throw DeliveryStoreError.unknownSession(key) }
            guard AccessPolicy.decide(who, .recordDelivery(teacher: s.teacherId, school: s.schoolId)) == .allow else {
                throw UsageError("schedule record: \(who.name) may not record sessions of \(s.teacherId)")
            }
            let r = try Curriculum.recordDelivery(
                in: db, session: key, given: given, reason: why, reflection: reflection, by: who.name)
            try Accounts(store: db).record(
                "delivery.record", target: key.description, by: who, after: r.auditValues, school: key.schoolId)
            print("\(key): \(r.given ? "given" : "not given (\(why?.rawValue ?? ""))"), record \(r.id ?? 0)")
        }
    }

    /// `schedule deliveries --school S`: delivery rates by class and teacher, or the sessions with their records.
    struct Deliveries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliveries", abstract: "A school's delivery rate by class and teacher for a term (issue #19).")
        @OptionGroup var global: GlobalOptions
        @Option(help: "School id.") var school: String
        @Option(help: "Term (default: the latest term stored for the school).") var term: String?
        @Option(help: "Only this teacher's sessions (with --sessions).") var teacher: String?
        @Flag(help: "List each lesson due with its SESSION id and newest record instead of the rates.") var sessions = false
        @Flag(help: "List every delivery record, superseded ones too.") var history = false
        @OptionGroup var asOf: AsOfOption
        @OptionGroup var output: FormatOption

        func run() async throws {
            let t = try parseTerm(term)
            let day = try asOf.day()
            let db = try global.openForReading()
            if history {
                let list = try db.deliveryRecords(school: school, term: t, teacher: teacher)
                try emit(output.format, json: list) {
                    TextTable(
                        headers: ["id", "session", "teacher", "outcome", "reason", "supersedes", "recorded by", "reflection"],
                        rows: list.map {
                            [
                                String($0.id ?? 0), $0.session.description, $0.teacherId, $0.given ? "given" : "not given",
                                $0.reason?.rawValue ?? "", $0.supersedes.map(String.init) ?? "", $0.recordedBy,
                                $0.reflection ?? "",
                            ]
                        }, numeric: [0, 5])
                }
                return
            }
            if sessions {
                let list = try Curriculum.deliverySessions(in: db, school: school, term: t, teacher: teacher, asOf: day)
                try emit(output.format, json: list) {
                    TextTable(
                        headers: ["session", "teacher", "lesson", "outcome", "reason"],
                        rows: list.map { [$0.session.description, $0.teacherId, $0.lessonId, $0.outcome, $0.reason ?? ""] })
                }
                return
            }
            guard let rates = try Curriculum.deliveryRates(in: db, school: school, term: t, asOf: day) else {
                throw UsageError("schedule deliveries: school \(school) has no stored schedule\(t.map { " for \($0)" } ?? "")")
            }
            try emit(output.format, json: rates) {
                func row(_ what: String, _ l: DeliveryRates.Line) -> [String] {
                    [
                        what, l.id, l.name, String(l.due), String(l.given), String(l.notGiven), String(l.unrecorded),
                        l.rate.map { String(format: "%.1f%%", 100 * $0) } ?? "-",
                    ]
                }
                return TextTable(
                    headers: ["by", "id", "name", "due", "given", "not given", "unrecorded", "rate"],
                    rows: rates.byClass.map { row("class", $0) } + rates.byTeacher.map { row("teacher", $0) }
                        + [row("school", rates.total)],
                    numeric: [3, 4, 5, 6, 7])
            }
        }
    }
}
