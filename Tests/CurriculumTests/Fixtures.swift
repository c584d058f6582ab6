import Foundation

@testable import Curriculum
@testable import XinyuCore

/// Hand-built schools, grades and teachers for scheduler tests.
enum Fixture {
    static let term = Term("2026-fall")!

    static func rules(_ edit: (inout ScheduleRules) -> Void = { _ in }) throws -> ScheduleRules {
        var r = try ScheduleRules.bundled()
        edit(&r)
        return r
    }

    /// S1: primary, counseling room, grades 1–6 × 3 classes (18), two psych teachers (B and A), one C class teacher.
    static func primary() -> (School, [Grade], [Teacher], [String: Level]) {
        let s = School(id: "S1", name: "阳光小学", stage: .primary, counselingRoom: true, district: "440305")
        let g = (1...6).map { Grade(schoolId: "S1", level: $0, classes: 3) }
        let t = [
            Teacher(id: "T1", schoolId: "S1", name: "王老师", role: .psychFulltime, hired: nil, status: .active),
            Teacher(id: "T2", schoolId: "S1", name: "李老师", role: .psychParttime, hired: nil, status: .active),
            Teacher(id: "T3", schoolId: "S1", name: "张老师", role: .classTeacher, hired: nil, status: .active),
        ]
        return (s, g, t, ["T1": .A, "T2": .B, "T3": .C])
    }

    static func context(
        rules: ScheduleRules? = nil, schools: [School], grades: [Grade], teachers: [Teacher],
        levels: [String: Level]
    ) throws -> ScheduleContext {
        ScheduleContext(
            term: term, rules: try rules ?? Fixture.rules(), library: try LessonLibrary.bundled(),
            catalog: try ActivityCatalog.bundled(), schools: schools, grades: grades, teachers: teachers,
            levels: levels)
    }

    static func primaryContext(rules: ScheduleRules? = nil) throws -> ScheduleContext {
        let (s, g, t, l) = primary()
        return try context(rules: rules, schools: [s], grades: g, teachers: t, levels: l)
    }

    static func database(schools: [School], grades: [Grade], teachers: [Teacher]) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.writer.write { d in
            for s in schools { try s.insert(d) }
            for g in grades { try g.insert(d) }
            for t in teachers { try t.insert(d) }
        }
        return db
    }

    static func tempDir() -> String {
        let p = NSTemporaryDirectory() + "xinyu-cur-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: p, withIntermediateDirectories: true)
        return p
    }
}
