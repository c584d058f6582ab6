import Foundation
import Testing
import XinyuCore

/// A certification reading cut into parts (teacher-id ranges read at once, issue #18) holds exactly what one part
/// holds, on every engine: each teacher once, in one part, with all their awards, records and practice. A district
/// is cut on every engine; the whole store where the engine cuts it (``StoreEngine/cutsTheWholeStore``).
@Suite struct PartedReadConformanceTests {
    /// Two districts of 1,650 teachers over four schools, so that three parts of at least 500 teachers cut through
    /// schools; the second district's ids sort between the first's.
    static func store(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        for (code, prefix) in [("440608", "A"), ("440601", "M")] {
            try store.applyFeed { t in
                for s in 1...2 {
                    try t.upsertSchool(
                        School(id: "\(prefix)S\(s)", name: "学校\(s)", stage: .junior, counselingRoom: true, district: code),
                        grades: [])
                }
                var batch = RecordBatch()
                let tracks: [Track] = [.C, .B, .A, .cpd, .none]
                for (i, track) in tracks.enumerated() {
                    batch.append(
                        Course(
                            id: "\(prefix)K\(i)", title: "课程", provider: nil, tier: 40, mode: 2, hours: Hours(tenths: 400),
                            start: day(2020 + i, 3, 1), end: day(2020 + i, 3, 2), track: track, category: .professional,
                            capacity: nil))
                }
                for n in 1...1_650 {
                    let id = String(format: "\(prefix)T%05d", n)
                    batch.append(
                        Teacher(
                            id: id, schoolId: "\(prefix)S\(n % 2 + 1)", name: "教师", role: .classTeacher, hired: nil,
                            status: n % 13 == 0 ? .inactive : .active))
                    for i in tracks.indices where (n + i) % 3 != 0 {
                        batch.append(
                            Attendance(
                                teacherId: id, courseId: "\(prefix)K\(i)", hours: Hours(tenths: 10 + n % 200),
                                status: .completed, result: (n + i) % 4 == 0 ? .pass : .none, date: day(2020 + i, 3, 2)))
                    }
                    if n % 4 == 0 {
                        batch.append(Award(teacherId: id, level: .C, issued: day(2021, 6, 1), number: nil, expires: nil))
                    }
                    if n % 6 == 0 {
                        batch.append(
                            CounselingPractice(teacherId: id, date: day(2024, 5, 1), hours: Hours(tenths: n % 70)))
                    }
                }
                try t.submit(batch)
                try t.recordChange()
                try t.logAttempt(ConformanceDistrict.logEntry(feed: "parts-\(code)", status: .applied))
                return .commit
            }
        }
        return store
    }

    /// The parts' contents merged: teachers by school, then id (each part sorts its own so), awards as a set, each
    /// teacher's records as a multiset.
    struct Merged: Equatable {
        var teachers: [Teacher] = []
        var awards: Set<Award> = []
        var attendance: [String: [TrackedAttendance: Int]] = [:]
        var practice = PracticeTotals()
        var schools: [SchoolName]?

        init(_ parts: [CertificationReading]) {
            schools = parts.first?.schools
            for p in parts {
                teachers += p.teachers
                teachers.sort { ($0.schoolId, $0.id) < ($1.schoolId, $1.id) }
                awards.formUnion(p.awards)
                for (id, list) in p.attendance {
                    #expect(attendance[id] == nil, "teacher \(id) in two parts")
                    for r in list { attendance[id, default: [:]][r, default: 0] += 1 }
                }
                practice.counseling.merge(p.practice.counseling) { _, _ in
                    Issue.record("counseling in two parts")
                    return 0
                }
                practice.feedPeriods.merge(p.practice.feedPeriods) { a, _ in a }
                practice.scheduledPeriods.merge(p.practice.scheduledPeriods) { a, _ in a }
            }
        }
    }

    @Test(arguments: StoreEngine.all.filter { $0.name != "SQLite in memory" })
    func partsHoldWhatOnePartHolds(_ engine: StoreEngine) throws {
        let store = try Self.store(engine)
        for district in [nil, "440601"] as [String?] {
            for inactive in [false, true] {
                func read(_ parts: Int) throws -> [CertificationReading] {
                    try store.certificationReadings(
                        asOf: day(2026, 1, 1), school: nil, district: district, includeInactive: inactive,
                        counting: RecordState.countedByDefault, parts: parts, withSchools: true
                    ) { $0 }
                }
                let one = try read(1)
                let three = try read(3)
                #expect(one.count == 1)
                let cut = district != nil || engine.cutsTheWholeStore
                #expect(three.count == (cut ? 3 : 1), "\(engine.name) \(district ?? "whole store")")
                #expect(three.dropFirst().allSatisfy { $0.schools == nil })
                let whole = Merged(one)
                let same = Merged(three) == whole  // one line on failure, not both readings
                #expect(same, "\(engine.name) \(district ?? "whole store"): parts differ from one part")
                #expect(whole.teachers.count == (district == nil ? 2 : 1) * (inactive ? 1_650 : 1_650 - 1_650 / 13))
                #expect(whole.attendance.values.reduce(0) { $0 + $1.values.reduce(0, +) } > 1_000)
                // Teachers sorted by school, then id, within each part; the parts in id ranges.
                for p in three {
                    #expect(p.teachers == p.teachers.sorted { ($0.schoolId, $0.id) < ($1.schoolId, $1.id) })
                }
            }
        }
    }
}
