import Foundation
import GRDB
import Testing

@testable import Certifications
@testable import XinyuCore

/// A small hand-built district in memory.
struct Fixture {
    let db: AppDatabase
    let profile: RuleProfile
    private var courseCount = 0

    init() throws {
        db = try AppDatabase.inMemory()
        profile = try RuleProfile.load(path: nil)
        try db.writer.write { db in
            try School(id: "S1", name: "第一中学", stage: .junior, counselingRoom: true, district: "440106").insert(db)
            try School(id: "S2", name: "第二小学", stage: .primary, counselingRoom: false, district: "440106").insert(db)
        }
    }

    func teacher(_ id: String, school: String = "S1", role: Role = .subjectTeacher, status: TeacherStatus = .active) throws {
        try db.writer.write { db in
            try Teacher(id: id, schoolId: school, name: "教师\(id)", role: role, hired: nil, status: status).insert(db)
        }
    }

    /// One course attended on `date`.
    mutating func attend(
        _ teacher: String, track: Track, hours: Hours, date: String, result: CourseResult = .none,
        status: AttendanceStatus = .completed, category: XinyuCore.Category = .professional,
        tier: Int = 40
    ) throws {
        courseCount += 1
        let id = "K\(courseCount)"
        let d = Day(date)!
        try db.writer.write { db in
            try Course(
                id: id, title: "课程\(id)", provider: nil, tier: tier, mode: 2, hours: hours, start: d, end: d,
                track: track, category: category, capacity: nil
            ).insert(db)
            try Attendance(teacherId: teacher, courseId: id, hours: hours, status: status, result: result, date: d).insert(db)
        }
    }

    func award(_ teacher: String, _ level: Level, issued: String, expires: String? = nil, number: String? = nil) throws {
        try db.writer.write { db in
            try Award(
                teacherId: teacher, level: level, issued: Day(issued)!, number: number,
                expires: expires.map { Day($0)! }
            ).insert(db)
        }
    }

    func counseling(_ teacher: String, date: String, hours: Hours) throws {
        try db.writer.write { db in try CounselingPractice(teacherId: teacher, date: Day(date)!, hours: hours).insert(db) }
    }

    func lessons(_ teacher: String, date: String, periods: Int) throws {
        try db.writer.write { db in try LessonPractice(teacherId: teacher, date: Day(date)!, periods: periods).insert(db) }
    }

    func scheduled(_ teacher: String, date: String, period: Int = 1, kind: SessionKind = .lesson) throws {
        try db.writer.write { db in
            var s = ScheduledSession(
                term: "2026-fall", schoolId: "S1", classId: "S1-7-1", grade: 7, date: Day(date)!,
                period: period, teacherId: teacher, lessonId: "L1", kind: kind, room: nil)
            try s.insert(db)
        }
    }

    /// Records whether `teacher`'s session at S1-7-1 on `date`, `period` was given (issue #19).
    func deliver(_ date: String, period: Int = 1, given: Bool, reason: DeliveryReason? = nil) throws {
        _ = try db.recordDelivery(
            DeliveryRecord(
                session: SessionKey(schoolId: "S1", classId: "S1-7-1", date: Day(date)!, period: period), given: given,
                reason: given ? nil : reason ?? .other, reflection: nil, recordedBy: "test", recordedAt: Date()))
    }

    /// The bulk path's view of one teacher (includes inactive teachers).
    func status(_ teacher: String, _ asOf: String) throws -> TeacherCertStatus {
        try CertificationEngine.statuses(in: db, asOf: Day(asOf)!, profile: profile, includeInactive: true)
            .first { $0.teacherId == teacher }!
    }

    /// The ledger path's view of one level; also checks the bulk path agrees.
    func level(_ teacher: String, _ level: Level, _ asOf: String) throws -> LevelStatus {
        let ledger = try CertificationEngine.ledger(teacherId: teacher, in: db, asOf: Day(asOf)!, profile: profile)
        let bulk = try status(teacher, asOf)
        #expect(ledger.status == bulk, "ledger and bulk statuses differ for \(teacher)")
        return ledger.status.level(level)
    }
}
