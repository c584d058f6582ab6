import Foundation
import Testing
import XinyuCore

/// ``FeedStore`` and ``FeedTransaction``: what any engine must do with a feed (see their contracts).
@Suite struct FeedStoreConformanceTests {
    @Test(arguments: StoreEngine.all)
    func aCommittedFeedIsSeenAndMovesTheDataVersion(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let before = try store.dataVersion()
        let district = ConformanceDistrict()
        try district.write(to: store)
        #expect(try store.dataVersion() != before)
        let counts = try store.tableCounts()
        #expect(counts["school"] == district.schools.count)
        #expect(counts["grade"] == district.grades.count)
        #expect(counts["teacher"] == district.teachers.count)
        #expect(counts["course"] == district.courses.count)
        #expect(counts["attendance"] == district.attendance.count)
        #expect(counts["award"] == district.awards.count)
        #expect(counts["counseling"] == district.counseling.count)
        #expect(counts["lessonPractice"] == district.lessons.count)
        #expect(counts["importLog"] == 1)
    }

    @Test(arguments: StoreEngine.all)
    func aRolledBackOrFailedFeedLeavesNoTrace(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        let version = try store.dataVersion()
        try store.applyFeed { t in
            try t.upsertSchool(district.schools[0], grades: [])
            var batch = RecordBatch()
            batch.append(district.teachers[0])
            try t.submit(batch)
            try t.recordChange()
            try t.logAttempt(ConformanceDistrict.logEntry(feed: "rolled-back", status: .applied))
            #expect(try t.teacherExists(district.teachers[0].id))
            return .rollback
        }
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.applyFeed { t in
                try t.upsertSchool(district.schools[0], grades: [])
                try t.logAttempt(ConformanceDistrict.logEntry(feed: "failed", status: .applied))
                throw Refused()
            }
        }
        #expect(try store.tableCounts().values.allSatisfy { $0 == 0 })
        #expect(try store.importLog().isEmpty)
        #expect(try store.dataVersion() == version)
        #expect(throws: StoreError.self) { try store.requireSchool(district.schools[0].id) }
    }

    @Test(arguments: StoreEngine.all)
    func lookupsSeeWhatWasSubmittedEarlierInTheFeed(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try store.applyFeed { t in
            #expect(try !t.schoolExists("S1"))
            try t.upsertSchool(district.schools[0], grades: [])
            #expect(try t.schoolExists("S1"))
            var batch = RecordBatch()
            let teacher = district.teachers.first { $0.schoolId == "S1" }!
            batch.append(teacher)
            batch.append(district.courses[0])
            batch.append(Award(teacherId: teacher.id, level: .C, issued: day(2024, 1, 1), number: "N-1", expires: nil))
            try t.submit(batch)
            #expect(try t.teacherExists(teacher.id))
            #expect(try !t.teacherExists("nobody"))
            let limits = try t.courseLimits(district.courses[0].id)
            #expect(limits == CourseLimits(hoursTenths: district.courses[0].hoursTenths, end: district.courses[0].end))
            #expect(try t.courseLimits("nothing") == nil)
            #expect(
                try t.awards(holding: ["N-0", "N-1", "N-2"]) == [
                    StoredAwardNumber(teacherId: teacher.id, level: "C", issued: "2024-01-01", number: "N-1")
                ])
            #expect(try t.awards(holding: ["N-2"]).isEmpty)
            #expect(try t.awards(holding: []).isEmpty)
            return .commit
        }
    }

    @Test(arguments: StoreEngine.all)
    func theLaterRecordOfAKeyWinsInABatchAndAcrossBatches(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict.withoutRecords()
        try district.write(to: store)
        let teacher = district.teachers.first { $0.status == .active }!
        // 70 records (more than one multi-row statement of the SQLite engine), every key twice, the second wins.
        var expected: [String: Int] = [:]
        try store.applyFeed { t in
            var first = RecordBatch()
            var second = RecordBatch()
            for round in 0..<2 {
                for (i, course) in district.courses.enumerated() {
                    for copy in 0..<7 {
                        let tenths = min(course.hoursTenths, 10 * (round + 1) + i + copy)
                        let record = Attendance(
                            teacherId: teacher.id, courseId: course.id, hours: Hours(tenths: tenths),
                            status: .completed, result: .pass, date: course.end)
                        if round == 0 { first.append(record) } else { second.append(record) }
                        expected[course.id] = tenths
                    }
                }
            }
            try t.submit(first)
            try t.submit(second)
            try t.recordChange()
            return .commit
        }
        let record = try store.trainingRecord(teacherId: teacher.id, asOf: day(2030, 1, 1))
        #expect(record.attendance.count == district.courses.count)
        #expect(record.attendance.map(\.tenths).sorted() == expected.values.sorted())
    }

    @Test(arguments: StoreEngine.all)
    func aRecordTheStoreRefusesFailsTheWholeFeed(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try district.write(to: store)
        let (a, b) = (district.teachers[0], district.teachers[1])
        // Award numbers are unique in the store: the second award with the same number is refused.
        #expect(throws: (any Error).self) {
            try store.applyFeed { t in
                var batch = RecordBatch()
                batch.append(Award(teacherId: a.id, level: .A, issued: day(2025, 1, 1), number: "DUP", expires: nil))
                batch.append(Award(teacherId: b.id, level: .A, issued: day(2025, 1, 1), number: "DUP", expires: nil))
                try t.submit(batch)
                try t.recordChange()
                try t.logAttempt(ConformanceDistrict.logEntry(feed: "dup", status: .applied))
                return .commit
            }
        }
        #expect(try store.tableCounts()["award"] == district.awards.count)
        #expect(try store.importLog().map(\.feedId) == ["conformance-1"])
    }

    @Test(arguments: StoreEngine.all)
    func onlyAppliedAndPartialFeedsCountAsImported(_ engine: StoreEngine) throws {
        let store = try engine.make()
        for status in ImportStatus.allCases {
            try store.logImportAttempt(ConformanceDistrict.logEntry(feed: "F-\(status.rawValue)", status: status))
        }
        try store.logImportAttempt(ConformanceDistrict.logEntry(feed: nil, status: .rejected))
        try store.applyFeed { t throws -> FeedTransactionEnd in
            for status in ImportStatus.allCases {
                #expect(try t.isImported(feed: "F-\(status.rawValue)") == ImportStatus.imported.contains(status))
            }
            #expect(try !t.isImported(feed: "never"))
            return .rollback
        }
        let log = try store.importLog()
        #expect(log.map(\.feedId) == ImportStatus.allCases.map { "F-\($0.rawValue)" } + [nil])
        #expect(log.map(\.status) == ImportStatus.allCases + [.rejected])
        #expect(zip(log, log.dropFirst()).allSatisfy { $0.id! < $1.id! })
        let entry = try #require(log.first)
        #expect(try store.importLogEntry(id: entry.id!) == entry)
        #expect(try store.importLogEntry(id: entry.id! + 1_000) == nil)
    }

    @Test(arguments: StoreEngine.all)
    func aRosterTeacherKeepsWhatTheRosterDoesNotKnow(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try district.write(to: store)
        let stored = district.teachers.first { $0.hired != nil && $0.role != .leader && $0.schoolId == "S1" }!
        try store.applyFeed { t in
            var roster = stored
            roster.name = "新名字"
            roster.schoolId = "S2"
            roster.role = .leader
            roster.hired = nil
            roster.status = .inactive
            try t.mergeRosterTeacher(roster, roleGiven: false)
            var named = district.teachers.last!
            named.role = .leader
            try t.mergeRosterTeacher(named, roleGiven: true)
            try t.mergeRosterTeacher(
                Teacher(
                    id: "NEW1", schoolId: "S2", name: "新人", role: .classTeacher,
                    hired: day(2020, 9, 1), status: .active), roleGiven: true)
            try t.recordChange()
            return .commit
        }
        let merged = try store.teacher(id: stored.id)
        #expect(merged.name == "新名字" && merged.status == .inactive)
        #expect(merged.schoolId == stored.schoolId && merged.role == stored.role && merged.hired == stored.hired)
        #expect(try store.teacher(id: district.teachers.last!.id).role == .leader)
        let new = try store.teacher(id: "NEW1")
        #expect(new.schoolId == "S2" && new.hired == nil && new.role == .classTeacher)
    }

    @Test(arguments: StoreEngine.all)
    func deactivationKeepsTheTeacherAndActiveIdsAreSorted(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try district.write(to: store)
        let active = district.teachers.filter { $0.schoolId == "S1" && $0.status == .active }.map(\.id).sorted()
        try store.applyFeed { t in
            #expect(try t.activeTeacherIds(school: "S1") == active)
            #expect(try t.activeTeacherIds(school: "S3").isEmpty)
            try t.deactivateTeacher(id: active[0])
            #expect(try t.activeTeacherIds(school: "S1") == Array(active.dropFirst()))
            try t.recordChange()
            return .commit
        }
        #expect(try store.teacher(id: active[0]).status == .inactive)
        #expect(try store.tableCounts()["teacher"] == district.teachers.count)
    }
}
