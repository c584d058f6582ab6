import Foundation
import Testing
import XinyuCore

/// ``SchedulingStore`` and ``MaintenanceStore``.
@Suite struct SchedulingAndMaintenanceConformanceTests {
    let district = ConformanceDistrict()

    func sessions(_ term: Term, school: String, count: Int) -> [ScheduledSession] {
        let teacher = district.teachers.first { $0.schoolId == school }!
        return (0..<count).map { i in
            ScheduledSession(
                term: term.description, schoolId: school, classId: "\(school)-1-\(i % 3 + 1)", grade: 1,
                date: term.first.adding(days: 7 * (count - i)), period: i % 6 + 1, teacherId: teacher.id,
                lessonId: "L\(i)", kind: i % 4 == 0 ? .group : .lesson, room: i % 2 == 0 ? "心理室" : nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func aReplacedScheduleIsReadBackSortedAndReplacesTheOldOne(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        let fall = Term(startYear: 2025, half: .fall)
        let spring = Term(startYear: 2025, half: .spring)
        #expect(try store.storedSchedule(school: "S1", term: nil) == nil)
        let version = try store.dataVersion()
        try store.replaceSchedule(
            term: fall, schools: ["S1"], sessions: sessions(fall, school: "S1", count: 9), plans: [], builtAt: Date())
        #expect(try store.dataVersion() != version)
        try store.replaceSchedule(
            term: spring, schools: ["S1"], sessions: sessions(spring, school: "S1", count: 4), plans: [], builtAt: Date())
        let latest = try #require(try store.storedSchedule(school: "S1", term: nil))
        #expect(latest.term == spring && latest.sessions.count == 4)
        let stored = try #require(try store.storedSchedule(school: "S1", term: fall))
        let expected = sessions(fall, school: "S1", count: 9).sorted {
            ($0.date, $0.period, $0.classId) < ($1.date, $1.period, $1.classId)
        }
        #expect(
            stored.sessions.map {
                var s = $0
                s.id = nil
                return s
            } == expected)
        #expect(stored.school.id == "S1" && stored.grades.map(\.level) == [1, 2])
        #expect(stored.teacherNames[expected[0].teacherId] == district.teachers.first { $0.id == expected[0].teacherId }?.name)
        try store.replaceSchedule(
            term: fall, schools: ["S1"], sessions: sessions(fall, school: "S1", count: 2), plans: [], builtAt: Date())
        #expect(try store.storedSchedule(school: "S1", term: fall)?.sessions.count == 2)
        #expect(try store.storedSchedule(school: "S2", term: fall) == nil)  // never built for the term
        #expect(throws: StoreError.self) { try store.storedSchedule(school: "NOPE", term: fall) }
    }

    @Test(arguments: StoreEngine.all)
    func scheduleInputsHoldTheSchoolsGradesAndTeachers(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        let all = try store.scheduleInputs(school: nil)
        #expect(all.schools.map(\.id) == district.schools.map(\.id).sorted())
        #expect(Set(all.grades) == Set(district.grades) && Set(all.teachers) == Set(district.teachers))
        let one = try store.scheduleInputs(school: "S2")
        #expect(one.schools.map(\.id) == ["S2"] && Set(one.teachers) == Set(district.teachers.filter { $0.schoolId == "S2" }))
        #expect(throws: StoreError.self) { try store.scheduleInputs(school: "NOPE") }
    }

    @Test(arguments: StoreEngine.all)
    func aSoundStoreHasNoProblemsAndBacksUpOnce(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try district.write(to: store)
        #expect(try store.consistencyProblems().isEmpty)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-backup-\(UUID().uuidString).sqlite").path
        guard engine.backsUpToFile else {
            #expect(throws: (any Error).self) { try store.backup(to: out) }
            #expect(!FileManager.default.fileExists(atPath: out))
            #expect(try store.withWriteLockNote("conformance") { 42 } == 42)
            return
        }
        try store.backup(to: out)
        let copy = try AppDatabase.open(path: out, readOnly: true)
        #expect(try copy.tableCounts() == store.tableCounts())
        #expect(throws: StoreError.self) { try store.backup(to: out) }
        #expect(try store.withWriteLockNote("conformance") { 42 } == 42)
    }
}
