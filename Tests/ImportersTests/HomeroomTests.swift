import Foundation
import GRDB
import Testing

@testable import Importers
@testable import XinyuCore

/// Feed v1.1 `homeroom="G-K"` on class teachers: set, kept when absent, cleared with `""`, checked against the
/// teacher's role and the school's classes (FEED-FORMAT.md), and the IMS `extension/homeroom` that carries it.
@Suite struct HomeroomTests {
    func homerooms(_ db: AppDatabase) throws -> [String: String] {
        try db.writer.read { d in
            Dictionary(uniqueKeysWithValues: try Homeroom.fetchAll(d).map { ($0.teacherId, $0.text) })
        }
    }

    func teachers(_ records: String, id: String) -> String {
        FeedFixture.feed(id: id, schools: "", teachers: records, courses: "", attendance: "", awards: "", practice: "")
    }

    @Test func setKeptWhenAbsentClearedWithEmpty() throws {
        let first = FeedFixture.feed(
            teachers: FeedFixture.defaultTeachers + """

                    <teacher id="T4" school="S2" role="class-teacher" homeroom="7-5"><name>赵老师</name></teacher>
                    <teacher id="T5" school="S1" role="class-teacher" homeroom="2-3"><name>钱老师</name></teacher>
                """)
        let (s1, db) = try FeedFixture.run(first)
        #expect(s1.status == .applied, "\(s1.rejected)")
        #expect(try homerooms(db) == ["T4": "7-5", "T5": "2-3"])
        // A later feed without the attribute leaves it; another class replaces it; "" clears it.
        let later = teachers(
            """
                <teacher id="T4" school="S2" role="class-teacher"><name>赵老师</name></teacher>
                <teacher id="T5" school="S1" role="class-teacher" homeroom="1-4"><name>钱老师</name></teacher>
            """, id: "F2")
        #expect(try FeedFixture.run(later, db: db).0.status == .applied)
        #expect(try homerooms(db) == ["T4": "7-5", "T5": "1-4"])
        let clear = teachers(
            #"<teacher id="T4" school="S2" role="subject-teacher" homeroom=""><name>赵老师</name>"#
                + "</teacher>", id: "F3")
        #expect(try FeedFixture.run(clear, db: db).0.status == .applied)
        #expect(try homerooms(db) == ["T5": "1-4"])
        #expect(try db.consistencyProblems().isEmpty)
    }

    @Test func theClassIsCheckedAgainstTheSchoolAsTheFeedLeavesIt() throws {
        // The feed's own school record comes first: S2 now has 2 classes in grade 7.
        let text = FeedFixture.feed(
            schools: #"<school id="S2" stage="junior"><name>第二中学</name><grade level="7" classes="2"/></school>"#,
            teachers: """
                    <teacher id="T4" school="S2" role="class-teacher" homeroom="7-2"><name>赵老师</name></teacher>
                    <teacher id="T5" school="S2" role="class-teacher" homeroom="7-3"><name>钱老师</name></teacher>
                    <teacher id="T6" school="S2" role="leader" homeroom="7-1"><name>孙老师</name></teacher>
                """, courses: "", attendance: "", awards: "", practice: "")
        let (s, db) = try FeedFixture.run(text)
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["T5", "T6"])
        #expect(s.rejected[0].reason == "homeroom 7-3: grade 7 of school S2 has 2 classes")
        #expect(s.rejected[1].reason == "homeroom 7-1 is only for role class-teacher, not leader")
        #expect(try homerooms(db) == ["T4": "7-2"])
    }

    @Test func imsCarriesItAsAnExtension() throws {
        let db = try AppDatabase.inMemory()
        try db.writer.write { d in
            try School(id: "S1", name: "一小", stage: .primary, counselingRoom: false, district: "440608").insert(d)
            try Grade(schoolId: "S1", level: 3, classes: 4).insert(d)
        }
        func person(_ id: String, _ ext: String) -> String {
            "<person><sourcedid><id>\(id)</id></sourcedid><name><fn>老师\(id)</fn></name><extension>\(ext)</extension></person>"
        }
        func run(_ persons: String) throws -> ImportSummary {
            var o = ImportOptions()
            o.school = "S1"
            let path = try FeedFixture.write("<enterprise>\(persons)</enterprise>", name: "ims.xml")
            return try FeedImporter.importFile(at: path, into: db, options: o)
        }
        let s = try run(
            person("P1", "<role>class-teacher</role><homeroom>3-2</homeroom>")
                + person("P2", "<homeroom>3-1</homeroom>")
                + person("P3", "<role>class-teacher</role><homeroom>3-9</homeroom>"))
        #expect(s.status == .partial)
        #expect(s.rejected.map(\.key) == ["P2", "P3"])
        #expect(try homerooms(db) == ["P1": "3-2"])
        #expect(try run(person("P1", "<role>class-teacher</role><homeroom/>")).status == .applied)
        #expect(try homerooms(db).isEmpty)
    }
}
