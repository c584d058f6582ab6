import Foundation
import XinyuCore

/// A small district written through ``FeedStore`` only, with every kind of record: the conformance checks derive
/// what each read must return from these values (never from an engine).
struct ConformanceDistrict {
    var schools: [School] = [
        School(id: "S1", name: "第一小学", stage: .primary, counselingRoom: true, district: "440608"),
        School(id: "S2", name: "第二中学", stage: .junior, counselingRoom: false, district: "440608"),
        School(id: "S3", name: "空学校", stage: .senior, counselingRoom: false, district: "440608"),
    ]
    var grades: [Grade] = [
        Grade(schoolId: "S1", level: 1, classes: 3), Grade(schoolId: "S1", level: 2, classes: 2),
        Grade(schoolId: "S2", level: 7, classes: 4),
    ]
    var teachers: [Teacher] = []
    var courses: [Course] = []
    var attendance: [Attendance] = []
    var awards: [Award] = []
    var counseling: [CounselingPractice] = []
    var lessons: [LessonPractice] = []

    init() {
        let roles: [Role] = [.psychFulltime, .classTeacher, .subjectTeacher, .psychParttime, .leader]
        for i in 1...12 {
            let school = i % 3 == 0 ? "S2" : "S1"
            teachers.append(
                Teacher(
                    id: String(format: "T%03d", i), schoolId: school, name: "教师\(i)",
                    role: roles[i % roles.count], hired: i % 4 == 0 ? nil : day(2010 + i % 10, 9, 1),
                    status: i % 5 == 0 ? .inactive : .active))
        }
        let tracks: [Track] = [.C, .B, .A, .cpd, .none]
        for i in 1...10 {
            courses.append(
                Course(
                    id: String(format: "C%02d", i), title: "课程\(i)", provider: i % 2 == 0 ? "省中心" : nil,
                    tier: [10, 20, 30, 40, 60][i % 5], mode: [1, 2, 3][i % 3], hours: Hours(tenths: 60 + i * 15),
                    start: day(2024 + i % 3, 3, 1), end: day(2024 + i % 3, 3, 10 + i),
                    track: tracks[i % tracks.count], category: Category.allCases[i % 3],
                    capacity: i % 3 == 0 ? nil : 40))
        }
        let statuses = AttendanceStatus.allCases
        let results = CourseResult.allCases
        for (t, teacher) in teachers.enumerated() {
            for (c, course) in courses.enumerated() where (t + c) % 3 != 0 {
                attendance.append(
                    Attendance(
                        teacherId: teacher.id, courseId: course.id,
                        hours: Hours(tenths: min(course.hoursTenths, 10 + (t * 7 + c * 3) % 90)),
                        status: statuses[(t + c) % statuses.count],
                        result: results[(t * c) % results.count], date: course.end))
            }
            if t % 2 == 0 {
                awards.append(
                    Award(
                        teacherId: teacher.id, level: .C, issued: day(2021 + t % 4, 6, 1),
                        number: "GD-C-\(1000 + t)", expires: day(2026 + t % 4, 6, 1)))
            }
            if t % 3 == 0 {
                awards.append(Award(teacherId: teacher.id, level: .B, issued: day(2024, 1, 15 + t), number: nil, expires: nil))
            }
            for d in stride(from: 1, through: t % 4, by: 1) {
                counseling.append(CounselingPractice(teacherId: teacher.id, date: day(2025, 4, d), hours: Hours(tenths: 5 * d)))
                lessons.append(LessonPractice(teacherId: teacher.id, date: day(2025, 5, d), periods: d))
            }
        }
    }

    /// Writes the district in one feed transaction, logged as `applied` under `feed`.
    /// The district's schools, teachers, courses and awards without any attendance, counseling or lesson record
    /// (the record tests send their own).
    static func withoutRecords() -> ConformanceDistrict {
        var district = ConformanceDistrict()
        district.attendance = []
        district.counseling = []
        district.lessons = []
        return district
    }

    func write(to store: any XinyuStore, feed: String = "conformance-1") throws {
        try store.applyFeed { t in
            for s in schools { try t.upsertSchool(s, grades: grades.filter { $0.schoolId == s.id }) }
            var batch = RecordBatch()
            for x in teachers { batch.append(x) }
            for x in courses { batch.append(x) }
            for x in attendance { batch.append(x) }
            for x in awards { batch.append(x) }
            for x in counseling { batch.append(x) }
            for x in lessons { batch.append(x) }
            try t.submit(batch)
            try t.recordChange()
            try t.logAttempt(Self.logEntry(feed: feed, status: .applied))
            return .commit
        }
    }

    static func logEntry(feed: String?, status: ImportStatus) -> ImportLogEntry {
        ImportLogEntry(
            feedId: feed, format: "district-v1", file: "\(feed ?? "none").xml", digest: "ab",
            importedAt: Date(timeIntervalSince1970: 1_780_000_000), status: status,
            accepted: "{}", rejectedCount: 0, rejections: "[]")
    }
}

func day(_ y: Int, _ m: Int, _ d: Int) -> Day { Day(year: y, month: m, day: d)! }
