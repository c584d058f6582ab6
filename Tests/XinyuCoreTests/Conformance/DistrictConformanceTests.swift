import Foundation
import Testing
import XinyuCore

/// Many districts in one store (issue #18): which district a school belongs to, and feeds of different districts
/// that run at once where the engine can, while the duplicate check, a same-district feed and reads keep their
/// guarantees.
@Suite struct DistrictConformanceTests {
    static func school(_ id: String, _ district: String) -> School {
        School(id: id, name: "学校\(id)", stage: .primary, counselingRoom: false, district: district)
    }

    @Test(arguments: StoreEngine.all)
    func aSchoolBelongsToItsDistrict(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try store.applyFeed(district: "440601") { t in
            #expect(try t.schoolDistrict("A-S1") == nil)
            try t.upsertSchool(Self.school("A-S1", "440601"), grades: [])
            #expect(try t.schoolDistrict("A-S1") == "440601")
            return .commit
        }
        try store.applyFeed(district: "440602") { t in
            try t.upsertSchool(Self.school("B-S1", "440602"), grades: [])
            #expect(try t.schoolDistrict("A-S1") == "440601")
            #expect(try t.schoolDistrict("B-S1") == "440602")
            #expect(try t.schoolDistrict("nobody") == nil)
            return .commit
        }
        #expect(try store.schoolDistricts() == ["A-S1": "440601", "B-S1": "440602"])
    }

    /// Runs `body` on another thread; the returned semaphore is signalled when it ended.
    static func background(_ body: @escaping @Sendable () throws -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? body()
            done.signal()
        }
        return done
    }

    @Test(arguments: StoreEngine.all.filter(\.runsDistrictFeedsAtOnce))
    func feedsOfTwoDistrictsRunAtOnceAndReadsNeverWait(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        // District A's feed writes a school and then holds its transaction open.
        let a = Self.background {
            try store.applyFeed(district: "440601") { t in
                try t.upsertSchool(Self.school("A-S1", "440601"), grades: [])
                try t.recordChange()
                inside.signal()
                release.wait()
                return .commit
            }
        }
        #expect(inside.wait(timeout: .now() + 30) == .success)
        // District B's whole feed commits while A's is still open, and moves the data version.
        let version = try store.dataVersion()
        let b = Self.background {
            try store.applyFeed(district: "440602") { t in
                try t.upsertSchool(Self.school("B-S1", "440602"), grades: [])
                try t.recordChange()
                return .commit
            }
        }
        #expect(b.wait(timeout: .now() + 30) == .success, "district B's feed waited for district A's")
        let afterB = try store.dataVersion()
        #expect(afterB != version)
        // A second feed of district A waits for the first.
        let a2 = Self.background {
            try store.applyFeed(district: "440601") { t in
                try t.upsertSchool(Self.school("A-S2", "440601"), grades: [])
                return .commit
            }
        }
        #expect(a2.wait(timeout: .now() + 0.5) == .timedOut, "a feed of the same district did not wait")
        // Reads do not wait, and see only what committed.
        let started = Date()
        #expect(try store.schoolSummaries().map(\.id) == ["B-S1"])
        #expect(Date().timeIntervalSince(started) < 5)
        release.signal()
        #expect(a.wait(timeout: .now() + 30) == .success)
        #expect(a2.wait(timeout: .now() + 30) == .success)
        #expect(try store.schoolSummaries().map(\.id) == ["A-S1", "A-S2", "B-S1"])
        #expect(try store.dataVersion() != afterB)
    }

    @Test(arguments: StoreEngine.all.filter(\.runsDistrictFeedsAtOnce))
    func oneFeedIdInTwoDistrictsIsAppliedOnce(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let a = Self.background {
            try store.applyFeed(district: "440601") { t in
                #expect(try !t.isImported(feed: "same-id"))
                try t.logAttempt(ConformanceDistrict.logEntry(feed: "same-id", status: .applied))
                inside.signal()
                release.wait()
                return .commit
            }
        }
        #expect(inside.wait(timeout: .now() + 30) == .success)
        let duplicate = Locked<Bool?>(nil)
        let b = Self.background {
            try store.applyFeed(district: "440602") { t in
                let found = try t.isImported(feed: "same-id")
                duplicate.set(found)
                return .rollback
            }
        }
        #expect(b.wait(timeout: .now() + 0.5) == .timedOut, "the duplicate check did not wait for the open feed")
        release.signal()
        #expect(a.wait(timeout: .now() + 30) == .success)
        #expect(b.wait(timeout: .now() + 30) == .success)
        #expect(duplicate.get() == true)
    }

    @Test(arguments: StoreEngine.all.filter(\.runsDistrictFeedsAtOnce))
    func aNewSchoolCreatedByTwoDistrictsAtOnceBelongsToTheFirst(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let inside = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let a = Self.background {
            try store.applyFeed(district: "440601") { t in
                #expect(try t.schoolDistrict("X1") == nil)
                try t.upsertSchool(Self.school("X1", "440601"), grades: [])
                inside.signal()
                release.wait()
                return .commit
            }
        }
        #expect(inside.wait(timeout: .now() + 30) == .success)
        let owner = Locked<String?>(nil)
        let b = Self.background {
            try store.applyFeed(district: "440602") { t in
                let found = try t.schoolDistrict("X1")
                owner.set(found)
                return .rollback
            }
        }
        #expect(b.wait(timeout: .now() + 0.5) == .timedOut)
        release.signal()
        #expect(a.wait(timeout: .now() + 30) == .success)
        #expect(b.wait(timeout: .now() + 30) == .success)
        #expect(owner.get() == "440601")
    }
}
