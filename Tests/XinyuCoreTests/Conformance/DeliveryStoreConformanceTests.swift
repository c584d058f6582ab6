import Foundation
import Testing
import XinyuCore

/// ``DeliveryStore`` (issue #19): append-only delivery records keyed by school, class, date and period, practice
/// counting only sessions whose newest record says given, delivery tallies, and group-guidance runs.
@Suite struct DeliveryStoreConformanceTests {
    let district = ConformanceDistrict()
    let fall = Term(startYear: 2025, half: .fall)

    /// Four lessons and one group session of S1's first teacher, on 2025-09-08 … 2025-09-12.
    func scheduled(_ store: any XinyuStore) throws -> (teacher: String, sessions: [ScheduledSession]) {
        let teacher = district.teachers.first { $0.schoolId == "S1" }!.id
        let sessions = (0..<5).map { i in
            ScheduledSession(
                term: fall.description, schoolId: "S1", classId: "S1-1-\(i % 2 + 1)", grade: 1,
                date: Day(year: 2025, month: 9, day: 8 + i)!, period: 2, teacherId: teacher, lessonId: "L\(i)",
                kind: i == 4 ? .group : .lesson, room: nil)
        }
        try store.replaceSchedule(term: fall, schools: ["S1"], sessions: sessions, plans: [], builtAt: Date())
        return (teacher, sessions)
    }

    func record(_ key: SessionKey, given: Bool, reason: DeliveryReason? = nil) -> DeliveryRecord {
        DeliveryRecord(
            session: key, given: given, reason: reason, reflection: given ? "学生参与积极" : nil, recordedBy: "t", recordedAt: Date())
    }

    func scheduledPeriods(_ store: any XinyuStore, _ teacher: String, _ asOf: Day) throws -> Int {
        try store.trainingRecord(teacherId: teacher, asOf: asOf).practice.scheduledPeriods[teacher] ?? 0
    }

    @Test(arguments: StoreEngine.all)
    func recordsAreAppendedAndOnlyTheNewestGivenOnesCountAsPractice(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        let (teacher, sessions) = try scheduled(store)
        let keys = sessions.map(SessionKey.init)
        let after = Day("2025-12-31")!
        #expect(try scheduledPeriods(store, teacher, after) == 0)  // scheduled but not recorded: nothing
        #expect(try store.scheduledSession(at: keys[0])?.lessonId == "L0")
        let version = try store.dataVersion()
        let first = try store.recordDelivery(record(keys[0], given: true))
        #expect(try store.dataVersion() != version)
        #expect(first.id != nil && first.teacherId == teacher && first.term == fall.description && first.kind == .lesson)
        #expect(first.lessonId == "L0" && first.supersedes == nil && first.reflection == "学生参与积极")
        _ = try store.recordDelivery(record(keys[1], given: false, reason: .exam))
        _ = try store.recordDelivery(record(keys[2], given: true))
        _ = try store.recordDelivery(record(keys[4], given: true))  // a group session: not a lesson
        #expect(try scheduledPeriods(store, teacher, after) == 2)
        #expect(try scheduledPeriods(store, teacher, Day("2025-09-09")!) == 1)  // the 10th is after the date
        #expect(try scheduledPeriods(store, teacher, Day("2025-09-08")!) == 1)  // given on the date counts
        // A correction supersedes; the earlier record stays.
        let corrected = try store.recordDelivery(record(keys[0], given: false, reason: .illness))
        #expect(corrected.supersedes == first.id)
        #expect(try scheduledPeriods(store, teacher, after) == 1)
        let again = try store.recordDelivery(record(keys[1], given: true))
        #expect(again.supersedes != nil)
        #expect(try scheduledPeriods(store, teacher, after) == 2)
        let history = try store.deliveryRecords(school: "S1", term: nil, teacher: nil)
        #expect(history.count == 6 && history.compactMap(\.id) == history.compactMap(\.id).sorted())
        #expect(history.filter { $0.session == keys[0] }.map(\.given) == [true, false])
        #expect(try store.deliveryRecords(school: "S1", term: fall, teacher: "NOPE").isEmpty)
        // A rebuild renumbers sessions; records stay attached by their key.
        try store.replaceSchedule(term: fall, schools: ["S1"], sessions: sessions, plans: [], builtAt: Date())
        #expect(try scheduledPeriods(store, teacher, after) == 2)
        // Sessions not stored, and a reason that disagrees, are refused unchanged.
        let unchanged = try store.dataVersion()
        let missing = SessionKey(schoolId: "S1", classId: "S1-9-9", date: Day("2025-09-08")!, period: 1)
        #expect(throws: DeliveryStoreError.unknownSession(missing)) { try store.recordDelivery(record(missing, given: true)) }
        #expect(throws: DeliveryStoreError.reasonMismatch(keys[3])) { try store.recordDelivery(record(keys[3], given: false)) }
        #expect(try store.dataVersion() == unchanged)
        #expect(throws: StoreError.self) { try store.deliveryRecords(school: "NOPE", term: nil, teacher: nil) }
    }

