import Foundation
import Testing

@testable import XinyuCore

/// One rule for the years the product accepts from outside (Day.supportedYears), applied by every text parser, and
/// arithmetic that never traps on what parsing can produce.
@Suite struct SupportedYearsTests {
    @Test func dayParsersAcceptOnlySupportedYears() {
        #expect(Day("1899-12-31") == nil)
        #expect(Day("1900-01-01")?.description == "1900-01-01")
        #expect(Day("2199-12-31")?.description == "2199-12-31")
        #expect(Day("2200-01-01") == nil)
        #expect(Day("0001-01-01") == nil)
        #expect(Day("0000-01-01") == nil)
        #expect(Day("9999-12-31") == nil)
        var bytes = Array("9999-12-31".utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { Day(utf8: UnsafeBufferPointer($0)) } == nil)
        #expect(Day.parse("9999-12-31") == .failure(.unsupportedYear))
        #expect(Day.parse("2026-02-30") == .failure(.nonexistent))
        #expect(Day.parse("2026-2-3") == .failure(.malformed(expected: "a date YYYY-MM-DD")))
        #expect(Day.ParseProblem.unsupportedYear.description == "outside the supported years 1900–2199")
    }

    @Test func schoolYearsAndTermsAcceptOnlySupportedYears() {
        #expect(Term("9999-fall") == nil)
        #expect(Term("0000-fall") == nil)
        #expect(Term("0000-spring") == nil)
        #expect(Term("1899-fall") == nil)
        #expect(Term("2200-spring") == nil)
        #expect(Term.parse("9999-fall") == .failure(.unsupportedYear))
        #expect(Term("1900-spring")?.first.description == "1900-02-01")
        #expect(Term("2199-fall")?.last.description == "2200-01-31")
        #expect(SchoolYear("9999") == nil)
        #expect(SchoolYear("9998-9999") == nil)
        #expect(SchoolYear("1899-1900") == nil)
        #expect(SchoolYear("2199-2200")?.last.description == "2200-08-31")
        #expect(SchoolYear.parse("20x5") == .failure(.malformed(expected: "a school year like 2025-2026 or 2025")))
    }

    @Test func theLastSupportedDayHasASchoolYearAndTerm() {
        let last = Day("2199-12-31")!
        let y = SchoolYear(containing: last)
        #expect(y.description == "2199-2200")
        #expect(y.first.description == "2199-09-01" && y.last.description == "2200-08-31")
        #expect(y.terms.map(\.last.description) == ["2200-01-31", "2200-08-31"])
        let first = Day("1900-01-01")!
        #expect(SchoolYear(containing: first).first.description == "1899-09-01")
    }

    /// Values built in code, however large, never trap either.
    @Test func arithmeticNeverTraps() {
        let d = Day("2199-12-31")!
        #expect(d.adding(years: 100).description == "2299-12-31")
        #expect(d.adding(years: Int.max).description == "9999-12-31")
        #expect(d.adding(years: Int.min).description == "0001-01-01")
        #expect(d.adding(days: Int.max).description == "9999-12-31")
        #expect(d.adding(days: Int.min).description == "0001-01-01")
        #expect(SchoolYear(startYear: Int.max).last.description == "9999-08-31")
        #expect(Term(startYear: Int.min, half: .spring).first.description == "0002-02-01")
        #expect(Day(ordinal: Int.max).description == "9999-12-31")
    }
}
