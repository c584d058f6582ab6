import Foundation
import Testing
import XinyuCore

/// District reads in the store's queries (issue #18): a read given a district returns only that district's rows,
/// and exactly what a store holding only that district returns, on every engine.
@Suite struct DistrictReadConformanceTests {
    /// The conformance district (440608) and a second one, 440601, whose every id starts with `B-`.
    let first = ConformanceDistrict()
    let second = Self.prefixed(ConformanceDistrict(), "B-", district: "440601")
    let asOf = day(2026, 1, 1)

    static func prefixed(_ d: ConformanceDistrict, _ p: String, district: String) -> ConformanceDistrict {
        var d = d
        d.schools = d.schools.map {
            var s = $0
            s.id = p + s.id
            s.district = district
            return s
        }
        d.grades = d.grades.map { Grade(schoolId: p + $0.schoolId, level: $0.level, classes: $0.classes) }
        d.teachers = d.teachers.map {
            var t = $0
            t.id = p + t.id
            t.schoolId = p + t.schoolId
            return t
        }
        d.courses = d.courses.map {
            var c = $0
            c.id = p + c.id
            return c
        }
        d.attendance = d.attendance.map {
            var a = $0
            a.teacherId = p + a.teacherId
            a.courseId = p + a.courseId
            return a
        }
        d.awards = d.awards.map {
            var a = $0
            a.teacherId = p + a.teacherId
            a.number = a.number.map { p + $0 }
            return a
        }
        d.counseling = d.counseling.map {
            var c = $0
            c.teacherId = p + c.teacherId
            return c
        }
        d.lessons = d.lessons.map {
            var l = $0
            l.teacherId = p + l.teacherId
            return l
        }
        return d
    }

    func both(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try first.write(to: store, feed: "conformance-1")
        try second.write(to: store, feed: "conformance-2")
        return store
    }

    func reading(_ store: any XinyuStore, district: String?) throws -> CertificationReading {
        let parts = try store.certificationReadings(
            asOf: asOf, school: nil, district: district, includeInactive: true, counting: RecordState.countedByDefault,
            parts: 4, withSchools: true
        ) { $0 }
        #expect(parts.count == 1)
        return try #require(parts.first)
    }

    @Test(arguments: StoreEngine.all)
    func aDistrictReadReturnsOnlyThatDistrictsRows(_ engine: StoreEngine) throws {
        let store = try both(engine)
        for (code, d) in [("440608", first), ("440601", second)] {
            let ids = Set(d.teachers.map(\.id))
            let sorted = d.teachers.sorted { $0.id < $1.id }
            #expect(try store.schoolSummaries(district: code).map(\.id) == d.schools.map(\.id).sorted())
            #expect(try store.teachers(school: nil, district: code, role: nil, status: nil) == sorted)
            #expect(
                try store.teachers(school: nil, district: code, role: nil, status: .active)
                    == sorted.filter { $0.status == .active })
            let page = try store.teacherPage(school: nil, district: code, role: nil, status: nil, limit: 5, offset: 5)
            #expect(page.total == sorted.count && page.teachers == Array(sorted.dropFirst(5).prefix(5)))
            let r = try reading(store, district: code)
            #expect(Set(r.teachers) == Set(d.teachers))
            #expect(r.schools?.map(\.id) == d.schools.map(\.id).sorted())
            #expect(Set(r.awards) == Set(d.awards.filter { $0.issued <= asOf }))
            #expect(!r.attendance.isEmpty && Set(r.attendance.keys).isSubset(of: ids))
            for totals in [r.practice.counseling, r.practice.feedPeriods, r.practice.scheduledPeriods] {
                #expect(Set(totals.keys).isSubset(of: ids))
            }
            let active = try store.certificationReadings(
                asOf: asOf, school: nil, district: code, includeInactive: false, counting: [], parts: 1,
                withSchools: false
            ) { $0.teachers }
            #expect(Set(active.flatMap { $0 }) == Set(d.teachers.filter { $0.status == .active }))
            let quota = try store.quotaYear(
                from: day(2020, 1, 1), through: day(2030, 1, 1), school: nil, district: code, counting: [])
            #expect(quota.schools.map(\.id) == d.schools.map(\.id).sorted())
            #expect(quota.teachers == sorted.filter { $0.status == .active })
            #expect(!quota.attendance.isEmpty && quota.attendance.allSatisfy { ids.contains($0.teacherId) })
        }
        // A code no school belongs to reads nothing.
        #expect(try store.teachers(school: nil, district: "999999", role: nil, status: nil).isEmpty)
        #expect(try store.schoolSummaries(district: "999999").isEmpty)
        let none = try reading(store, district: "999999")
        #expect(none.teachers.isEmpty && none.schools == [] && none.awards.isEmpty && none.attendance.isEmpty)
        let quota = try store.quotaYear(
            from: day(2020, 1, 1), through: day(2030, 1, 1), school: nil, district: "999999", counting: [])
        #expect(quota.schools.isEmpty && quota.teachers.isEmpty && quota.attendance.isEmpty)
    }

    @Test(arguments: StoreEngine.all)
    func aDistrictReadEqualsTheReadOfAStoreHoldingOnlyThatDistrict(_ engine: StoreEngine) throws {
        let store = try both(engine)
        let alone = try engine.make()
        try second.write(to: alone, feed: "conformance-2")
        let scoped = try reading(store, district: "440601")
        let whole = try reading(alone, district: nil)
        #expect(scoped.teachers == whole.teachers)
        #expect(scoped.schools == whole.schools)
        #expect(Set(scoped.awards) == Set(whole.awards))
        #expect(scoped.attendance.mapValues(Set.init) == whole.attendance.mapValues(Set.init))
        #expect(scoped.attendance.mapValues(\.count) == whole.attendance.mapValues(\.count))
        #expect(scoped.practice == whole.practice)
        let (from, through) = (day(2020, 1, 1), day(2030, 1, 1))
        let q = try store.quotaYear(from: from, through: through, school: nil, district: "440601", counting: [.certified])
        let qAlone = try alone.quotaYear(from: from, through: through, school: nil, counting: [.certified])
        #expect(q.schools == qAlone.schools && q.teachers == qAlone.teachers)
        #expect(Set(q.attendance) == Set(qAlone.attendance))
        #expect(
            try store.teachers(school: nil, district: "440601", role: nil, status: nil)
                == alone.teachers(school: nil, role: nil, status: nil))
        #expect(try store.schoolSummaries(district: "440601") == alone.schoolSummaries())
    }
}
