import Foundation
import Testing
import XinyuCore

/// Records of teachers a feed creates and of teachers already stored, in one feed: PostgreSQL loads the first by
/// `COPY` straight into the tables and upserts the others (issue #18's import speed); every engine must store the
/// same rows, the later record of a key winning in a batch and across batches, a second run changing nothing and
/// a refused record leaving nothing of the feed.
@Suite struct FeedNewTeachersConformanceTests {
    /// The stored district's teacher and the feed's two new ones.
    static let stored = "T001"
    static let new = ["N\t1\\", "N2"]

    /// Teachers N1 and N2 (new), then their and a stored teacher's records over four batches (more than the
    /// statements PostgreSQL has on their way at once), with keys repeated inside a batch and across batches.
    static func feed(_ t: any FeedTransaction, _ courses: [Course]) throws {
        var people = RecordBatch()
        for id in new {
            people.append(Teacher(id: id, schoolId: "S1", name: "新教师", role: .classTeacher, hired: nil, status: .active))
        }
        try t.submit(people)
        func attendance(_ teacher: String, _ c: Int, _ tenths: Int) -> Attendance {
            Attendance(
                teacherId: teacher, courseId: courses[c].id, hours: Hours(tenths: tenths), status: .completed,
                result: .pass, date: courses[c].end)
        }
        let (n1, n2) = (new[0], new[1])
        var first = RecordBatch()
        first.append(attendance(stored, 0, 11))
        first.append(attendance(n1, 0, 20))
        first.append(attendance(n1, 1, 30))
        first.append(attendance(n1, 0, 25))  // the same key again in the batch: 25 wins
        first.append(attendance(n2, 2, 40))
        first.append(CounselingPractice(teacherId: n1, date: day(2025, 4, 1), hours: Hours(tenths: 5)))
        first.append(CounselingPractice(teacherId: n1, date: day(2025, 4, 1), hours: Hours(tenths: 7)))
        first.append(LessonPractice(teacherId: n2, date: day(2025, 4, 2), periods: 2))
        try t.submit(first)
        var second = RecordBatch()
        second.append(attendance(n1, 2, 50))
        second.append(attendance(n1, 1, 35))  // a key of the first batch: 35 wins
        try t.submit(second)
        var third = RecordBatch()
        third.append(attendance(n2, 3, 45))
        third.append(attendance(stored, 1, 12))
        third.append(LessonPractice(teacherId: n2, date: day(2025, 4, 2), periods: 3))
        try t.submit(third)
        var fourth = RecordBatch()
        fourth.append(CounselingPractice(teacherId: n2, date: day(2025, 4, 3), hours: Hours(tenths: 9)))
        try t.submit(fourth)
    }

    @Test(arguments: StoreEngine.all)
    func newAndStoredTeachersRecordsLandTheLaterWinsAndASecondRunChangesNothing(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict.withoutRecords()
        try district.write(to: store)
        let courses = district.courses
        func records() throws -> [String: TeacherTrainingRecord] {
            var out: [String: TeacherTrainingRecord] = [:]
            for id in [Self.stored] + Self.new { out[id] = try store.trainingRecord(teacherId: id, asOf: day(2030, 1, 1)) }
            return out
        }
        try store.applyFeed { t in
            try Self.feed(t, courses)
            try t.recordChange()
            return .commit
        }
        let counts = try store.tableCounts()
        #expect(counts["teacher"] == district.teachers.count + 2)
        #expect(counts["attendance"] == 7)
        #expect(counts["counseling"] == 2)
        #expect(counts["lessonPractice"] == 1)
        let after = try records()
        #expect(after[Self.stored]?.attendance.map(\.tenths).sorted() == [11, 12])
        #expect(after[Self.new[0]]?.attendance.map(\.tenths).sorted() == [25, 35, 50])
        #expect(after[Self.new[1]]?.attendance.map(\.tenths).sorted() == [40, 45])
        #expect(after[Self.new[0]]?.practice.counseling.values.reduce(0, +) == 7)
        #expect(after[Self.new[1]]?.practice.counseling.values.reduce(0, +) == 9)
        #expect(after[Self.new[1]]?.practice.feedPeriods.values.reduce(0, +) == 3)
        // The same feed again: its teachers are stored now, so every record is an upsert; nothing changes.
        try store.applyFeed { t in
            try Self.feed(t, courses)
            try t.recordChange()
            return .commit
        }
        #expect(try store.tableCounts() == counts)
        let again = try records()
        for id in [Self.stored] + Self.new {
            #expect(
                again[id]?.attendance.sorted { $0.tenths < $1.tenths } == after[id]?.attendance.sorted { $0.tenths < $1.tenths })
            #expect(again[id]?.practice == after[id]?.practice)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aRefusedRecordOfANewTeacherLeavesNothingOfTheFeed(_ engine: StoreEngine) throws {
        let store = try engine.make()
        var district = ConformanceDistrict()
        district.attendance = []
        try district.write(to: store)
        let counts = try store.tableCounts()
        let version = try store.dataVersion()
        #expect(throws: (any Error).self) {
            try store.applyFeed { t in
                var people = RecordBatch()
                people.append(Teacher(id: "N3", schoolId: "S1", name: "新教师", role: .classTeacher, hired: nil, status: .active))
                try t.submit(people)
                var records = RecordBatch()
                let course = district.courses[0]
                records.append(
                    Attendance(
                        teacherId: "N3", courseId: course.id, hours: Hours(tenths: 10), status: .completed, result: .pass,
                        date: course.end))
                records.append(CounselingPractice(teacherId: "N3", date: day(2025, 4, 1), hours: Hours(tenths: 5)))
                // Award numbers are unique in the store: the second award with the same number is refused.
                for level in [Level.A, .B] {
                    records.append(Award(teacherId: "N3", level: level, issued: day(2025, 1, 1), number: "DUP", expires: nil))
                }
                try t.submit(records)
                try t.recordChange()
                return .commit
            }
        }
        #expect(try store.tableCounts() == counts)
        #expect(try store.dataVersion() == version)
        #expect(throws: StoreError.self) { try store.teacher(id: "N3") }
    }
}
