import Certifications
import XinyuCore

extension QuotaPlan {
    /// The plan for a terminal: totals, compliance before/after with the bound, sessions (rosters summarised
    /// by school), seats and cost per school, and who still falls short with the reason.
    func summary(seconds: Double? = nil) -> String {
        var out = "Plan for \(year): \(seats) seats, cost \(cost)" + (budget.map { " of budget \($0)" } ?? "") + "\n"
        out += "Teachers meeting every quota: before \(before.meetsAll)/\(before.teachers),"
        out += " after \(after.meetsAll)/\(after.teachers)"
        out += "; upper bound \(upperBound), gap \(gap)" + (gap == 0 ? " (optimal)" : "")
        if let seconds { out += String(format: "; planned in %.2f s", seconds) }
        out += "\n"
        out +=
            "Meets hours: \(before.meetsHours) → \(after.meetsHours);"
            + " meets sessions: \(before.meetsSessions) → \(after.meetsSessions); "
            + "missing hours after: \(missingHoursAfter)\n\n"
        out += TextTable(
            headers: ["session", "title", "date", "category", "hours", "seats", "capacity", "cost", "by school"],
            rows: sessions.map { s in
                let by = Dictionary(grouping: s.seats, by: \.school).map { ($0.key, $0.value.count) }.sorted { $0.0 < $1.0 }
                let shown = by.prefix(4).map { "\($0.0)×\($0.1)" }.joined(separator: " ")
                return [
                    s.id, s.title, s.date.description, s.category.rawValue, s.hours.description, String(s.seats.count),
                    String(s.capacity), s.cost, shown + (by.count > 4 ? " +\(by.count - 4) more" : ""),
                ]
            },
            numeric: [4, 5, 6, 7]
        ).rendered()
        out += "\n"
        out += TextTable(
            headers: ["school", "name", "teachers", "seats", "cost", "at quota before", "after", "whole-staff after"],
            rows: schools.map { s in
                [
                    s.id, s.name, String(s.teachers), String(s.seats), s.cost, String(s.meetsAllBefore), String(s.meetsAllAfter),
                    s.wholeStaffAfter.map { "\($0.count)/\($0.quota)" }.joined(separator: " "),
                ]
            },
            numeric: [2, 3, 4, 5, 6]
        ).rendered()
        if !unmet.isEmpty {
            out += "\nStill short after the plan (\(unmet.count)):\n"
            let shown = unmet.prefix(50)
            out += TextTable(
                headers: ["teacher", "name", "school", "missing", "why"],
                rows: shown.map { [$0.teacher, $0.name, $0.school, $0.missing.summary, $0.reason] }
            ).rendered()
            if unmet.count > shown.count { out += "… \(unmet.count - shown.count) more (use --format json for all)\n" }
        }
        return out
    }
}
