import Foundation
import Testing
import XinyuCore
import XinyuPostgres

/// ``TrainingStore``: trainings, sign-in sheet transactions, submissions with evidence, moves and their kept
/// transitions, and what the counted reads of ``ReportStore`` take of entered records in each state.
@Suite struct TrainingStoreConformanceTests {
    let district = ConformanceDistrict()
    static let at = Date(timeIntervalSince1970: 1_780_000_000)

    func seeded(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try district.write(to: store)
        return store
    }

    func training(_ title: String, hours: Hours = 6, track: Track = .C, on d: Day = day(2026, 3, 2)) -> Course {
        Course(
            id: "", title: title, provider: "工会", tier: 60, mode: 2, hours: hours, start: d, end: d, track: track,
            category: .public, capacity: nil)
    }

    /// The first active teacher of S1 (holds no record of the trainings added here).
    var teacher: Teacher { district.teachers.first { $0.schoolId == "S1" && $0.status == .active }! }

    @Test(arguments: StoreEngine.all)
    func trainingsAreNumberedPerSchoolAndListed(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let version = try store.dataVersion()
        let a = try store.addTraining(training("一"), school: "S1", by: "cli:t", at: Self.at)
        let b = try store.addTraining(training("二", on: day(2026, 1, 5)), school: "S1", by: "cli:t", at: Self.at)
        let c = try store.addTraining(training("三"), school: "S2", by: "cli:t", at: Self.at)
        #expect([a.id, b.id, c.id] == ["S1-T0001", "S1-T0002", "S2-T0001"])
        #expect(try store.dataVersion() != version)
        #expect(try store.trainings(school: "S1", from: nil, to: nil).map(\.course.id) == ["S1-T0002", "S1-T0001"])
        #expect(try store.trainings(school: nil, from: day(2026, 2, 1), to: nil).map(\.course.id) == ["S1-T0001", "S2-T0001"])
        let one = try store.training(id: a.id)
        #expect(one.course == a && one.schoolId == "S1" && one.source == "school" && one.createdBy == "cli:t")
        #expect(one.records == ["submitted": 0, "approved": 0, "returned": 0, "certified": 0])
        #expect(throws: TrainingStoreError.unknownCourse(id: "NOPE")) { try store.training(id: "NOPE") }
        let feedCourse = district.courses[0].id
        #expect(throws: TrainingStoreError.notASchoolTraining(id: feedCourse)) { try store.training(id: feedCourse) }
        #expect(throws: StoreError.self) { try store.addTraining(training("x"), school: "NOPE", by: "cli:t", at: Self.at) }
    }

