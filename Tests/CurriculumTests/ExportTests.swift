import Foundation
import Testing
import XinyuCore

@testable import Curriculum

@Suite struct ExportTests {
    func view() throws -> ScheduleView {
        let (s, g, t, l) = Fixture.primary()
        let db = try Fixture.database(schools: [s], grades: g, teachers: t)
        _ = try Curriculum.buildSchedule(in: db, term: Fixture.term, rules: ScheduleRules.bundled(), levels: l)
        return try Curriculum.schedule(in: db, school: "S1")
    }

    @Test func icsIsRFC5545Shaped() throws {
        let v = try view()
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let ics = CalendarExport.ics(v, timeZone: "Asia/Shanghai", now: now)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == v.sessions.count)
        let uids = lines.filter { $0.hasPrefix("UID:") }
        #expect(Set(uids).count == v.sessions.count)
        #expect(ics.contains("TZID:Asia/Shanghai"))
        // Unfold and find the first lesson's local start time.
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        let s0 = v.sessions[0]
        let start =
            "DTSTART;TZID=Asia/Shanghai:" + s0.date.replacingOccurrences(of: "-", with: "") + "T"
            + s0.start.replacingOccurrences(of: ":", with: "") + "00"
        #expect(unfolded.contains(start))
        #expect(unfolded.contains(s0.title) && unfolded.contains(s0.teacherName))
        #expect(ics.contains("DTSTAMP:2026118T") || ics.contains("DTSTAMP:2026"))
    }

    @Test func csvHasBOMAndOneRowPerSession() throws {
        let v = try view()
        let csv = CalendarExport.csv(v)
        #expect(csv.hasPrefix("\u{FEFF}class,grade,date"))
        #expect(csv.components(separatedBy: "\r\n").count == v.sessions.count + 2)
    }
}
