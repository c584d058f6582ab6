import Foundation

@testable import Importers
@testable import XinyuCore

/// A small district for sign-in sheets: school S1 with two teachers named 王芳 and a teacher id with leading zeros,
/// school S2 with one teacher, and a training of S1 (3 hours on 2026-03-01).
struct AttendanceFixture {
    let db: AppDatabase
    let course: String
    let dir: String

    static let teachers = """
            <teacher id="T001" school="S1" role="psych-fulltime"><name>张伟</name></teacher>
            <teacher id="T002" school="S1" role="subject-teacher"><name>李娜</name></teacher>
            <teacher id="T003" school="S1" role="class-teacher"><name>王芳</name></teacher>
            <teacher id="T004" school="S1" role="subject-teacher"><name>王芳</name></teacher>
            <teacher id="0012" school="S1" role="subject-teacher"><name>刘洋</name></teacher>
            <teacher id="T900" school="S2" role="subject-teacher"><name>赵磊</name></teacher>
        """

    init() throws {
        let feed = FeedFixture.feed(teachers: Self.teachers, courses: "", attendance: "", awards: "", practice: "")
        db = try FeedFixture.run(feed).1
        let training = Course(
            id: "", title: "心理健康全员培训", provider: "校工会", tier: 60, mode: 2, hours: 3,
            start: Day(year: 2026, month: 3, day: 1)!, end: Day(year: 2026, month: 3, day: 1)!,
            track: .cpd, category: .professional, capacity: nil)
        course = try db.addTraining(training, school: "S1", by: "cli:test", at: Date()).id
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-sheet-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    /// A path in the fixture's own directory.
    func path(_ name: String) -> String { dir + "/" + name }

    /// Writes UTF-8 text to `name`.
    func text(_ s: String, _ name: String) throws -> String {
        try Data(s.utf8).write(to: URL(fileURLWithPath: path(name)))
        return path(name)
    }

    func importSheet(
        _ file: String,
        _ configure: (inout AttendanceImportOptions) -> Void = { _ in }
    ) throws -> AttendanceImportSummary {
        var options = AttendanceImportOptions()
        options.actor = "cli:test"
        configure(&options)
        return try AttendanceSheetImporter.importFile(at: file, course: course, into: db, options: options)
    }

    /// The entered records of the training, by teacher id: (hours, status, state).
    func records() throws -> [String: (Hours, AttendanceStatus, RecordState)] {
        var out: [String: (Hours, AttendanceStatus, RecordState)] = [:]
        for r in try db.recordEntries(RecordFilter(course: course)) { out[r.teacherId] = (r.hours, r.status, r.state) }
        return out
    }

    /// Reads every row of a sheet file with our readers.
    static func rows(_ path: String) throws -> [[String]] {
        let reader = try AttendanceSheetImporter.open(path, name: path, sheet: nil).reader
        var out: [[String]] = []
        while let r = try reader.nextRow() {
            var cells = r.cells
            while cells.last == "" { cells.removeLast() }
            out.append(cells)
        }
        return out
    }
}
