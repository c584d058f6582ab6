import Foundation
import GRDB

@testable import Importers
@testable import XinyuCore

/// Builds small district feeds and runs imports against an in-memory store.
enum FeedFixture {
    static let ns = "urn:xinyu:district-feed:1"

    static func feed(
        id: String = "F1", mode: String = "delta", schools: String = defaultSchools,
        teachers: String = defaultTeachers, courses: String = defaultCourses,
        attendance: String = defaultAttendance, awards: String = defaultAwards,
        practice: String = defaultPractice, encoding: String = "UTF-8"
    ) -> String {
        """
        <?xml version="1.0" encoding="\(encoding)"?>
        <feed xmlns="\(ns)" id="\(id)" district="440608" generated="2026-09-01T08:00:00+08:00" mode="\(mode)">
          <schools>
        \(schools)
          </schools>
          <teachers>
        \(teachers)
          </teachers>
          <courses>
        \(courses)
          </courses>
          <attendance>
        \(attendance)
          </attendance>
          <awards>
        \(awards)
          </awards>
          <practice>
        \(practice)
          </practice>
        </feed>

        """
    }

    static let defaultSchools = """
            <school id="S1" stage="primary" counselingRoom="true"><name>第一小学</name>\
        <grade level="1" classes="4"/><grade level="2" classes="3"/></school>
            <school id="S2" stage="junior"><name>第二中学</name><grade level="7" classes="5"/></school>
        """
    static let defaultTeachers = """
            <teacher id="T1" school="S1" role="psych-fulltime" hired="2010-09-01"><name>张老师</name></teacher>
            <teacher id="T2" school="S1" role="subject-teacher"><name>李老师</name></teacher>
            <teacher id="T3" school="S2" role="class-teacher" status="active"><name>王老师</name></teacher>
        """
    static let defaultCourses = """
            <course id="C1" tier="40" mode="2" hours="36" start="2025-03-01" end="2025-03-05" track="C" category="professional" \
        capacity="100"><title>C级培训</title><provider>区中心</provider></course>
            <course id="C2" tier="20" mode="4" hours="12.5" start="2025-04-01" end="2025-04-02"><title>心理健康讲座</title></course>
        """
    static let defaultAttendance = """
            <record teacher="T1" course="C1" hours="36" status="completed" result="pass" date="2025-03-05"/>
            <record teacher="T2" course="C1" hours="20" status="partial"/>
            <record teacher="T3" course="C2" hours="12.5" status="completed"/>
        """
    static let defaultAwards = """
            <award teacher="T1" level="C" issued="2025-06-01" number="GD-C-0001"/>
        """
    static let defaultPractice = """
            <counseling teacher="T1" date="2025-05-01" hours="1.5"/>
            <lesson teacher="T1" date="2025-05-02" periods="2"/>
        """

    /// Writes `text` (UTF-8) or raw bytes to a fresh temporary file.
    static func write(_ text: String, name: String = "feed.xml") throws -> String { try write(Data(text.utf8), name: name) }

    static func write(_ data: Data, name: String = "feed.xml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    static func run(_ text: String, db: AppDatabase? = nil, _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> (
        ImportSummary, AppDatabase
    ) {
        let db = try db ?? AppDatabase.inMemory()
        var options = ImportOptions()
        configure(&options)
        return (try FeedImporter.importFile(at: try write(text), into: db, options: options), db)
    }

    static func validate(_ text: String) throws -> ImportSummary {
        var options = ImportOptions()
        options.validateOnly = true
        return try FeedImporter.importFile(at: try write(text), into: AppDatabase.inMemory(), options: options)
    }

    static func count(_ db: AppDatabase, _ table: String) throws -> Int {
        try db.writer.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? 0 }
    }

    /// Row counts of every data table.
    static func counts(_ db: AppDatabase) throws -> [String: Int] {
        var out: [String: Int] = [:]
        for t in ["school", "grade", "teacher", "course", "attendance", "award", "counseling", "lessonPractice"] {
            out[t] = try count(db, t)
        }
        return out
    }

    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)").path
    }
}
