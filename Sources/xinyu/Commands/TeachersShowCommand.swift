import ArgumentParser
import Certifications
import XinyuCore

extension TeachersCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show one teacher and their training ledger as of a date.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var profileOption: ProfileOption
        @Argument(help: "The teacher's id.") var id: String
        @OptionGroup var asOfOption: AsOfOption
        @Option(name: .long, help: "Output format: table or json.") var format: OutputFormat = .table

        func run() async throws {
            let day = try asOfOption.day()
            let profile = try profileOption.load()
            let ledger = try CertificationEngine.ledger(
                teacherId: id, in: try global.openForReading(), asOf: day, profile: profile)
            switch format {
            case .json: print(try JSONOutput.string(ledger), terminator: "")
            case .table, .csv: print(ledger.text(), terminator: "")
            }
        }
    }
}

extension TeacherLedger {
    /// The ledger as plain text: facts, hours, practice, then one table of levels.
    func text() -> String {
        let t = teacher
        var out = "\(t.id)  \(t.name)  school \(t.schoolId)  \(t.role.rawValue)  \(t.status.rawValue)"
        if let h = t.hired { out += "  hired \(h)" }
        out += "\nas of \(asOf)"
        out += "  effective level \(status.effectiveLevel?.rawValue ?? "none")"
        out += "  role requires \(status.requiredLevel.rawValue) (\(status.meetsRoleRequirement ? "met" : "not met"))\n"
        out +=
            "counted hours \(totalHours): "
            + ["A", "B", "C", "cpd", "none"].map { "\($0) \(hoursByTrack[$0] ?? .zero)" }.joined(separator: ", ")
            + "; "
            + ["public", "professional", "elective"].map { "\($0) \(hoursByCategory[$0] ?? .zero)" }.joined(separator: ", ")
            + "\n"
        out +=
            "practice: counseling \(counselingHours) h, psychology lessons \(lessonPeriods) periods"
            + " (\(deliveredScheduledPeriods) from delivered scheduled lessons)\n"
        if let pending, let pendingHours {
            out +=
                "pending (not counted until certified): \(pendingHours) h in \(pending.count) record(s): "
                + pending.map { "#\($0.id) \($0.courseTitle) \($0.hours) h \($0.state.rawValue)" }.joined(separator: "; ") + "\n"
        }
        if let returned {
            out +=
                "returned: "
                + returned.map { "#\($0.id) \($0.courseTitle) \($0.hours) h: \($0.reason ?? "")" }
                .joined(separator: "; ") + "\n"
        }
        if !awards.isEmpty {
            out +=
                "awards: "
                + awards.map { a in
                    "\(a.level.rawValue) \(a.issued)" + (a.number.map { " no. \($0)" } ?? "")
                        + (a.expires.map { " expires \($0)" } ?? "")
                }.joined(separator: "; ") + "\n"
        }
        out += "\n"
        let table = TextTable(
            headers: ["level", "status", "track hours", "cycle end", "renewal", "reason"],
            rows: status.levels.reversed().map { l in
                [
                    l.level.rawValue, l.status.rawValue, "\(l.trackHours) / \(l.requiredHours)", l.cycleEnd?.description ?? "",
                    l.renewalHours.map { "\($0) / \(l.renewalRequired)" } ?? "", l.reason,
                ]
            })
        return out + table.rendered()
    }
}
