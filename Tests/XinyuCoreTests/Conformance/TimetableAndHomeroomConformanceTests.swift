import Foundation
import Testing
import XinyuCore

/// Issue #17's part of ``SchedulingStore`` and ``FeedStore``: a build's plans and time, the schools' timetables,
/// and class teachers' homerooms from a feed batch, on every engine.
@Suite struct TimetableAndHomeroomConformanceTests {
    let district = ConformanceDistrict()
    static let at = Date(timeIntervalSince1970: 1_780_000_000)

    func seeded(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try district.write(to: store)
        return store
    }

    func plan(_ term: Term, _ classId: String, teacher: String?, outcome: PlanOutcome) -> SchedulePlan {
        SchedulePlan(
            term: term.description, schoolId: "S1", classId: classId, grade: 1, kind: .lesson,
            outcome: outcome, everyWeeks: outcome == .unplaced ? nil : 2, rulesEveryWeeks: 2,
            periods: outcome == .unplaced ? 0 : 9, teacherId: teacher, cause: outcome == .unplaced ? "noTeacher" : nil,
            reason: "理由 \(classId)")
    }

    @Test(arguments: StoreEngine.all)
    func aBuildKeepsItsPlansAndTimeEvenWithNothingPlaced(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let fall = Term(startYear: 2025, half: .fall)
        let teacher = district.teachers.first { $0.schoolId == "S1" }!.id
        let plans = [
            plan(fall, "S1-1-2", teacher: nil, outcome: .unplaced),
            plan(fall, "S1-1-1", teacher: teacher, outcome: .full),
        ]
        try store.replaceSchedule(term: fall, schools: ["S1", "S2"], sessions: [], plans: plans, builtAt: Self.at)
        let stored = try #require(try store.storedSchedule(school: "S1", term: nil))
        #expect(stored.term == fall && stored.sessions.isEmpty && stored.builtAt == Self.at)
        #expect(stored.plans == plans.sorted { $0.classId < $1.classId })
        #expect(try store.storedSchedule(school: "S2", term: fall)?.builtAt == Self.at)
        try store.replaceSchedule(term: fall, schools: ["S1"], sessions: [], plans: [], builtAt: Self.at + 60)
        let rebuilt = try #require(try store.storedSchedule(school: "S1", term: fall))
        #expect(rebuilt.plans.isEmpty && rebuilt.builtAt == Self.at + 60)
        #expect(try store.consistencyProblems().isEmpty)
    }

    @Test(arguments: StoreEngine.all)
    func aTimetableIsReplacedWholeAndReadSorted(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        #expect(try store.timetable(school: "S1") == nil)
        let teacher = district.teachers.first { $0.schoolId == "S1" }!
        let source = TimetableSource(schoolId: "ignored", file: "课表.csv", format: "csv", importedAt: Self.at, rows: 3)
        let slots = [
            TimetableSlot(
                schoolId: "S1", weekday: 2, period: 1, teacherId: teacher.id, classId: "S1-1-1", subject: "心理",
                psychology: true, row: 3),
            TimetableSlot(
                schoolId: "S1", weekday: 1, period: 2, teacherId: nil, classId: "S1-1-2", subject: "语文",
                psychology: false, row: 2),
            TimetableSlot(
                schoolId: "S1", weekday: 1, period: 2, teacherId: teacher.id, classId: nil, subject: "班会",
                psychology: false, row: 1),
        ]
        let version = try store.dataVersion()
        try store.replaceTimetable(school: "S1", source: source, slots: slots)
        #expect(try store.dataVersion() != version)
        let stored = try #require(try store.timetable(school: "S1"))
        #expect(
            stored.source
                == TimetableSource(
                    schoolId: "S1", file: "课表.csv", format: "csv", importedAt: Self.at,
                    rows: 3))
        #expect(stored.slots.map(\.row) == [1, 2, 3] && stored.slots.allSatisfy { $0.id != nil && $0.schoolId == "S1" })
        #expect(
            stored.slots.map {
                var s = $0
                s.id = nil
                return s
            } == [slots[2], slots[1], slots[0]])
        #expect(stored.teacherNames[teacher.id] == teacher.name)
        #expect(try store.scheduleInputs(school: "S1").timetable.count == 3)
        try store.replaceTimetable(school: "S1", source: source, slots: [slots[0]])
        #expect(try store.timetable(school: "S1")?.slots.count == 1)
        #expect(try store.timetable(school: "S2") == nil)
        #expect(throws: StoreError.self) { try store.timetable(school: "NOPE") }
        #expect(throws: StoreError.self) { try store.replaceTimetable(school: "NOPE", source: source, slots: []) }
        #expect(try store.consistencyProblems().isEmpty)
    }

    @Test(arguments: StoreEngine.all)
    func homeroomsComeFromFeedBatchesAndAreCleared(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let s1 = district.teachers.filter { $0.schoolId == "S1" }
        let s2 = district.teachers.first { $0.schoolId == "S2" }!
        let rooms = [
            Homeroom(teacherId: s1[0].id, grade: 1, classNumber: 2),
            Homeroom(teacherId: s2.id, grade: 1, classNumber: 1),
        ]
        try store.applyFeed { t in
            #expect(try t.classCount(school: "S1", grade: 1) != nil)
            #expect(try t.classCount(school: "S1", grade: 12) == nil)
            var batch = RecordBatch()
            for room in rooms { batch.append(room) }
            batch.append(Homeroom(teacherId: s1[0].id, grade: 1, classNumber: 3))  // the last one of a key wins
            try t.submit(batch)
            try t.recordChange()
            try t.logAttempt(ConformanceDistrict.logEntry(feed: "homerooms-1", status: .applied))
            return .commit
        }
        let expected = [Homeroom(teacherId: s1[0].id, grade: 1, classNumber: 3), rooms[1]]
        #expect(Set(try store.scheduleInputs(school: nil).homerooms) == Set(expected))
        #expect(try store.scheduleInputs(school: "S2").homerooms == [rooms[1]])
        try store.applyFeed { t in
            try t.clearHomeroom(teacher: s1[0].id)
            try t.recordChange()
            try t.logAttempt(ConformanceDistrict.logEntry(feed: "homerooms-2", status: .applied))
            return .commit
        }
        #expect(try store.scheduleInputs(school: nil).homerooms == [rooms[1]])
        #expect(try store.consistencyProblems().isEmpty)
    }
}
