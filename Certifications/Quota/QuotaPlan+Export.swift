import Foundation
import XinyuCore

extension QuotaPlan {
    /// The rosters as CSV (UTF-8 with BOM, CRLF): one row per seat, sessions in date order.
    public func rosterTable() -> TextTable {
        var rows: [[String]] = []
        for s in sessions {
            for seat in s.seats {
                rows.append([
                    s.id, s.title, s.date.description, s.category.rawValue, s.hours.description,
                    seat.school, seat.teacher, seat.name, s.costPerSeat,
                ])
            }
        }
        return TextTable(
            headers: ["session", "title", "date", "category", "hours", "school", "teacher", "name", "cost per seat"],
            rows: rows, numeric: [4, 8])
    }

    /// One iCalendar file per school that has seats: school id → file text. Each event is an all-day session
    /// the school's teachers attend, listing them. `stamp` is the DTSTAMP (the time the plan was exported).
    public func calendars(stamp: Date) -> [String: String] {
        let dtstamp = ICalendar.stamp(stamp)
        let names = Dictionary(uniqueKeysWithValues: schools.map { ($0.id, $0.name) })
        var bySchool: [String: [(SessionRoster, [Seat])]] = [:]
        for s in sessions {
            let groups = Dictionary(grouping: s.seats, by: \.school)
            for (school, seats) in groups { bySchool[school, default: []].append((s, seats)) }
        }
        var out: [String: String] = [:]
        for (school, events) in bySchool {
            var text =
                ICalendar.fold("BEGIN:VCALENDAR") + ICalendar.fold("VERSION:2.0")
                + ICalendar.fold("PRODID:-//Xinyu//Union quota planner//ZH") + ICalendar.fold("CALSCALE:GREGORIAN")
                + ICalendar.fold("METHOD:PUBLISH")
                + ICalendar.fold("X-WR-CALNAME:" + ICalendar.escape("\(names[school] ?? school) \(year) 培训安排"))
            for (s, seats) in events.sorted(by: { ($0.0.date, $0.0.id) < ($1.0.date, $1.0.id) }) {
                let who = seats.sorted { $0.teacher < $1.teacher }.map { "\($0.name) (\($0.teacher))" }.joined(separator: "、")
                text += ICalendar.fold("BEGIN:VEVENT")
                text += ICalendar.fold("UID:" + ICalendar.escape("\(year)-\(s.id)-\(school)@xinyu.quota"))
                text += ICalendar.fold("DTSTAMP:\(dtstamp)")
                text += ICalendar.fold("DTSTART;VALUE=DATE:\(ICalendar.date(s.date))")
                text += ICalendar.fold("DTEND;VALUE=DATE:\(ICalendar.date(s.date.adding(days: 1)))")
                text += ICalendar.fold("SUMMARY:" + ICalendar.escape(s.title))
                text += ICalendar.fold(
                    "DESCRIPTION:"
                        + ICalendar.escape(
                            "\(s.category.rawValue), \(s.hours) h, tier \(s.tier);"
                                + " \(seats.count) teacher\(seats.count == 1 ? "" : "s"): \(who)"
                        ))
                text += ICalendar.fold("CATEGORIES:" + ICalendar.escape(s.category.rawValue))
                text += ICalendar.fold("TRANSP:TRANSPARENT")
                text += ICalendar.fold("END:VEVENT")
            }
            text += ICalendar.fold("END:VCALENDAR")
            out[school] = text
        }
        return out
    }
}
