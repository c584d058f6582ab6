import Testing

@testable import XinyuCore

@Suite struct DayTests {
    @Test func parsesAndRejects() {
        #expect(Day("2026-02-28")?.description == "2026-02-28")
        #expect(Day("2026-02-29") == nil)
        #expect(Day("2024-02-29") != nil)
        #expect(Day("2026-2-28") == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("abcd-ef-gh") == nil)
    }

    @Test func addingYearsFromLeapDayGivesFebruary28() {
        #expect(Day("2024-02-29")!.adding(years: 1).description == "2025-02-28")
        #expect(Day("2024-02-29")!.adding(years: 4).description == "2028-02-29")
        #expect(Day("2021-03-01")!.adding(years: 5).description == "2026-03-01")
    }

    @Test func ordinalRoundTripsAndWeekday() {
        let d = Day("2026-11-22")!
        #expect(Day(ordinal: d.ordinal) == d)
        #expect(d.weekday == 7)  // a Sunday
        #expect(Day("1970-01-01")!.ordinal == 0)
        #expect(d.adding(days: 10).description == "2026-12-02")
        #expect(Day("2026-01-01")!.days(to: Day("2026-03-01")!) == 59)
    }

    @Test func schoolYearAndTerms() {
        #expect(SchoolYear(containing: Day("2026-08-31")!).description == "2025-2026")
        #expect(SchoolYear(containing: Day("2026-09-01")!).description == "2026-2027")
        #expect(SchoolYear("2025-2026")?.startYear == 2025)
        #expect(SchoolYear("2025-2027") == nil)
        let fall = Term("2026-fall")!
        #expect(fall.first.description == "2026-09-01" && fall.last.description == "2027-01-31")
        let spring = Term("2027-spring")!
        #expect(spring.startYear == 2026 && spring.first.description == "2027-02-01")
    }
}
