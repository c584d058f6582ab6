import Foundation
import Testing

@testable import XinyuCore

/// RFC 5545 writing shared by the quota planner's and the scheduler's calendars.
@Suite struct ICalendarTests {
    @Test func escapesTextValues() {
        #expect(ICalendar.escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne")
        #expect(ICalendar.escape("心理课") == "心理课")
    }

    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "心理健康", count: 20)
        let folded = ICalendar.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let parts = folded.components(separatedBy: "\r\n").dropLast()
        #expect(parts.count > 1)
        for (i, p) in parts.enumerated() {
            #expect(p.utf8.count <= 75)
            if i > 0 { #expect(p.hasPrefix(" ")) }
        }
        #expect(parts.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendar.fold("END:VEVENT") == "END:VEVENT\r\n")
    }

    @Test func stampsAndDates() {
        #expect(ICalendar.stamp(Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
        #expect(ICalendar.date(Day("2026-10-05")!) == "20261005")
    }
}
