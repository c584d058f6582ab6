import Certifications
import Foundation
import XinyuCore
import XinyuNotify

/// A small district written through the store's feed protocol, for the reminder tests: two schools, teachers
/// with certificates at chosen dates, and attendance added per test.
struct NotifyDistrict {
    let store: AppDatabase
    let profile: RuleProfile
    let quota: QuotaRules
    private(set) var courses = 0

    init() throws {
        store = try AppDatabase.inMemory()
        profile = try RuleProfile.load(path: nil)
        quota = try QuotaRules.load(profilePath: nil)
        try store.applyFeed { t in
            try t.upsertSchool(
                School(id: "S1", name: "第一小学", stage: .primary, counselingRoom: true, district: "440106"),
                grades: [])
            try t.upsertSchool(
                School(id: "S2", name: "第二中学", stage: .junior, counselingRoom: false, district: "440106"),
                grades: [])
            try t.recordChange()
            return .commit
        }
    }

    /// Adds an active subject teacher.
    func teacher(
        _ id: String, _ name: String, school: String = "S1", role: Role = .subjectTeacher,
        status: TeacherStatus = .active
    ) throws {
        var batch = RecordBatch()
        batch.append(Teacher(id: id, schoolId: school, name: name, role: role, hired: nil, status: status))
        try write(batch)
    }

    /// Adds an award with a number.
    func award(_ teacher: String, _ level: Level, issued: Day, expires: Day?, number: String) throws {
        var batch = RecordBatch()
        batch.append(Award(teacherId: teacher, level: level, issued: issued, number: number, expires: expires))
        try write(batch)
    }

    /// One course attended (completed, counted) on `date`.
    mutating func attend(
        _ teacher: String, hours: Hours, on date: Day, track: Track = .cpd,
        category: XinyuCore.Category = .professional, tier: Int = 40, result: CourseResult = .pass
    ) throws {
        courses += 1
        let id = "K\(courses)"
        var batch = RecordBatch()
        batch.append(
            Course(
                id: id, title: "课程\(courses)", provider: "区教师发展中心", tier: tier, mode: 2, hours: hours,
                start: date, end: date, track: track, category: category, capacity: nil))
        batch.append(Attendance(teacherId: teacher, courseId: id, hours: hours, status: .completed, result: result, date: date))
        try write(batch)
    }

    func write(_ batch: RecordBatch) throws {
        try store.applyFeed { t in
            try t.submit(batch)
            try t.recordChange()
            return .commit
        }
    }

    /// A planner with these channels.
    func planner(_ config: NotifyConfiguration = NotifyConfiguration()) -> ReminderPlanner {
        ReminderPlanner(profile: profile, quotaRules: quota, configuration: config)
    }
}

func day(_ s: String) -> Day { Day(s)! }
