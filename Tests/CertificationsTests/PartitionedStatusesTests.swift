import Foundation
import GRDB
import Testing

@testable import Certifications
@testable import XinyuCore

/// A district large enough to be computed in parts on a file store (parallel reads) must give exactly what one
/// pass over the whole district gives.
@Suite struct PartitionedStatusesTests {
    struct Boom: Error {}

    /// 1,300 teachers (or `teachers`) spread over three schools so that id ranges cut across schools; varied
    /// histories.
    static func district(teachers: Int = 1_300) throws -> AppDatabase {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xinyu-parts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try AppDatabase.open(path: dir.appendingPathComponent("x.sqlite").path)
        try db.writer.write { db in
            for s in ["S1", "S2", "S3"] {
                try School(id: s, name: "学校\(s)", stage: .junior, counselingRoom: true, district: "440106").insert(db)
            }
            let tracks: [Track] = [.C, .B, .A, .cpd, .none]
            for (i, t) in tracks.enumerated() {
                for y in 2018...2026 {
                    let d = Day(year: y, month: 3 + i, day: 10)!
                    try Course(
                        id: "K\(t.rawValue)\(y)", title: "课程", provider: nil, tier: 40, mode: 2, hours: Hours(tenths: 400),
                        start: d, end: d, track: t, category: .professional, capacity: nil
                    ).insert(db)
                }
            }
            let roles: [Role] = [.subjectTeacher, .classTeacher, .psychFulltime, .psychParttime, .leader]
            for n in 1...teachers {
                let id = String(format: "T%05d", n)
                try Teacher(
                    id: id, schoolId: ["S1", "S2", "S3"][n * 7 % 3], name: "教师", role: roles[n % 5], hired: nil,
                    status: n % 17 == 0 ? .inactive : .active
                ).insert(db)
                for (i, t) in tracks.enumerated() where (n + i) % 3 != 0 {
                    for y in stride(from: 2018 + n % 4, through: 2026, by: 2) {
                        let d = Day(year: y, month: 3 + i, day: 10)!
                        try Attendance(
                            teacherId: id, courseId: "K\(t.rawValue)\(y)", hours: Hours(tenths: 100 + n % 300),
                            status: n % 11 == 0 ? .partial : .completed, result: (n + y) % 4 == 0 ? .pass : .none,
                            date: d
                        ).insert(db)
                    }
                }
                if n % 3 == 0 {
                    try Award(
                        teacherId: id, level: .C, issued: Day(year: 2019 + n % 5, month: 6, day: 1)!, number: nil, expires: nil
                    ).insert(db)
                }
                if n % 7 == 0 {
                    try Award(
                        teacherId: id, level: .B, issued: Day(year: 2021 + n % 3, month: 2, day: 28)!, number: nil, expires: nil
                    ).insert(db)
                }
                if n % 5 == 0 {
                    try CounselingPractice(
                        teacherId: id, date: Day(year: 2024, month: 5, day: 1)!, hours: Hours(tenths: 10 * (n % 70))
                    ).insert(db)
                }
            }
        }
        return db
    }

