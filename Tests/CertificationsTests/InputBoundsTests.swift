import Foundation
import Testing
import XinyuCore

@testable import Certifications

/// Numbers from profiles and sessions files are bounded where they are read, so no later arithmetic can overflow
/// or trap (issue #12).
@Suite struct InputBoundsTests {
    func profileError(_ from: String, _ to: String) throws -> InputError? {
        let text = try String(contentsOf: RuleProfile.bundledDefaultURL, encoding: .utf8)
        #expect(text.contains(from), "fixture text not found: \(from)")
        do {
            _ = try RuleProfile.parse(yaml: text.replacingOccurrences(of: from, with: to), file: "mine.yaml")
            return nil
        } catch let e as InputError { return e }
    }

    @Test func profileYearsDaysAndHoursAreBounded() throws {
        let validity = try #require(try profileError("validityYears: 5", "validityYears: 9223372036854775807"))
        #expect(validity.problem == "9223372036854775807 years is too many; use at most 100")
        #expect(validity.record?.hasSuffix(".validityYears") == true && validity.exitStatus == 2)
        let window = try #require(try profileError("warningDays: 180", "warningDays: 99999999"))
        #expect(window.problem.contains("use at most 3660"))
        let renewal = try #require(try profileError("renewalHours: 24", "renewalHours: 999999999"))
        #expect(renewal.problem.contains("hours is too many"))
        // At the bounds, an award's cycles from the last supported day stay inside the calendar.
        #expect(Day("2199-12-31")!.adding(years: 100).description == "2299-12-31")
    }

    @Test func sessionsFileNumbersAreBounded() throws {
        let header = "id,title,date,hours,category,tier,capacity,cost per seat,schools\n"
        func error(_ row: String) -> InputError? {
            do {
                _ = try PlannedSession.parse(
                    csv: header + row, file: "plan.csv", year: SchoolYear(startYear: 2025), knownSchools: [])
                return nil
            } catch let e as InputError { return e } catch { return nil }
        }
        #expect(error("P1,t,2026-01-01,6,public,40,9223372036854775807,5,\n")?.problem.contains("too large") == true)
        #expect(error("P1,t,2026-01-01,999999999,public,40,10,5,\n")?.problem.contains("at most 500") == true)
        #expect(error("P1,t,2026-01-01,6,public,40,10,999999999999,\n")?.problem.contains("at most 1000000.00") == true)
        #expect(error("P1,t,9999-01-01,6,public,40,10,5,\n")?.problem.contains("outside the supported years") == true)
        #expect(error("P1,t,2026-01-01,500,public,40,100000,1000000,\n") == nil)
    }
}
