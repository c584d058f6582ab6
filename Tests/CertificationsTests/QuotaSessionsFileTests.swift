import Foundation
import Testing
import XinyuCore

@testable import Certifications

@Suite struct QuotaSessionsFileTests {
    let year = SchoolYear(startYear: 2025)
    let header = "id,title,date,hours,category,tier,capacity,cost per seat,schools\n"

    func error(_ csv: String) -> InputError? {
        do {
            _ = try PlannedSession.parse(csv: csv, file: "plan.csv", year: year, knownSchools: ["A"])
            return nil
        } catch let e as InputError { return e } catch { return nil }
    }

    @Test func missingColumnNamesTheFileAndHeader() throws {
        let e = try #require(error("id,title,date,hours,category,tier,cost\nP1,t,2026-01-01,6,public,40,10\n"))
        #expect(
            e.description
                == """
                plan.csv:1: header: missing column capacity; the columns are id, title, date, hours, category, tier, capacity, \
                cost per seat, schools (optional)
                """
        )
        #expect(e.exitStatus == 2)
    }

    @Test func dateOutsideTheYear() throws {
        let e = try #require(error(header + "P1,t,2026-01-01,6,public,40,10,5,\nP2,t,2026-09-01,6,public,40,10,5,\n"))
        #expect(e.line == 3 && e.record == "session P2")
        #expect(e.problem.contains("outside the school year 2025-2026"))
    }

    @Test func negativeCapacity() throws {
        let e = try #require(error(header + "P1,t,2026-01-01,6,public,40,-3,5,\n"))
        #expect(e.line == 2 && e.problem == "capacity -3 is negative")
    }

    @Test func unknownSchool() throws {
        let e = try #require(error(header + "P1,t,2026-01-01,6,public,40,3,5,A;Z\n"))
        #expect(e.line == 2 && e.problem.hasPrefix("unknown school Z"))
    }

    @Test func lineNumbersFollowQuotedLineBreaks() throws {
        let e = try #require(error(header + "P1,\"two\nlines\",2026-01-01,6,public,40,3,5,\nP2,t,2026-01-01,6,nope,40,3,5,\n"))
        #expect(e.line == 4)
        #expect(e.problem.contains("category"))
    }

    @Test func goodFileWithChineseHeadersAndFullwidthSeparator() throws {
        let s = try PlannedSession.parse(
            csv: "编号,标题,日期,学时,类别,培训类别,名额,费用,学校\r\nP1,心理,2026-01-01,3.5,elective,60,0,0.5,A；A\r\n",
            file: "x.csv", year: year, knownSchools: ["A"])
        #expect(s.count == 1 && s[0].hours == Hours(tenths: 35) && s[0].costCents == 50 && s[0].schools == ["A"])
        #expect(s[0].capacity == 0)
    }
}