    @Test func partsGiveWhatOnePassGives() throws {
        let db = try Self.district()
        let profile = try RuleProfile.load(path: nil)
        #expect(try db.teacherSplitPoints(parts: 2).count == 1)
        for asOf in ["2022-06-30", "2026-06-30"] {
            for inactive in [false, true] {
                let day = Day(asOf)!
                let parallel = try CertificationEngine.statuses(in: db, asOf: day, profile: profile, includeInactive: inactive)
                let whole = try CertificationEngine.statuses(
                    in: db, asOf: day, profile: profile, includeInactive: inactive,
                    parts: 1)
                #expect(parallel.count == (inactive ? 1_300 : 1_300 - 1_300 / 17))
                #expect(parallel == whole)
                #expect(parallel.contains { $0.effectiveLevel != nil } && parallel.contains { $0.effectiveLevel == nil })
                let report = try CoverageReport.compute(in: db, asOf: day, school: nil, profile: profile)
                let schools = [("S1", "学校S1"), ("S2", "学校S2"), ("S3", "学校S3")]
                #expect(
                    report == CoverageReport.build(asOf: day, schools: schools.map { (id: $0.0, name: $0.1) }, statuses: whole))
            }
        }
    }

    /// The number of parts is injected, so the district is cut even on a machine with one core: 3 and 7 parts
    /// (at least 500 teachers each) give exactly what one pass gives.
    @Test func injectedPartCountsGiveWhatOnePassGives() throws {
        let db = try Self.district(teachers: 3_500)
        let profile = try RuleProfile.load(path: nil)
        for asOf in ["2022-06-30", "2026-06-30"] {
            let day = Day(asOf)!
            for inactive in [false, true] {
                let whole = try CertificationEngine.statuses(
                    in: db, asOf: day, profile: profile, includeInactive: inactive,
                    parts: 1)
                #expect(whole.count == (inactive ? 3_500 : 3_500 - 3_500 / 17))
                for parts in [3, 7] {
                    #expect(try db.teacherSplitPoints(parts: parts).count == parts - 1)
                    let split = try CertificationEngine.statuses(
                        in: db, asOf: day, profile: profile, includeInactive: inactive,
                        parts: parts)
                    #expect(split == whole)
                }
            }
        }
    }

    /// Issue #18: a district of a store holding two is cut into parts too (its own teachers' id ranges), and gives
    /// what one pass over it, and the whole store's statuses cut to its schools, give.
    @Test func aDistrictIsComputedInPartsLikeTheWholeStore() throws {
        let db = try Self.district(teachers: 3_500)
        try db.writer.write { try $0.execute(sql: "UPDATE school SET district = '440111' WHERE id = 'S3'") }
        let profile = try RuleProfile.load(path: nil)
        let day = Day("2026-06-30")!
        for inactive in [false, true] {
            let whole = try CertificationEngine.statuses(
                in: db, asOf: day, profile: profile, includeInactive: inactive, parts: 1)
            for (code, schools) in [("440106", ["S1", "S2"]), ("440111", ["S3"])] {
                let expected = whole.filter { schools.contains($0.schoolId) }
                #expect(!expected.isEmpty)
                for parts in [1, 3, 4] {
                    let split = try CertificationEngine.statuses(
                        in: db, asOf: day, profile: profile, district: code, includeInactive: inactive, parts: parts)
                    #expect(split == expected, "district \(code) in \(parts) parts")
                }
            }
        }
        let report = try CoverageReport.compute(in: db, asOf: day, district: "440106", profile: profile)
        #expect(report.schools.map(\.id) == ["S1", "S2"])
        #expect(
            report == (try CoverageReport.compute(in: db, asOf: day, school: nil, profile: profile)).restricted(to: ["S1", "S2"]))
    }

    @Test func theMergeKeepsSchoolThenIdOrder() throws {
        let db = try Self.district()
        let list = try CertificationEngine.statuses(in: db, asOf: Day("2026-06-30")!, profile: RuleProfile.load(path: nil))
        let keys = list.map { [$0.schoolId, $0.teacherId] }
        #expect(keys == keys.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test func concurrentReadsReturnEachPartInOrderAndRethrow() throws {
        for db in [try Self.district(), try AppDatabase.inMemory()] {
            let parts = try db.concurrentReads(parts: 3) { conn, i in
                (i, try Int.fetchOne(conn, sql: "SELECT COUNT(*) FROM teacher") ?? -1)
            }
            #expect(parts.map(\.0) == [0, 1, 2])
            #expect(Set(parts.map(\.1)).count == 1)
            #expect(throws: Boom.self) {
                try db.concurrentReads(parts: 2) { _, i in
                    if i == 1 { throw Boom() }
                    return i
                }
            }
        }
    }
}