    @Test(arguments: StoreEngine.all)
    func sheetRowsAreEnteredOnceAndCountOnlyWhenCertified(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let course = try store.addTraining(training("全员培训"), school: "S1", by: "cli:t", at: Self.at)
        let t = teacher
        let record = Attendance(
            teacherId: t.id, courseId: course.id, hours: 6, status: .completed, result: .pass,
            date: course.end)
        let before = try store.trainingRecord(teacherId: t.id, asOf: day(2030, 1, 1))
        var outcomes: [EntryOutcome] = []
        try store.enterAttendance(course: course.id, by: "cli:t", capacity: "school", at: Self.at) { tx in
            #expect(try tx.teacher(id: t.id) == t && tx.teacher(id: "NOPE") == nil)
            #expect(try tx.teachers(named: t.name, school: "S1", limit: 2) == [t])
            outcomes.append(try tx.enter(record, note: "迟到"))
            outcomes.append(try tx.enter(record, note: "迟到"))
            return .commit
        }
        #expect(outcomes == [.added, .unchanged])
        try store.enterAttendance(course: course.id, by: "cli:t", capacity: "school", at: Self.at) { tx in
            let other = Attendance(
                teacherId: self.district.teachers[1].id, courseId: course.id, hours: 6,
                status: .completed, result: .none, date: course.end)
            _ = try tx.enter(other, note: nil)
            return .rollback
        }
        let entries = try store.recordEntries(RecordFilter(course: course.id))
        #expect(entries.count == 1 && entries[0].state == .submitted && entries[0].note == "迟到" && entries[0].schoolId == "S1")
        let id = entries[0].id
        #expect(try store.trainingRecord(teacherId: t.id, asOf: day(2030, 1, 1)).attendance == before.attendance)
        #expect(try store.trainingRecord(teacherId: t.id, asOf: day(2030, 1, 1)).uncounted.map(\.id) == [id])
        let moved = try store.moveRecords(
            [RecordMove(entry: id, from: .submitted, to: .approved, capacity: "school-admin")],
            by: "cli:a", at: Self.at, reason: nil)
        #expect(moved.count == 1 && moved[0].from == .submitted)
        let approvedCounts = try store.trainingRecord(teacherId: t.id, asOf: day(2030, 1, 1), counting: [.approved, .certified])
        #expect(approvedCounts.attendance.count == before.attendance.count + 1)
        _ = try store.moveRecords(
            [RecordMove(entry: id, from: .approved, to: .certified, capacity: "district-admin")],
            by: "cli:d", at: Self.at, reason: nil)
        let after = try store.trainingRecord(teacherId: t.id, asOf: day(2030, 1, 1))
        #expect(after.attendance.count == before.attendance.count + 1 && after.uncounted.isEmpty)
        let year = SchoolYear(containing: course.end)
        let quota = try store.quotaYear(from: year.first, through: year.last, school: "S1")
        #expect(quota.attendance.contains { $0.courseId == course.id })
        let bulk = try store.certificationReadings(
            asOf: day(2030, 1, 1), school: "S1", includeInactive: true, parts: 1,
            withSchools: false
        ) { $0.attendance[t.id]?.count ?? 0 }
        let bulkBefore = try store.certificationReadings(
            asOf: day(2030, 1, 1), school: "S1", includeInactive: true, counting: [],
            parts: 1, withSchools: false
        ) { $0.attendance[t.id]?.count ?? 0 }
        #expect(bulk == [bulkBefore[0] + 1])
        #expect(throws: TrainingStoreError.stateChanged(id: id, expected: .approved, now: .certified)) {
            try store.moveRecords(
                [RecordMove(entry: id, from: .approved, to: .certified, capacity: "district-admin")],
                by: "cli:d", at: Self.at, reason: nil)
        }
        #expect(try store.recordTransitions(entry: id).map(\.to) == [.submitted, .approved, .certified])
        #expect(try store.consistencyProblems().isEmpty)
    }

    @Test(arguments: StoreEngine.all)
    func aReturnedSubmissionIsCorrectedWithNewEvidence(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let pdf = StoredEvidence(
            sha256: String(repeating: "a", count: 64), mediaType: "application/pdf",
            bytes: Array("%PDF-1.4".utf8))
        let submission = TrainingSubmission(
            teacherId: teacher.id, course: training("省网络研修", hours: 10, track: .cpd),
            result: .pass, note: nil)
        let entry = try store.submitTraining(submission, evidence: pdf, by: "teacher", at: Self.at)
        #expect(entry.state == .submitted && entry.source == .submission && entry.hours == 10 && entry.evidence == pdf.sha256)
        #expect(entry.courseId == "S1-X0001" && entry.schoolId == "S1")
        #expect(try store.evidence(entry: entry.id) == pdf)
        _ = try store.moveRecords(
            [RecordMove(entry: entry.id, from: .submitted, to: .returned, capacity: "school-admin")],
            by: "cli:a", at: Self.at, reason: "证书看不清")
        #expect(try store.recordEntries(RecordFilter(states: [.returned])).map(\.reason) == ["证书看不清"])
        let png = StoredEvidence(
            sha256: String(repeating: "b", count: 64), mediaType: "image/png",
            bytes: [0x89, 0x50, 0x4E, 0x47])
        var corrected = submission
        corrected.course.hoursTenths = 120
        let again = try store.resubmitTraining(entry: entry.id, corrected, evidence: png, by: "teacher", at: Self.at)
        #expect(again.state == .submitted && again.hours == 12 && again.reason == nil && again.evidence == png.sha256)
        #expect(
            try store.recordTransitions(entry: entry.id).map(\.auditAction)
                == ["record.submit", "record.return", "record.resubmit"])
        #expect(try store.evidence(entry: entry.id) == png)
        #expect(throws: TrainingStoreError.unknownRecord(id: 999)) { try store.evidence(entry: 999) }
        #expect(throws: StoreError.self) {
            var other = submission
            other.teacherId = "NOPE"
            _ = try store.submitTraining(other, evidence: pdf, by: "teacher", at: Self.at)
        }
        #expect(try store.trainings(school: "S1", from: nil, to: nil).isEmpty)  // a submission's course is no training
    }
}
