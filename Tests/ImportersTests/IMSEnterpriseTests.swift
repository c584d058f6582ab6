import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

struct IMSExpectation: Sendable, CustomStringConvertible {
    var file: String
    var teachers: Int
    var inactive: Int
    var courses: Int
    var attendance: Int
    var rejected: Int
    var skipped: Int
    var status: String
    var description: String { file }
}

@Suite struct IMSEnterpriseTests {
    /// A store with school S1 (persons need `--school`).
    func store() throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.writer.write {
            try School(id: "S1", name: "一小", stage: .primary, counselingRoom: false, district: "440608").insert($0)
        }
        return db
    }

    func run(_ path: String, db: AppDatabase, school: String? = "S1", hours: Hours? = nil) throws -> ImportSummary {
        var o = ImportOptions()
        o.school = school
        o.defaultHours = hours
        return try FeedImporter.importFile(at: path, into: db, options: o)
    }

    // The published examples' groups carry no timeframe, so their courses (and the learners' attendance) are
    // rejected rather than given invented dates; instructors (roletype 02) are skipped.
    static let fixtures: [IMSExpectation] = [
        .init(
            file: "example.xml", teachers: 5, inactive: 0, courses: 0, attendance: 0, rejected: 5, skipped: 1, status: "partial"),
        .init(
            file: "example-oneline.xml", teachers: 5, inactive: 0, courses: 0, attendance: 0, rejected: 5, skipped: 1,
            status: "partial"),
        .init(
            file: "example-grouped.xml", teachers: 5, inactive: 0, courses: 0, attendance: 0, rejected: 4, skipped: 2,
            status: "partial"),
        .init(
            file: "imsent_bestv1p1_person_example.xml", teachers: 3, inactive: 1, courses: 0, attendance: 0, rejected: 0,
            skipped: 0, status: "applied"),
    ]

    @Test(arguments: fixtures) func publishedExamples(_ e: IMSExpectation) throws {
        let db = try store()
        let s = try run(FeedFixture.fixture(e.file), db: db, hours: Hours(8))
        #expect(s.format == "ims-enterprise-1.1")
        #expect(s.status.rawValue == e.status)
        #expect(s.accepted.teachers == e.teachers)
        #expect(s.accepted.courses == e.courses)
        #expect(s.accepted.attendance == e.attendance)
        #expect(s.rejected.count == e.rejected)
        #expect(s.skipped == e.skipped)
        #expect(try FeedFixture.count(db, "teacher") == e.teachers)
        #expect(
            try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM teacher WHERE status = 'inactive'") }
                == e.inactive)
        #expect(s.feed == "ims-" + s.digest.prefix(32))
        // The same bytes again: a duplicate.
        #expect(try run(FeedFixture.fixture(e.file), db: db).status == .duplicate)
    }

    @Test func namesAndIdsFromThePublishedExample() throws {
        let db = try store()
        _ = try run(FeedFixture.fixture("example.xml"), db: db)
        let t = try db.writer.read { try Teacher.fetchOne($0, key: "91046433") }
        #expect(t?.name == "Simon Shikalislami")
        #expect(t?.role == .subjectTeacher && t?.schoolId == "S1")
        let s = try run(FeedFixture.fixture("example.xml"), db: try store())
        #expect(s.rejected.contains { $0.element == "group" && $0.reason.contains("timeframe") })
        #expect(IMSEnterpriseReader.identifier(" PHRE1001A2005/06T1/2 ") == "PHRE1001A2005_06T1_2")
    }

    @Test func personsWithoutSchoolAreRejectedWithAClearReason() throws {
        let s = try run(FeedFixture.fixture("imsent_bestv1p1_person_example.xml"), db: store(), school: nil)
        #expect(s.status == .partial)
        #expect(s.rejected.count == 3)
        #expect(s.rejected.allSatisfy { $0.reason.contains("the school they teach at") })
    }

    static let full = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ims:enterprise xmlns:ims="http://www.imsglobal.org/xsd/imsep_v1p1" xmlns:o="urn:other">
          <ims:person recstatus='1'><ims:sourcedid><ims:source>sis</ims:source><ims:id>P1</ims:id></ims:sourcedid>
            <ims:sourcedid><ims:id>IGNORED</ims:id></ims:sourcedid><ims:userid>u1</ims:userid><ims:userid>u2</ims:userid>
            <ims:name><ims:n><ims:given>小明</ims:given><ims:family>王</ims:family></ims:n></ims:name>
            <ims:extension><ims:role>psych-parttime</ims:role></ims:extension></ims:person>
          <ims:person><ims:sourcedid><ims:id>P2</ims:id></ims:sourcedid>\
        <ims:name><ims:fn><![CDATA[Li & Zhao]]></ims:fn></ims:name></ims:person>
          <ims:person><ims:sourcedid><ims:id>P3</ims:id></ims:sourcedid>\
        <ims:name><ims:fn>Chen &amp; Co</ims:fn></ims:name></ims:person>
          <o:person><o:sourcedid><o:id>NOT-MINE</o:id></o:sourcedid></o:person>
          <ims:group><ims:sourcedid><ims:id>G1</ims:id></ims:sourcedid>
            <ims:description><ims:short>短</ims:short><ims:long>心理健康教育培训（长）</ims:long></ims:description>
            <ims:timeframe><ims:begin restrict="1">2025-03-01</ims:begin><ims:end>2025-03-10</ims:end></ims:timeframe>
            <ims:extension><ims:hours>24.5</ims:hours></ims:extension></ims:group>
          <ims:group><ims:sourcedid><ims:id>G2</ims:id></ims:sourcedid>\
        <ims:description><ims:short>G2</ims:short></ims:description>
            <ims:timeframe><ims:begin>2025-04-01</ims:begin><ims:end>2025-04-01</ims:end></ims:timeframe></ims:group>
          <ims:membership><ims:sourcedid><ims:id>G1</ims:id></ims:sourcedid>
            <ims:member><ims:sourcedid><ims:id>P1</ims:id></ims:sourcedid><ims:idtype>1</ims:idtype>
              <ims:role roletype="01"><ims:status>1</ims:status>\
        <ims:finalresult><ims:result>Pass</ims:result></ims:finalresult></ims:role></ims:member>
            <ims:member><ims:sourcedid><ims:id>P2</ims:id></ims:sourcedid>\
        <ims:role roletype="01"><ims:status>0</ims:status></ims:role></ims:member>
            <ims:member><ims:sourcedid><ims:id>P3</ims:id></ims:sourcedid><ims:role roletype="01"><ims:status>1</ims:status>
              <ims:timeframe><ims:end>2025-03-09</ims:end></ims:timeframe></ims:role></ims:member>
            <ims:member><ims:sourcedid><ims:id>P3</ims:id></ims:sourcedid>\
        <ims:role roletype="02"><ims:status>1</ims:status></ims:role></ims:member>
            <ims:member><ims:sourcedid><ims:id>P9</ims:id></ims:sourcedid>\
        <ims:role roletype="01"><ims:status>1</ims:status></ims:role></ims:member>
          </ims:membership>
        </ims:enterprise>
        """

    @Test func theMappingWithNamespacePrefixes() throws {
        let db = try store()
        let s = try run(FeedFixture.write(Self.full), db: db, hours: Hours(6))
        #expect(s.status == .partial)
        #expect(s.accepted.teachers == 3)
        #expect(s.accepted.courses == 2)
        #expect(s.accepted.attendance == 3)
        #expect(s.skipped == 1)
        #expect(s.rejected.map(\.key) == ["P9/G1"])
        let p1 = try db.writer.read { try Teacher.fetchOne($0, key: "P1") }
        #expect(p1?.name == "小明 王" && p1?.role == .psychParttime)
        #expect(try db.writer.read { try Teacher.fetchOne($0, key: "P2") }?.name == "Li & Zhao")
        let g1 = try db.writer.read { try Course.fetchOne($0, key: "G1") }
        #expect(g1?.title == "心理健康教育培训（长）" && g1?.hours == Hours(tenths: 245) && g1?.start == Day("2025-03-01"))
        #expect(try db.writer.read { try Course.fetchOne($0, key: "G2") }?.hours == Hours(6))
        let att = try db.writer.read {
            try Attendance.fetchAll($0).reduce(into: [String: Attendance]()) { $0[$1.teacherId] = $1 }
        }
        #expect(att["P1"]?.status == .completed && att["P1"]?.result == .pass && att["P1"]?.hours == Hours(tenths: 245))
        #expect(att["P2"]?.status == .withdrawn && att["P2"]?.hours == .zero)
        #expect(att["P3"]?.status == .partial && att["P3"]?.date == Day("2025-03-09"))
    }

    @Test func groupsWithoutHoursNeedDefaultHours() throws {
        let s = try run(FeedFixture.write(Self.full), db: store(), hours: nil)
        #expect(s.rejected.contains { $0.element == "group" && $0.key == "G2" && $0.reason.contains("names no default hours") })
    }

    @Test func recstatusThreeMakesAStoredTeacherInactive() throws {
        let db = try store()
        _ = try run(FeedFixture.write(Self.full), db: db, hours: Hours(6))
        let leave =
            #"<enterprise><person recstatus="3"><sourcedid><id>P1</id></sourcedid>"#
            + #"<name><fn>小明 王</fn></name></person></enterprise>"#
        let s = try run(FeedFixture.write(leave), db: db)
        #expect(s.status == .applied)
        let p1 = try db.writer.read { try Teacher.fetchOne($0, key: "P1") }
        #expect(p1?.status == .inactive)
        #expect(p1?.role == .psychParttime, "a stored teacher keeps its role")
        #expect(try FeedFixture.count(db, "attendance") == 3)
    }

    @Test func aBrokenIMSFileChangesNothing() throws {
        let db = try store()
        let s = try run(FeedFixture.write(String(Self.full.dropLast(3))), db: db, hours: Hours(6))
        #expect(s.status == .rejected)
        #expect(try FeedFixture.count(db, "teacher") == 0)
    }
}
