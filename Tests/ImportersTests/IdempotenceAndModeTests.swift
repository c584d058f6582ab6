import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

@Suite struct IdempotenceAndModeTests {
    @Test func reimportingTheSameFeedIsADuplicateAndChangesNothing() throws {
        let text = FeedFixture.feed()
        let (first, db) = try FeedFixture.run(text)
        #expect(first.status == .applied)
        let before = try FeedFixture.counts(db)
        let (again, _) = try FeedFixture.run(text, db: db)
        #expect(again.status == .duplicate)
        #expect(again.exitStatus == 0)
        #expect(again.accepted.total == 0)
        #expect(try FeedFixture.counts(db) == before)
        #expect(try FeedImporter.importLog(in: db).map(\.status) == [.applied, .duplicate])
    }

    @Test func aPartialFeedIsAlsoNotAppliedTwice() throws {
        let text = DistrictRuleTests.feed(with: DistrictRuleTests.cases[0])
        let (_, db) = try FeedFixture.run(text)
        let (again, _) = try FeedFixture.run(text, db: db)
        #expect(again.status == .duplicate)
    }

    @Test func aRejectedFeedCanBeSentAgain() throws {
        let text = FeedFixture.feed()
        let (bad, db) = try FeedFixture.run(String(text.dropLast(5)))
        #expect(bad.status == .rejected)
        let (good, _) = try FeedFixture.run(text, db: db)
        #expect(good.status == .applied)
    }

    @Test func aLaterFeedUpdatesRecordsNeverDuplicates() throws {
        let (_, db) = try FeedFixture.run(FeedFixture.feed())
        let later = FeedFixture.feed(
            id: "F2",
            attendance: #"<record teacher="T2" course="C1" hours="36" status="completed" result="pass"/>"#,
            awards: #"<award teacher="T1" level="C" issued="2025-06-01" number="GD-C-0001" expires="2029-01-01"/>"#,
            practice: #"<lesson teacher="T1" date="2025-05-02" periods="4"/>"#)
        let before = try FeedFixture.counts(db)
        let (s, _) = try FeedFixture.run(later, db: db)
        #expect(s.status == .applied)
        #expect(try FeedFixture.counts(db) == before)
        let a = try db.writer.read {
            try Attendance.fetchOne($0, sql: "SELECT * FROM attendance WHERE teacherId = 'T2' AND courseId = 'C1'")
        }
        #expect(a?.status == .completed && a?.result == .pass && a?.hours == Hours(36))
        let award = try db.writer.read { try Award.fetchOne($0, sql: "SELECT * FROM award") }
        #expect(award?.expires == Day("2029-01-01"))
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT periods FROM lessonPractice") } == 4)
    }

    @Test func fullModeDeactivatesMissingTeachersOfListedSchoolsOnly() throws {
        let (_, db) = try FeedFixture.run(FeedFixture.feed())
        // S1 listed with only T1; S2 not listed. T2 (S1) becomes inactive; T3 (S2) stays active.
        let full = FeedFixture.feed(
            id: "F-full", mode: "full",
            schools: #"<school id="S1" stage="primary"><name>第一小学</name></school>"#,
            teachers: #"<teacher id="T1" school="S1" role="psych-fulltime"><name>张老师</name></teacher>"#,
            courses: "", attendance: "", awards: "", practice: "")
        let (s, _) = try FeedFixture.run(full, db: db)
        #expect(s.status == .applied)
        #expect(s.deactivated == 1)
        let statuses = try db.writer.read {
            try Teacher.fetchAll($0).reduce(into: [String: TeacherStatus]()) { $0[$1.id] = $1.status }
        }
        #expect(statuses == ["T1": .active, "T2": .inactive, "T3": .active])
        #expect(try FeedFixture.count(db, "attendance") == 3, "nothing deleted: history stays")
    }

    @Test func deltaModeDeactivatesNobody() throws {
        let (_, db) = try FeedFixture.run(FeedFixture.feed())
        let delta = FeedFixture.feed(
            id: "F-delta", schools: #"<school id="S1" stage="primary"><name>第一小学</name></school>"#,
            teachers: "", courses: "", attendance: "", awards: "", practice: "")
        let (s, _) = try FeedFixture.run(delta, db: db)
        #expect(s.deactivated == 0)
        #expect(try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM teacher WHERE status = 'active'") } == 3)
    }

    @Test func theImportLogKeepsEveryAttemptWithRejections() throws {
        let (_, db) = try FeedFixture.run(DistrictRuleTests.feed(with: DistrictRuleTests.cases[3]))
        let log = try FeedImporter.importLog(in: db)
        #expect(log.count == 1)
        #expect(log[0].status == .partial)
        #expect(log[0].feed == "F1")
        #expect(log[0].format == "district-v1")
        #expect(log[0].accepted.schools == 2)
        #expect(log[0].rejected == 1)
        let rejections = try FeedImporter.rejections(logId: log[0].id, in: db)
        #expect(rejections.first?.key == "S9")
    }

    @Test func summaryJSONHasTheContractKeys() throws {
        let (s, _) = try FeedFixture.run(DistrictRuleTests.feed(with: DistrictRuleTests.cases[0]))
        let object = try JSONSerialization.jsonObject(with: Data(JSONOutput.string(s).utf8)) as! [String: Any]
        for key in ["feed", "format", "status", "accepted", "rejected"] { #expect(object[key] != nil) }
        let accepted = object["accepted"] as! [String: Int]
        #expect(Set(accepted.keys) == ["schools", "teachers", "courses", "attendance", "awards", "practice"])
        let rejected = object["rejected"] as! [[String: Any]]
        #expect(Set(rejected[0].keys) == ["line", "column", "element", "key", "reason"])
        let noFeed = ImportSummary(feed: nil, format: "unknown", status: .rejected, file: "x", digest: "")
        #expect(try JSONOutput.string(noFeed).contains("\"feed\" : null"))
    }
}
