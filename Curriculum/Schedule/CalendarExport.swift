import Foundation
import XinyuCore

/// Calendar (RFC 5545) and CSV exports of a school's stored schedule.
///
/// ICS: one VCALENDAR per school, one VEVENT per session (SUMMARY lesson title and class, DESCRIPTION teacher
/// name and id, lesson id and English title), CRLF line ends, TEXT escaping, lines folded at 75 octets without
/// splitting a UTF-8 character, stable UIDs (`term-class-date-period@xinyu`) so re-imports update events.
/// Times are local (`TZID=` the rules' time zone, with a VTIMEZONE); for a zone with daylight saving the events
/// are written in UTC instead.
public enum CalendarExport {
    public static func ics(_ view: ScheduleView, timeZone: String, now: Date = Date()) -> String {
        let tz = TimeZone(identifier: timeZone) ?? TimeZone(identifier: "Asia/Shanghai")!
        // Fixed offset over the exported dates (no daylight-saving change between the first and last session)?
        let dates = view.sessions.compactMap { Day($0.date) }
        let firstDate = Date(timeIntervalSince1970: Double((dates.min()?.ordinal ?? 0) - 1) * 86400)
        let lastDate = Date(timeIntervalSince1970: Double((dates.max()?.ordinal ?? 0) + 2) * 86400)
        let fixed = tz.nextDaylightSavingTimeTransition(after: firstDate).map { $0 > lastDate } ?? true
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Xinyu//Psychology schedule//ZH", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + ICalendar.escape("\(view.schoolName) 心理健康课 \(view.term)"),
        ]
        if fixed {
            let off = tz.secondsFromGMT(for: firstDate) / 60
            let sign = off < 0 ? "-" : "+"
            let o = sign + pad(abs(off) / 60) + pad(abs(off) % 60)
            lines += [
                "BEGIN:VTIMEZONE", "TZID:\(tz.identifier)", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                "TZOFFSETFROM:\(o)", "TZOFFSETTO:\(o)", "END:STANDARD", "END:VTIMEZONE",
            ]
        }
        let stamp = ICalendar.stamp(now)
        for s in view.sessions {
            guard let d = Day(s.date), let st = ScheduleRules.minutes(s.start), let en = ScheduleRules.minutes(s.end) else {
                continue
            }
            func when(_ m: Int) -> String {
                if fixed { return ";TZID=\(tz.identifier):" + local(d, m) }
                var c = DateComponents()
                c.year = d.year
                c.month = d.month
                c.day = d.day
                c.hour = m / 60
                c.minute = m % 60
                var cal = Calendar(identifier: .gregorian)
                cal.timeZone = tz
                return ":" + ICalendar.stamp(cal.date(from: c)!)
            }
            let what = s.kind == .group ? "团体辅导" : "心理课"
            lines += [
                "BEGIN:VEVENT",
                "UID:\(s.date.replacingOccurrences(of: "-", with: ""))-\(view.term)"
                    + "-\(s.class)-\(s.kind.rawValue)-\(s.period)@xinyu",
                "DTSTAMP:\(stamp)",
                "DTSTART" + when(st), "DTEND" + when(en),
                "SUMMARY:" + ICalendar.escape("\(what)：\(s.title)（\(s.class)）"),
                "DESCRIPTION:"
                    + ICalendar.escape("教师 Teacher: \(s.teacherName) (\(s.teacher))\n课程 Lesson: \(s.lesson) \(s.titleEn)"),
                "LOCATION:" + ICalendar.escape(s.room == "counseling-room" ? "心理辅导室 counseling room" : s.class),
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendar.fold).joined()
    }

    /// CSV (UTF-8 with BOM, CRLF) of the same sessions.
    public static func csv(_ view: ScheduleView) -> String {
        table(view).csv()
    }

    /// The sessions as a table (CLI `schedule show`, CSV export).
    public static func table(_ view: ScheduleView) -> TextTable {
        TextTable(
            headers: [
                "class", "grade", "date", "week", "period", "start", "end", "teacher", "teacher name", "lesson", "title", "kind",
                "room",
            ],
            rows: view.sessions.map {
                [
                    $0.class, String($0.grade), $0.date, String($0.week), String($0.period), $0.start, $0.end,
                    $0.teacher, $0.teacherName, $0.lesson, $0.title, $0.kind.rawValue, $0.room ?? "",
                ]
            },
            numeric: [1, 3, 4])
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func local(_ d: Day, _ m: Int) -> String {
        d.description.replacingOccurrences(of: "-", with: "") + "T" + pad(m / 60) + pad(m % 60) + "00"
    }
}
