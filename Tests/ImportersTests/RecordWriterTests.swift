import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// The fast paths (attendance, counseling, lessons) write on a second thread; these tests pin what that must not
/// change.
@Suite struct RecordWriterTests {
    /// Many courses, every record valid, so most records take the fast path and fill several batches.
    private func courses(_ n: Int) -> String {
        (0..<n).map {
            #"<course id="K\#($0)" tier="60" mode="2" hours="8" start="2025-01-01" end="2025-01-02"><title>课程</title></course>"#
        }
        .joined(separator: "\n")
    }

    private func hours(_ db: AppDatabase, _ teacher: String, _ course: String) throws -> Int? {
        try db.writer.read {
            try Int.fetchOne(
                $0, sql: "SELECT hoursTenths FROM attendance WHERE teacherId = ? AND courseId = ?", arguments: [teacher, course])
        }
    }

    @Test func recordsKeepTheirOrderAcrossTheFastAndTheOrdinaryPath() throws {
        let n = 6_000  // more than one batch of the writer
        var att = (0..<n).map { #"<record teacher="T1" course="K\#($0)" hours="2" status="completed"/>"# }
        // The same keys again, later: one through the ordinary path (an extension child element sends it there),
        // one through the fast path; the last record of a key wins either way.
        att.append(
            #"<record teacher="T1" course="K5" hours="3" status="completed"><x:note xmlns:x="urn:example">补录</x:note></record>"#)
        att.append(#"<record teacher="T1" course="K5999" hours="4" status="completed"/>"#)
        att.append(#"<record teacher="T1" course="K10" hours="5" status="completed"><x:note xmlns:x="urn:example"/></record>"#)
        att.append(#"<record teacher="T1" course="K10" hours="6" status="partial" date="2025-01-09"/>"#)
        let (s, db) = try FeedFixture.run(FeedFixture.feed(courses: courses(n), attendance: att.joined(separator: "\n")))
        #expect(s.status == .applied)
        #expect(s.accepted.attendance == n + 4)
        #expect(try FeedFixture.count(db, "attendance") == n)
        #expect(try hours(db, "T1", "K5") == 30)
        #expect(try hours(db, "T1", "K5999") == 40)
        #expect(try hours(db, "T1", "K10") == 60)
        #expect(try hours(db, "T1", "K0") == 20)
        let row = try db.writer.read { try Row.fetchOne($0, sql: "SELECT status, date FROM attendance WHERE courseId = 'K10'") }
        #expect(row?["status"] == "partial" && row?["date"] == "2025-01-09")
        // A record without a date takes the course's end date.
        #expect(
            try db.writer.read { try String.fetchOne($0, sql: "SELECT date FROM attendance WHERE courseId = 'K0'") }
                == "2025-01-02")
    }

    @Test func aRejectedRecordAmongFastOnesIsReportedAndTheRestApply() throws {
        var att = (0..<5_000).map { #"<record teacher="T\#($0 % 3 + 1)" course="K\#($0)" hours="2" status="completed"/>"# }
        att.insert(#"<record teacher="T9" course="K1" hours="2" status="completed"/>"#, at: 4_500)
        let (s, db) = try FeedFixture.run(FeedFixture.feed(courses: courses(5_000), attendance: att.joined(separator: "\n")))
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["T9/K1"])
        #expect(try FeedFixture.count(db, "attendance") == 5_000)
    }

    @Test func foreignKeysAreOnAgainAfterAnImportWhateverItsOutcome() throws {
        let db = try AppDatabase.inMemory()
        _ = try FeedFixture.run(FeedFixture.feed(), db: db)
        #expect(try db.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        _ = try FeedFixture.run(
            FeedFixture.feed(id: "F2", attendance: #"<record teacher="T1" course="C1" hours="x" status="completed"/>"#), db: db
        ) { $0.strict = true }
        #expect(try db.writer.read { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") } == true)
        // The store refuses an orphan written outside the importer.
        #expect(throws: DatabaseError.self) {
            try db.writer.write {
                try $0.execute(sql: "INSERT INTO attendance VALUES ('NOBODY', 'C1', 10, 'completed', 'none', '2025-01-01')")
            }
        }
    }

    @Test func practiceRecordsKeepTheirOrderAndTheirRules() throws {
        var practice: [String] = []
        for d in 1...28 {
            for m in 1...12 {
                let date = "2025-\(String(format: "%02d", m))-\(String(format: "%02d", d))"
                practice.append(#"<counseling teacher="T\#(d % 3 + 1)" date="\#(date)" hours="1.5"/>"#)
                practice.append(#"<lesson teacher="T\#(d % 3 + 1)" date="\#(date)" periods="2"/>"#)
            }
        }
        // Later records of the same keys: through the ordinary path (extension child, "08") and the fast path.
        practice.append(#"<counseling teacher="T2" date="2025-01-01" hours="2"><x:n xmlns:x="urn:example"/></counseling>"#)
        practice.append(#"<lesson teacher="T2" date="2025-01-01" periods="08"/>"#)
        practice.append(#"<counseling teacher="T3" date="2025-01-02" hours="0.5"/>"#)
        practice.append(#"<lesson teacher="T3" date="2025-01-02" periods="9"/>"#)  // rejected: 1–8
        practice.append(#"<counseling teacher="T3" date="2025-01-03" hours="8.1"/>"#)  // rejected: ≤ 8
        practice.append(#"<lesson teacher="T9" date="2025-01-04" periods="1"/>"#)  // rejected: unknown teacher
        let (s, db) = try FeedFixture.run(FeedFixture.feed(practice: practice.joined(separator: "\n")))
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["T3/2025-01-02", "T3/2025-01-03", "T9/2025-01-04"])
        #expect(s.accepted.practice == 28 * 12 * 2 + 3)
        #expect(try FeedFixture.count(db, "counseling") == 28 * 12)
        #expect(try FeedFixture.count(db, "lessonPractice") == 28 * 12)
        let c = try db.writer.read {
            try Int.fetchOne($0, sql: "SELECT hoursTenths FROM counseling WHERE teacherId = 'T2' AND date = '2025-01-01'")
        }
        let l = try db.writer.read {
            try Int.fetchOne($0, sql: "SELECT periods FROM lessonPractice WHERE teacherId = 'T2' AND date = '2025-01-01'")
        }
        let c3 = try db.writer.read {
            try Int.fetchOne($0, sql: "SELECT hoursTenths FROM counseling WHERE teacherId = 'T3' AND date = '2025-01-02'")
        }
        #expect(c == 20 && l == 8 && c3 == 5)
    }

    @Test func theFastPathWordsAreTheEnumsRawValues() {
        #expect(FeedRules.statusWords.map { "\($0)" } == AttendanceStatus.allCases.map(\.rawValue))
        #expect(FeedRules.resultWords.map { "\($0)" } == CourseResult.allCases.map(\.rawValue))
    }

    @Test func aKeyGivenTwiceInsideOneMultiRowUpsertKeepsItsLaterRecord() throws {
        // 100 fast records in a row: the writer runs them 32 to a statement; K3 and K40 come twice within one.
        var att = (0..<100).map { #"<record teacher="T1" course="K\#($0)" hours="2" status="completed"/>"# }
        att.insert(#"<record teacher="T1" course="K3" hours="7" status="partial"/>"#, at: 10)
        att.insert(#"<record teacher="T1" course="K40" hours="6" status="completed" result="pass"/>"#, at: 60)
        var counseling = (1...28).map { #"<counseling teacher="T2" date="2025-02-\#(String(format: "%02d", $0))" hours="1"/>"# }
        counseling.insert(#"<counseling teacher="T2" date="2025-02-02" hours="3.5"/>"#, at: 5)
        counseling += (1...28).map { #"<counseling teacher="T3" date="2025-02-\#(String(format: "%02d", $0))" hours="1"/>"# }
        let (s, db) = try FeedFixture.run(
            FeedFixture.feed(
                courses: courses(100), attendance: att.joined(separator: "\n"),
                practice: counseling.joined(separator: "\n")))
        #expect(s.status == .applied)
        #expect(try FeedFixture.count(db, "attendance") == 100)
        #expect(try hours(db, "T1", "K3") == 70)
        #expect(try hours(db, "T1", "K40") == 60)
        #expect(try hours(db, "T1", "K41") == 20)
        #expect(
            try db.writer.read { try String.fetchOne($0, sql: "SELECT result FROM attendance WHERE courseId = 'K40'") } == "pass")
        #expect(try FeedFixture.count(db, "counseling") == 56)
        #expect(
            try db.writer.read {
                try Int.fetchOne($0, sql: "SELECT hoursTenths FROM counseling WHERE teacherId = 'T2' AND date = '2025-02-02'")
            } == 35)
    }

    @Test func awardNumbersStayUniqueAcrossFeedsAndRenumbering() throws {
        let db = try AppDatabase.inMemory()
        // Feed 1 (defaults): T1's C award holds GD-C-0001.
        _ = try FeedFixture.run(FeedFixture.feed(), db: db)
        // Feed 2: T2 may not take a stored number; T1's award is renumbered, which frees GD-C-0001 for T3 later in
        // the same feed; the same award sent again with its own number is fine.
        let awards = """
            <award teacher="T2" level="C" issued="2025-07-01" number="GD-C-0001"/>
            <award teacher="T1" level="C" issued="2025-06-01" number="GD-C-0009"/>
            <award teacher="T3" level="C" issued="2025-08-01" number="GD-C-0001"/>
            <award teacher="T1" level="C" issued="2025-06-01" number="GD-C-0009"/>
            <award teacher="T2" level="B" issued="2025-09-01" number="GD-C-0009"/>
            """
        let (s, _) = try FeedFixture.run(FeedFixture.feed(id: "F2", awards: awards), db: db)
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["T2/C/2025-07-01", "T2/B/2025-09-01"])
        #expect(s.rejected.allSatisfy { $0.reason.contains("is already the number of award") })
        let numbers = try db.writer.read {
            try Row.fetchAll($0, sql: "SELECT teacherId, number FROM award ORDER BY teacherId").map {
                "\($0[0] as String)=\($0[1] as String)"
            }
        }
        #expect(numbers == ["T1=GD-C-0009", "T3=GD-C-0001"])
    }

    /// The award numbers are checked in groups (one store lookup per ``ImportOptions/awardsPerLookup`` awards, never
    /// every stored number): a number held by an award of an earlier group or stored by an earlier feed is refused,
    /// and rejections keep the feed's order whatever check refused them.
    @Test func awardNumbersAreCheckedInGroupsAndRejectionsKeepTheFeedsOrder() throws {
        let db = try AppDatabase.inMemory()
        _ = try FeedFixture.run(FeedFixture.feed(), db: db)  // T1's C award of 2025-06-01 holds GD-C-0001
        let group = 1000
        let count = group + 100
        var lines: [String] = []
        for i in 0..<count {
            let issued = "\(2001 + i / 12)-\(i % 12 + 1 < 10 ? "0" : "")\(i % 12 + 1)-01"
            lines.append("<award teacher=\"T2\" level=\"C\" issued=\"\(issued)\" number=\"N-\(i)\"/>")
        }
        lines.append(#"<award teacher="T3" level="C" issued="2025-07-01" number="N-5"/>"#)  // an earlier group's
        lines.append(#"<award teacher="T3" level="Z" issued="2025-07-02"/>"#)  // refused before any lookup
        lines.append(#"<award teacher="T3" level="B" issued="2025-07-03" number="GD-C-0001"/>"#)  // stored
        lines.append(#"<award teacher="T3" level="A" issued="2025-07-04" number="N-7"/>"#)
        let (s, _) = try FeedFixture.run(FeedFixture.feed(id: "F2", awards: lines.joined(separator: "\n")), db: db) {
            $0.awardsPerLookup = group
        }
        #expect(s.rejected.map(\.key) == ["T3/C/2025-07-01", "T3/Z/2025-07-02", "T3/B/2025-07-03", "T3/A/2025-07-04"])
        #expect(s.rejected.map(\.line) == s.rejected.map(\.line).sorted())
        #expect(s.rejected[0].reason == "number N-5 is already the number of award T2/C/2001-06-01")
        #expect(s.rejected[2].reason == "number GD-C-0001 is already the number of award T1/C/2025-06-01")
        #expect(try FeedFixture.count(db, "award") == count + 1)
    }
}
