import Foundation
import Testing
import XinyuCore

@testable import Importers

/// Many districts in one store (issue #18): a school belongs to its district, a teacher moves between districts
/// keeping their history, and `sample-feed --district` ids never collide.
@Suite struct DistrictScopeTests {
    static func feed(id: String, district: String, schools: String = "", teachers: String = "", attendance: String = "")
        -> String
    {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="\(FeedFixture.ns)" id="\(id)" district="\(district)" generated="2026-09-01T08:00:00+08:00">
          <schools>\(schools)</schools>
          <teachers>\(teachers)</teachers>
          <courses>\(FeedFixture.defaultCourses)</courses>
          <attendance>\(attendance)</attendance>
        </feed>

        """
    }

    static let schoolA = #"<school id="A1" stage="primary"><name>甲区一小</name><grade level="1" classes="2"/></school>"#
    static let schoolB = #"<school id="B1" stage="primary"><name>乙区一小</name><grade level="1" classes="2"/></school>"#

    @Test func aSchoolOfAnotherDistrictIsARecordErrorAndStaysItsDistricts() throws {
        let (first, db) = try FeedFixture.run(Self.feed(id: "A-1", district: "440601", schools: Self.schoolA))
        #expect(first.status == .applied)
        let renamed = #"<school id="A1" stage="junior"><name>改名</name></school>"#
        let (second, _) = try FeedFixture.run(
            Self.feed(id: "B-1", district: "440602", schools: Self.schoolB + renamed), db: db)
        #expect(second.status == .partial)
        #expect(second.accepted.schools == 1)
        let rejection = try #require(second.rejected.first)
        #expect(rejection.element == "school")
        #expect(rejection.key == "A1")
        #expect(rejection.reason == "school A1 belongs to district 440601, not to this feed's district 440602")
        #expect(try db.schoolSummaries().first { $0.id == "A1" }?.name == "甲区一小")
        #expect(try db.schoolDistricts() == ["A1": "440601", "B1": "440602"])
    }

    @Test func aTeacherPlacedInAnotherDistrictsSchoolIsRejected() throws {
        let (_, db) = try FeedFixture.run(Self.feed(id: "A-1", district: "440601", schools: Self.schoolA))
        let teacher = #"<teacher id="TB" school="A1" role="subject-teacher"><name>乙老师</name></teacher>"#
        let (summary, _) = try FeedFixture.run(
            Self.feed(id: "B-1", district: "440602", schools: Self.schoolB, teachers: teacher), db: db)
        #expect(summary.rejected.map(\.key) == ["TB"])
        #expect(summary.rejected.first?.reason.hasPrefix("school A1 belongs to district 440601") == true)
        #expect(throws: StoreError.self) { try db.teacher(id: "TB") }
    }

    @Test func aTeacherWhoMovesToAnotherDistrictKeepsTheirHistory() throws {
        let inA = #"<teacher id="T9" school="A1" role="psych-fulltime"><name>张老师</name></teacher>"#
        let record = #"<record teacher="T9" course="C1" hours="36" status="completed" result="pass"/>"#
        let (_, db) = try FeedFixture.run(
            Self.feed(id: "A-1", district: "440601", schools: Self.schoolA, teachers: inA, attendance: record))
        let inB = #"<teacher id="T9" school="B1" role="psych-fulltime"><name>张老师</name></teacher>"#
        let (moved, _) = try FeedFixture.run(
            Self.feed(id: "B-1", district: "440602", schools: Self.schoolB, teachers: inB), db: db)
        #expect(moved.status == .applied)
        #expect(try db.teacher(id: "T9").schoolId == "B1")
        let ledger = try db.trainingRecord(teacherId: "T9", asOf: Day(year: 2026, month: 9, day: 1)!)
        #expect(ledger.attendance.map(\.tenths) == [360])
        // District A's later full feed does not deactivate the teacher who left.
        let full = Self.feed(id: "A-2", district: "440601", schools: Self.schoolA)
            .replacingOccurrences(of: "generated=", with: "mode=\"full\" generated=")
        let (again, _) = try FeedFixture.run(full, db: db)
        #expect(again.deactivated == 0)
        #expect(try db.teacher(id: "T9").status == .active)
    }

    @Test func sampleDistrictsOfTwoCodesShareNoIdAndTheDefaultIsUnchanged() throws {
        func ids(_ g: SampleFeedGenerator) throws -> (text: String, ids: Set<String>) {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sd-\(UUID().uuidString).xml").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try g.write(to: path)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let pattern = try Regex(#"<(?:school|teacher|course) id="([^"]+)""#)
            return (text, Set(text.matches(of: pattern).map { String($0.output[1].substring!) }))
        }
        let a = try ids(SampleFeedGenerator(schools: 3, seed: 7, district: "440601"))
        let b = try ids(SampleFeedGenerator(schools: 3, seed: 7, district: "440602"))
        #expect(!a.ids.isEmpty)
        #expect(a.ids.isDisjoint(with: b.ids))
        #expect(a.ids.allSatisfy { $0.contains("440601-") })
        #expect(a.text.contains(#"district="440601""#))
        let plain = try ids(SampleFeedGenerator(schools: 3, seed: 7))
        #expect(plain.ids.contains("S0001"))
        #expect(plain.text.contains(#"district="440608""#))
        #expect(throws: SampleFeedError.self) { try SampleFeedGenerator(schools: 3, seed: 7, district: "4406") }
    }

    @Test func twoSampleDistrictsImportIntoOneStore() throws {
        let db = try AppDatabase.inMemory()
        for code in ["440601", "440602"] {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("sd-\(UUID().uuidString).xml").path
            try SampleFeedGenerator(schools: 2, seed: 3, district: code).write(to: path)
            let summary = try FeedImporter.importFile(at: path, into: db, options: ImportOptions())
            #expect(summary.status == .applied, "\(summary.rejected.prefix(3))")
        }
        let districts = try db.schoolDistricts()
        #expect(Set(districts.values) == ["440601", "440602"])
        #expect(districts.count == 4)
    }
}
