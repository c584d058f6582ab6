import Foundation

@testable import Certifications
@testable import XinyuCore

/// Builders for the quota tests: an in-memory district and the profile's rules.
enum QuotaFixture {
    static let rules = QuotaRules(
        continuingEducation: .init(
            yearMinimumHours: 72, categoryMinimumHours: ["public": 18, "professional": 42, "elective": 12],
            trainingDayHours: 6),
        unionQuota: .init(
            professionalSessionsPerYear: 4, wholeStaffTrainingsPerTerm: 2, wholeStaffAttendanceShare: 0.8,
            wholeStaffTier: 60))

    static func day(_ s: String) -> Day { Day(s)! }

    static func database(
        schools: [String], teachers: [(id: String, school: String, active: Bool)],
        courses: [(id: String, category: XinyuCore.Category, tier: Int)],
        attendance: [(
            teacher: String, course: String, hours: Int, status: AttendanceStatus,
            result: CourseResult, date: String
        )]
    ) throws -> AppDatabase {
        let db = try AppDatabase.inMemory()
        try db.writer.write { db in
            for s in schools {
                try School(id: s, name: "学校\(s)", stage: .primary, counselingRoom: true, district: "440606").insert(db)
            }
            for t in teachers {
                try Teacher(
                    id: t.id, schoolId: t.school, name: "教师\(t.id)", role: .subjectTeacher, hired: nil,
                    status: t.active ? .active : .inactive
                ).insert(db)
            }
            for c in courses {
                try Course(
                    id: c.id, title: "课程\(c.id)", provider: nil, tier: c.tier, mode: 2, hours: 6,
                    start: day("2025-09-01"), end: day("2026-08-31"), track: .none, category: c.category,
                    capacity: nil
                ).insert(db)
            }
            for a in attendance {
                try Attendance(
                    teacherId: a.teacher, courseId: a.course, hours: Hours(tenths: a.hours * 10),
                    status: a.status, result: a.result, date: day(a.date)
                ).insert(db)
            }
        }
        return db
    }
}

/// A small deterministic generator for property tests (SplitMix64).
struct TestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
}
