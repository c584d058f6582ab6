import Foundation
import Testing
import XinyuCore

/// A certification reading's counted records follow every later feed, on every engine (issue #18: the PostgreSQL
/// store reads them from a per-teacher summary it keeps, migration v13, which a missed change would leave stale):
/// a course's track changed, a record's status, result or date changed, a teacher moved to another district, and
/// as-of days before, on and after the records. Each reading is checked against the teacher's own training record
/// (read from the records themselves) and against the records written here.
@Suite struct CountedAttendanceConformanceTests {
    static let schools = [("S1", "440601"), ("S2", "440602")]

    static func course(_ id: String, _ track: Track) -> Course {
        Course(
            id: id, title: "课程", provider: nil, tier: 40, mode: 2, hours: Hours(tenths: 400), start: day(2020, 1, 1),
            end: day(2026, 1, 1), track: track, category: .professional, capacity: nil)
    }

    static func teacher(_ id: String, _ school: String) -> Teacher {
        Teacher(id: id, schoolId: school, name: "教师", role: .classTeacher, hired: nil, status: .active)
    }

    static func record(
        _ teacher: String, _ course: String, _ status: AttendanceStatus, _ result: CourseResult, _ date: Day,
        tenths: Int = 30
    ) -> Attendance {
        Attendance(
            teacherId: teacher, courseId: course, hours: Hours(tenths: tenths), status: status, result: result, date: date)
    }

    static func feed(_ store: any XinyuStore, _ id: String, _ items: (inout RecordBatch) -> Void) throws {
        try store.applyFeed { t in
            for (school, district) in schools {
                try t.upsertSchool(
                    School(id: school, name: "学校", stage: .junior, counselingRoom: true, district: district), grades: [])
            }
            var batch = RecordBatch()
            items(&batch)
            try t.submit(batch)
            try t.recordChange()
            try t.logAttempt(ConformanceDistrict.logEntry(feed: id, status: .applied))
            return .commit
        }
    }

    /// Each teacher's counted records in the reading, as multisets.
    static func reading(
        _ store: any XinyuStore, asOf: Day, district: String?, parts: Int
    ) throws -> [String: [TrackedAttendance: Int]] {
        var out: [String: [TrackedAttendance: Int]] = [:]
        for part in try store.certificationReadings(
            asOf: asOf, school: nil, district: district, includeInactive: true, counting: [], parts: parts,
            withSchools: false, { $0 })
        {
            for (id, list) in part.attendance where !list.isEmpty {
                for r in list { out[id, default: [:]][r, default: 0] += 1 }
            }
        }
        return out
    }

