import Foundation
import Testing
import XinyuCore

/// ``ReportStore``: every read, checked against the values the district was written with.
@Suite struct ReportStoreConformanceTests {
    let district = ConformanceDistrict()

    func seeded(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try district.write(to: store)
        return store
    }

    @Test(arguments: StoreEngine.all)
    func schoolSummariesCountClassesAndActiveTeachers(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let summaries = try store.schoolSummaries()
        #expect(summaries.map(\.id) == district.schools.map(\.id).sorted())
        for s in summaries {
            let school = district.schools.first { $0.id == s.id }!
            #expect(s.name == school.name && s.stage == school.stage && s.counselingRoom == school.counselingRoom)
            #expect(s.classes == district.grades.filter { $0.schoolId == s.id }.reduce(0) { $0 + $1.classes })
            #expect(s.activeTeachers == district.teachers.filter { $0.schoolId == s.id && $0.status == .active }.count)
        }
    }

    @Test(arguments: StoreEngine.all)
    func teacherListsFilterSortAndPage(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        #expect(try store.teachers(school: nil, role: nil, status: nil) == district.teachers.sorted { $0.id < $1.id })
        let s1Active = district.teachers.filter { $0.schoolId == "S1" && $0.status == .active }.sorted { $0.id < $1.id }
        #expect(try store.teachers(school: "S1", role: nil, status: .active) == s1Active)
        let role = district.teachers[0].role
        #expect(
            try store.teachers(school: nil, role: role, status: nil).map(\.id)
                == district.teachers.filter { $0.role == role }.map(\.id).sorted())
        let all = try store.teachers(school: nil, role: nil, status: nil)
        for offset in stride(from: 0, through: all.count + 2, by: 5) {
            let page = try store.teacherPage(school: nil, role: nil, status: nil, limit: 5, offset: offset)
            #expect(page.total == all.count)
            #expect(page.teachers == Array(all.dropFirst(offset).prefix(5)))
        }
        #expect(throws: StoreError.self) { try store.teachers(school: "NOPE", role: nil, status: nil) }
        #expect(throws: StoreError.self) { try store.teacherPage(school: "NOPE", role: nil, status: nil, limit: 1, offset: 0) }
    }

    @Test(arguments: StoreEngine.all)
    func oneTeacherOneSchoolAndTheCounts(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        for t in district.teachers { #expect(try store.teacher(id: t.id) == t) }
        #expect(throws: StoreError.self) { try store.teacher(id: "NOPE") }
        try store.requireSchool("S3")
        #expect(throws: StoreError.self) { try store.requireSchool("NOPE") }
        let health = try store.healthCounts()
        #expect(health.schools == district.schools.count && health.teachers == district.teachers.count)
        let keys: Set = [
            "school", "grade", "teacher", "course", "attendance", "award", "counseling", "lessonPractice", "importLog",
        ]
        #expect(Set(try engine.make().tableCounts().keys) == keys)
    }

    @Test(arguments: StoreEngine.all)
    func aTrainingRecordHoldsWhatCountedUpToTheDay(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let asOf = day(2025, 3, 15)
        for t in district.teachers {
            let record = try store.trainingRecord(teacherId: t.id, asOf: asOf)
            #expect(record.teacher == t)
            let awards = district.awards.filter { $0.teacherId == t.id && $0.issued <= asOf }
            #expect(record.awards == awards.sorted { ($0.issued, $0.level.rank) < ($1.issued, $1.level.rank) })
            let counted = district.attendance.filter { $0.teacherId == t.id && $0.date <= asOf && $0.counts }
            #expect(record.attendance.map(\.tenths).sorted() == counted.map(\.hoursTenths).sorted())
            #expect(record.attendance.filter(\.pass).count == counted.filter { $0.result == .pass }.count)
            let counseling = district.counseling.filter { $0.teacherId == t.id && $0.date <= asOf }.map(\.hoursTenths)
            #expect(record.practice.counseling[t.id] == (counseling.isEmpty ? nil : counseling.reduce(0, +)))
        }
        #expect(throws: StoreError.self) { try store.trainingRecord(teacherId: "NOPE", asOf: asOf) }
    }

    @Test(arguments: StoreEngine.all)
    func certificationReadingsInPartsReadWhatOnePartReads(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let asOf = day(2026, 1, 1)
        let whole = try store.certificationReadings(
            asOf: asOf, school: nil, includeInactive: true, parts: 1,
            withSchools: true
        ) { $0 }
        #expect(whole.count == 1)
        let one = try #require(whole.first)
        #expect(Set(one.teachers) == Set(district.teachers))
        #expect(one.schools?.map(\.id) == district.schools.map(\.id).sorted())
        #expect(Set(one.awards) == Set(district.awards.filter { $0.issued <= asOf }))
        let tracked = district.attendance.filter { a in
            a.date <= asOf && a.counts && district.courses.first { $0.id == a.courseId }!.track != .none
        }
        #expect(one.attendance.values.reduce(0) { $0 + $1.count } == tracked.count)
        let parts = try store.certificationReadings(
            asOf: asOf, school: nil, includeInactive: true, parts: 3,
            withSchools: true
        ) { $0 }
        #expect(parts.flatMap(\.teachers).map(\.id).sorted() == one.teachers.map(\.id).sorted())
        #expect(parts.first?.schools?.map(\.id) == one.schools?.map(\.id))
        #expect(parts.dropFirst().allSatisfy { $0.schools == nil })
        let active = try store.certificationReadings(
            asOf: asOf, school: "S2", includeInactive: false, parts: 3,
            withSchools: false
        ) { $0 }
        #expect(
            active.flatMap(\.teachers).map(\.id).sorted()
                == district.teachers.filter { $0.schoolId == "S2" && $0.status == .active }.map(\.id).sorted())
        #expect(throws: StoreError.self) {
            try store.certificationReadings(asOf: asOf, school: "NOPE", includeInactive: true, parts: 1, withSchools: true) { $0 }
        }
    }

    @Test(arguments: StoreEngine.all)
    func aQuotaYearReadsItsSchoolsActiveTeachersAndDatedAttendance(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let year = SchoolYear(startYear: 2024)
        let reading = try store.quotaYear(from: year.first, through: year.last, school: "S1")
        #expect(reading.schools.map(\.id) == ["S1"])
        let active = district.teachers.filter { $0.schoolId == "S1" && $0.status == .active }
        #expect(reading.teachers == active.sorted { $0.id < $1.id })
        let ids = Set(active.map(\.id))
        #expect(
            reading.attendance.count == district.attendance.filter { ids.contains($0.teacherId) && year.contains($0.date) }.count)
        #expect(throws: StoreError.self) { try store.quotaYear(from: year.first, through: year.last, school: "NOPE") }
    }
}
