import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// One contract rule broken by one record; the rest of the feed still applies. `schemaCatches` says whether
/// district-feed-v1.xsd can express the rule (false: references to stored records, cross-field comparisons and
/// stage/grade fit are beyond XML Schema 1.0 and are checked by the importer only).
struct BrokenRule: Sendable, CustomStringConvertible {
    var section: String
    var record: String
    var key: String
    var schemaCatches: Bool
    var description: String { record }
}

@Suite struct DistrictRuleTests {
    static let base = AcceptedCounts.of(schools: 2, teachers: 3, courses: 2, attendance: 3, awards: 1, practice: 2)

    static let cases: [BrokenRule] = [
        .init(
            section: "schools", record: #"<school id="S 9" stage="primary"><name>x</name></school>"#, key: "S 9",
            schemaCatches: true),
        .init(
            section: "schools", record: #"<school id="S9" stage="college"><name>x</name></school>"#, key: "S9",
            schemaCatches: true),
        .init(section: "schools", record: #"<school id="S9" stage="primary"/>"#, key: "S9", schemaCatches: true),
        .init(
            section: "schools", record: #"<school id="S9" stage="primary"><name>x</name><grade level="8" classes="2"/></school>"#,
            key: "S9", schemaCatches: false),
        .init(
            section: "schools",
            record:
                #"""
                <school id="S9" stage="primary"><name>x</name>\#
                <grade level="2" classes="2"/><grade level="2" classes="3"/></school>
                """#,
            key: "S9", schemaCatches: true),
        .init(
            section: "schools",
            record: #"<school id="S9" stage="primary"><name>x</name><grade level="2" classes="41"/></school>"#, key: "S9",
            schemaCatches: true),
        .init(
            section: "schools", record: #"<school id="S9" stage="primary" counselingRoom="yes"><name>x</name></school>"#,
            key: "S9", schemaCatches: true),
        .init(
            section: "schools", record: #"<school id="S9" stage="primary" motto="x"><name>x</name></school>"#, key: "S9",
            schemaCatches: true),
        .init(
            section: "schools", record: #"<school id="S9" stage="primary"><name>x</name><motto>x</motto></school>"#, key: "S9",
            schemaCatches: true),
        .init(
            section: "teachers", record: #"<teacher id="T9" school="S9" role="leader"><name>x</name></teacher>"#, key: "T9",
            schemaCatches: false),
        .init(
            section: "teachers", record: #"<teacher id="T9" school="S1" role="principal"><name>x</name></teacher>"#, key: "T9",
            schemaCatches: true),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="leader" hired="2025-02-30"><name>x</name></teacher>"#, key: "T9",
            schemaCatches: true),
        .init(
            section: "teachers", record: #"<teacher id="T9" school="S1" role="leader" status="retired"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: true),
        .init(
            section: "teachers", record: #"<teacher id="T9" school="S1" role="leader"><name> </name></teacher>"#, key: "T9",
            schemaCatches: true),
        // Feed v1.1 homeroom: only for class teachers, only a class the school has (S1: grade 1 × 4, grade 2 × 3).
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="subject-teacher" homeroom="1-1"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: false),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="class-teacher" homeroom="1-5"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: false),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="class-teacher" homeroom="3-1"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: false),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="class-teacher" homeroom="1-02"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: true),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="class-teacher" homeroom="13-1"><name>x</name></teacher>"#,
            key: "T9", schemaCatches: true),
        .init(
            section: "teachers",
            record: #"<teacher id="T9" school="S1" role="class-teacher" homeroom=" "><name>x</name></teacher>"#,
            key: "T9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"<course id="C9" tier="50" mode="2" hours="8" start="2025-01-01" end="2025-01-02"><title>x</title></course>"#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"<course id="C9" tier="40" mode="5" hours="8" start="2025-01-01" end="2025-01-02"><title>x</title></course>"#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"<course id="C9" tier="40" mode="2" hours="0" start="2025-01-01" end="2025-01-02"><title>x</title></course>"#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"""
                <course id="C9" tier="40" mode="2" hours="500.1" start="2025-01-01" end="2025-01-02">\#
                <title>x</title></course>
                """#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"<course id="C9" tier="40" mode="2" hours="1.25" start="2025-01-01" end="2025-01-02"><title>x</title></course>"#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"<course id="C9" tier="40" mode="2" hours="8" start="2025-01-03" end="2025-01-02"><title>x</title></course>"#,
            key: "C9", schemaCatches: false),
        .init(
            section: "courses",
            record:
                #"""
                <course id="C9" tier="40" mode="2" hours="8" start="2025-01-01" end="2025-01-02" track="D">\#
                <title>x</title></course>
                """#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"""
                <course id="C9" tier="40" mode="2" hours="8" start="2025-01-01" end="2025-01-02" category="misc">\#
                <title>x</title></course>
                """#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"""
                <course id="C9" tier="40" mode="2" hours="8" start="2025-01-01" end="2025-01-02" capacity="0">\#
                <title>x</title></course>
                """#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record:
                #"""
                <course id="C9" tier="40" mode="2" hours="8" start="2025-01-01" end="2025-01-02">\#
                <provider>x</provider></course>
                """#,
            key: "C9", schemaCatches: true),
        .init(
            section: "courses",
            record: #"<course id="C9" tier="40" mode="2" hours="8" start="2025-01-01"><title>x</title></course>"#, key: "C9",
            schemaCatches: true),
        .init(
            section: "attendance", record: #"<record teacher="T9" course="C1" hours="1" status="completed"/>"#, key: "T9/C1",
            schemaCatches: false),
        .init(
            section: "attendance", record: #"<record teacher="T3" course="C9" hours="1" status="completed"/>"#, key: "T3/C9",
            schemaCatches: false),
        .init(
            section: "attendance", record: #"<record teacher="T3" course="C1" hours="36.1" status="completed"/>"#, key: "T3/C1",
            schemaCatches: false),
        .init(
            section: "attendance", record: #"<record teacher="T3" course="C1" hours="3" status="done"/>"#, key: "T3/C1",
            schemaCatches: true),
        .init(
            section: "attendance", record: #"<record teacher="T3" course="C1" hours="3" status="completed" result="ok"/>"#,
            key: "T3/C1", schemaCatches: true),
        .init(
            section: "attendance", record: #"<record teacher="T3" course="C1" hours="3" status="completed" date="2025-13-01"/>"#,
            key: "T3/C1", schemaCatches: true),
        .init(
            section: "attendance",
            record: #"<record teacher="T3" course="C1" hours="3" status="completed"><note>x</note></record>"#, key: "T3/C1",
            schemaCatches: true),
        .init(
            section: "awards", record: #"<award teacher="T2" level="D" issued="2025-06-01"/>"#, key: "T2/D/2025-06-01",
            schemaCatches: true),
        .init(
            section: "awards", record: #"<award teacher="T2" level="C" issued="2025-06-01" expires="2025-06-01"/>"#,
            key: "T2/C/2025-06-01", schemaCatches: false),
        .init(
            section: "awards", record: #"<award teacher="T2" level="C" issued="2025-06-01" number="GD-C-0001"/>"#,
            key: "T2/C/2025-06-01", schemaCatches: true),
        .init(
            section: "awards", record: #"<award teacher="T9" level="C" issued="2025-06-01"/>"#, key: "T9/C/2025-06-01",
            schemaCatches: false),
        .init(
            section: "practice", record: #"<counseling teacher="T1" date="2025-05-03" hours="8.5"/>"#, key: "T1/2025-05-03",
            schemaCatches: true),
        .init(
            section: "practice", record: #"<counseling teacher="T1" date="2025-05-03" hours="0"/>"#, key: "T1/2025-05-03",
            schemaCatches: true),
        .init(
            section: "practice", record: #"<counseling teacher="T9" date="2025-05-03" hours="1"/>"#, key: "T9/2025-05-03",
            schemaCatches: false),
        .init(
            section: "practice", record: #"<lesson teacher="T1" date="2025-05-03" periods="9"/>"#, key: "T1/2025-05-03",
            schemaCatches: true),
        .init(
            section: "practice", record: #"<lesson teacher="T1" date="2025-05-03" periods="0"/>"#, key: "T1/2025-05-03",
            schemaCatches: true),
        .init(
            section: "practice", record: #"<lesson teacher="T1" date="20250503" periods="1"/>"#, key: "T1/20250503",
            schemaCatches: true),
    ]

    static func feed(with broken: BrokenRule) -> String {
        let f = FeedFixture.self
        func add(_ s: String, _ section: String) -> String { broken.section == section ? s + "\n    " + broken.record : s }
        return f.feed(
            schools: add(f.defaultSchools, "schools"), teachers: add(f.defaultTeachers, "teachers"),
            courses: add(f.defaultCourses, "courses"), attendance: add(f.defaultAttendance, "attendance"),
            awards: add(f.defaultAwards, "awards"), practice: add(f.defaultPractice, "practice"))
    }

    @Test func theValidFeedPassesSchemaAndImporter() throws {
        let text = FeedFixture.feed()
        #expect(try FeedFixture.validate(text).status == .valid)
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .applied)
        #expect(s.accepted == Self.base)
        #expect(s.exitStatus == 0)
        let partial = try db.writer.read { try Attendance.fetchOne($0, sql: "SELECT * FROM attendance WHERE teacherId = 'T2'") }
        #expect(partial?.date == Day("2025-03-05"), "date defaults to the course's end")
        #expect(partial?.hours == Hours(tenths: 200))
        let c2 = try db.writer.read { try Course.fetchOne($0, key: "C2") }
        #expect(c2?.track == Track.none && c2?.category == .professional && c2?.hours == Hours(tenths: 125))
    }

    @Test func theSharedSampleFeedPassesBoth() throws {
        // A copy of shared/sample-district-feed.xml, the contract's own example.
        let path = FeedFixture.fixture("sample-district-feed.xml")
        var v = ImportOptions()
        v.validateOnly = true
        #expect(try FeedImporter.importFile(at: path, into: AppDatabase.inMemory(), options: v).status == .valid)
        let s = try FeedImporter.importFile(at: path, into: AppDatabase.inMemory(), options: ImportOptions())
        #expect(s.status == .applied)
        #expect(s.accepted.schools == 5)
    }

    @Test(arguments: cases) func oneBrokenRecordIsRejectedTheRestApplies(_ broken: BrokenRule) throws {
        let text = Self.feed(with: broken)
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .partial)
        #expect(s.exitStatus == 3)
        #expect(s.rejected.count == 1)
        #expect(s.rejected.first?.key == broken.key)
        #expect(s.rejected.first?.line ?? 0 > 1)
        #expect(s.accepted == Self.base)
        #expect(try FeedFixture.count(db, "teacher") == 3)
        let v = try FeedFixture.validate(text)
        #expect(v.status == (broken.schemaCatches ? .invalid : .valid))
    }

    @Test func strictRejectsTheWholeFeed() throws {
        let (s, db) = try FeedFixture.run(Self.feed(with: Self.cases[0])) { $0.strict = true }
        #expect(s.status == .rejected)
        #expect(s.exitStatus == 2)
        #expect(s.rejected.count == 1)
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        #expect(try FeedImporter.importLog(in: db).map(\.status) == [.rejected])
    }

    @Test func dryRunWritesNothingButReportsTheSame() throws {
        let (s, db) = try FeedFixture.run(Self.feed(with: Self.cases[0])) { $0.dryRun = true }
        #expect(s.status == .partial)
        #expect(s.accepted == Self.base)
        #expect(try FeedFixture.counts(db).values.allSatisfy { $0 == 0 })
        #expect(try FeedImporter.importLog(in: db).isEmpty)
    }

    @Test func referencesToStoredRecordsWork() throws {
        let (_, db) = try FeedFixture.run(FeedFixture.feed())
        let second = FeedFixture.feed(
            id: "F2", schools: "", teachers: "", courses: "",
            attendance: #"<record teacher="T3" course="C1" hours="10" status="partial"/>"#,
            awards: "", practice: "")
        let (s, _) = try FeedFixture.run(second, db: db)
        #expect(s.status == .applied)
        #expect(s.accepted.attendance == 1)
    }

    @Test func extensionsInOtherNamespacesAreIgnored() throws {
        let text = FeedFixture.feed(
            schools:
                #"""
                <x:meta xmlns:x="urn:other">ignored</x:meta><school xmlns:x="urn:other" id="S1" stage="primary" x:color="red">\#
                <name>一小</name><x:note>n</x:note><grade level="1" classes="2"/></school>
                """#,
            teachers: "", courses: "", attendance: "", awards: "", practice: "")
        let (s, _) = try FeedFixture.run(text)
        #expect(s.status == .applied)
        #expect(s.accepted.schools == 1)
        #expect(try FeedFixture.validate(text).status == .valid)
    }

    @Test func sectionOutOfOrderIsRejectedAsOneProblem() throws {
        let text = """
            <feed xmlns="urn:xinyu:district-feed:1" id="F1" district="440608" generated="2026-09-01T08:00:00Z">
            <teachers/><schools><school id="S1" stage="primary"><name>x</name></school></schools></feed>
            """
        let (s, _) = try FeedFixture.run(text)
        #expect(s.status == .partial)
        #expect(s.rejected.first?.element == "schools")
        #expect(try FeedFixture.validate(text).status == .invalid)
    }

    @Test(arguments: [
        #"<feed xmlns="urn:xinyu:district-feed:1" district="440608" generated="2026-09-01T08:00:00Z"/>"#,
        #"<feed xmlns="urn:xinyu:district-feed:1" id="F1" district="44060" generated="2026-09-01T08:00:00Z"/>"#,
        #"<feed xmlns="urn:xinyu:district-feed:1" id="F1" district="440608" generated="2026-09-01"/>"#,
        #"<feed xmlns="urn:xinyu:district-feed:1" id="F1" district="440608" generated="2026-09-01T08:00:00Z" mode="all"/>"#,
        #"<feed xmlns="urn:xinyu:district-feed:2" id="F1" district="440608" generated="2026-09-01T08:00:00Z"/>"#,
        #"<feed id="F1" district="440608" generated="2026-09-01T08:00:00Z"/>"#,
        #"<catalog xmlns="urn:xinyu:district-feed:1"/>"#,
    ])
    func badRootRejectsTheDocument(_ text: String) throws {
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .rejected)
        #expect(s.exitStatus == 2)
        #expect(try FeedFixture.count(db, "school") == 0)
        #expect(try FeedFixture.validate(text).status == .invalid)
    }
}

extension AcceptedCounts {
    static func of(schools: Int, teachers: Int, courses: Int, attendance: Int, awards: Int, practice: Int) -> AcceptedCounts {
        var c = AcceptedCounts()
        c.schools = schools
        c.teachers = teachers
        c.courses = courses
        c.attendance = attendance
        c.awards = awards
        c.practice = practice
        return c
    }
}