    /// Every reading (whole store and each district, in one part and in three) holds, per teacher, what the
    /// teacher's training record counts, and the whole store holds `expected` (teacher → records).
    static func agree(
        _ store: any XinyuStore, asOf: Day, _ expected: [String: [TrackedAttendance: Int]], _ engine: StoreEngine,
        _ step: String
    ) throws {
        var fromRecords: [String: [TrackedAttendance: Int]] = [:]
        for id in ["T1", "T2", "T3", "T4"] {
            for a in try store.trainingRecord(teacherId: id, asOf: asOf, counting: []).attendance {
                guard let track = Track(rawValue: a.track), track != .none, let date = a.date else { continue }
                fromRecords[id, default: [:]][
                    TrackedAttendance(track: track, date: date, tenths: a.tenths, pass: a.pass), default: 0] += 1
            }
        }
        let label = "\(engine.name), \(step), as of \(asOf)"
        #expect(fromRecords == expected, "\(label): training records")
        for parts in [1, 3] {
            #expect(try reading(store, asOf: asOf, district: nil, parts: parts) == expected, "\(label): whole store")
            for (_, district) in schools {
                let teachers = Set(try store.teachers(school: nil, district: district, role: nil, status: nil).map(\.id))
                #expect(
                    try reading(store, asOf: asOf, district: district, parts: parts)
                        == expected.filter { teachers.contains($0.key) },
                    "\(label): district \(district)")
            }
        }
    }

    @Test(arguments: StoreEngine.all.filter { $0.name != "SQLite in memory" })
    func countedRecordsFollowEveryLaterFeed(_ engine: StoreEngine) throws {
        let store = try engine.make()
        func r(_ track: Track, _ date: Day, _ pass: Bool, tenths: Int = 30) -> TrackedAttendance {
            TrackedAttendance(track: track, date: date, tenths: tenths, pass: pass)
        }
        try Self.feed(store, "summary-1") { b in
            for (id, track) in [("KA", Track.A), ("KB", .B), ("KN", .none), ("KC", .cpd)] { b.append(Self.course(id, track)) }
            for (id, school) in [("T1", "S1"), ("T2", "S1"), ("T3", "S1"), ("T4", "S2")] { b.append(Self.teacher(id, school)) }
            b.append(Self.record("T1", "KA", .completed, .pass, day(2024, 3, 1)))
            b.append(Self.record("T1", "KN", .completed, .none, day(2024, 4, 1)))
            b.append(Self.record("T2", "KB", .absent, .none, day(2024, 5, 1)))
            b.append(Self.record("T3", "KC", .partial, .fail, day(2024, 6, 1)))
            b.append(Self.record("T3", "KA", .partial, .none, day(2025, 6, 1), tenths: 12))
            b.append(Self.record("T4", "KB", .completed, .pass, day(2023, 1, 1)))
        }
        let t1 = r(.A, day(2024, 3, 1), true)
        let t3 = r(.A, day(2025, 6, 1), false, tenths: 12)
        let t4 = r(.B, day(2023, 1, 1), true)
        try Self.agree(store, asOf: day(2022, 12, 31), [:], engine, "first feed")
        try Self.agree(store, asOf: day(2024, 3, 1), ["T1": [t1: 1], "T4": [t4: 1]], engine, "first feed")
        try Self.agree(store, asOf: day(2026, 1, 1), ["T1": [t1: 1], "T3": [t3: 1], "T4": [t4: 1]], engine, "first feed")

        // A course's track changes (none → B, B → C), a record's status and another's result, a teacher moves to
        // the other district.
        try Self.feed(store, "summary-2") { b in
            b.append(Self.course("KN", .B))
            b.append(Self.course("KB", .C))
            b.append(Self.teacher("T3", "S2"))
            b.append(Self.record("T2", "KB", .completed, .none, day(2024, 5, 1)))
            b.append(Self.record("T3", "KC", .partial, .none, day(2024, 6, 1)))
        }
        let t1n = r(.B, day(2024, 4, 1), false)
        let t2 = r(.C, day(2024, 5, 1), false)
        let t3c = r(.cpd, day(2024, 6, 1), false)
        let t4c = r(.C, day(2023, 1, 1), true)
        try Self.agree(
            store, asOf: day(2024, 5, 1), ["T1": [t1: 1, t1n: 1], "T2": [t2: 1], "T4": [t4c: 1]], engine, "second feed")
        try Self.agree(
            store, asOf: day(2026, 1, 1), ["T1": [t1: 1, t1n: 1], "T2": [t2: 1], "T3": [t3: 1, t3c: 1], "T4": [t4c: 1]],
            engine, "second feed")
        #expect(try Self.reading(store, asOf: day(2026, 1, 1), district: "440602", parts: 1).keys.sorted() == ["T3", "T4"])

        // A record's date moves past the as-of day, another fails, a course leaves the tracks.
        try Self.feed(store, "summary-3") { b in
            b.append(Self.course("KC", .none))
            b.append(Self.record("T1", "KA", .completed, .pass, day(2025, 9, 1)))
            b.append(Self.record("T4", "KB", .completed, .fail, day(2023, 1, 1)))
        }
        let t1a = r(.A, day(2025, 9, 1), true)
        try Self.agree(store, asOf: day(2025, 8, 31), ["T1": [t1n: 1], "T2": [t2: 1], "T3": [t3: 1]], engine, "third feed")
        try Self.agree(
            store, asOf: day(2026, 1, 1), ["T1": [t1a: 1, t1n: 1], "T2": [t2: 1], "T3": [t3: 1]], engine, "third feed")
    }
}