    @Test(arguments: StoreEngine.all)
    func talliesCountDueGivenAndNotGivenByClassAndTeacher(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        let (teacher, sessions) = try scheduled(store)
        let keys = sessions.map(SessionKey.init)
        _ = try store.recordDelivery(record(keys[0], given: true))
        _ = try store.recordDelivery(record(keys[1], given: false, reason: .holiday))
        _ = try store.recordDelivery(record(keys[2], given: false, reason: .event))
        _ = try store.recordDelivery(record(keys[2], given: true))  // corrected: given
        let tallies = try store.deliveryTallies(school: "S1", term: fall, asOf: Day("2025-09-11")!)
        #expect(
            tallies == [
                DeliveryTally(classId: "S1-1-1", teacherId: teacher, due: 2, given: 2, notGiven: 0),
                DeliveryTally(classId: "S1-1-2", teacherId: teacher, due: 2, given: 0, notGiven: 1),
            ])
        #expect(try store.deliveryTallies(school: "S1", term: fall, asOf: Day("2025-09-01")!).isEmpty)
    }

    @Test(arguments: StoreEngine.all)
    func groupRunsAreStoredAndListedByDate(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        let s1 = district.teachers.first { $0.schoolId == "S1" }!.id
        let s2 = district.teachers.first { $0.schoolId == "S2" }!.id
        func run(_ day: String, _ teacher: String, school: String = "S1") -> GroupRun {
            GroupRun(
                schoolId: school, date: Day(day)!, facilitatorId: teacher, activityId: "xinyu-salon", participants: 10,
                notes: "围坐分享", recordedBy: "t", recordedAt: Date())
        }
        let version = try store.dataVersion()
        let b = try store.recordGroupRun(run("2025-10-09", s1))
        let a = try store.recordGroupRun(run("2025-10-02", s1))
        #expect(try store.dataVersion() != version && a.id != nil && b.id != nil)
        #expect(try store.groupRuns(school: "S1", from: nil, to: nil).map(\.date.description) == ["2025-10-02", "2025-10-09"])
        #expect(try store.groupRuns(school: nil, from: Day("2025-10-05")!, to: nil).map(\.id) == [b.id])
        #expect(try store.groupRuns(school: "S1", from: nil, to: nil).first?.notes == "围坐分享")
        let unchanged = try store.dataVersion()
        #expect(throws: DeliveryStoreError.facilitatorNotInSchool(teacher: s2, school: "S1")) {
            try store.recordGroupRun(run("2025-10-02", s2))
        }
        #expect(throws: StoreError.self) { try store.recordGroupRun(run("2025-10-02", "NOPE")) }
        #expect(try store.dataVersion() == unchanged)
    }
}
