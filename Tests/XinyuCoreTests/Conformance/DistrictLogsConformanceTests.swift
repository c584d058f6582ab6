import Foundation
import Testing
import XinyuCore

/// Issue #18: the import log and the audit trail record the district each line concerns, and a district's lines
/// are read on their own (what a district-scoped role reads), on every engine.
@Suite struct DistrictLogsConformanceTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func entry(_ feed: String, district: String?) -> ImportLogEntry {
        var e = ConformanceDistrict.logEntry(feed: feed, status: .applied)
        e.district = district
        return e
    }

    @Test(arguments: StoreEngine.all)
    func theImportLogOfOneDistrictIsItsFeedsAttemptsOnly(_ engine: StoreEngine) throws {
        let store = try engine.make()
        try store.applyFeed(district: "440601") { t in
            try t.logAttempt(entry("a-1", district: "440601"))
            return .commit
        }
        try store.logImportAttempt(entry("b-1", district: "440602"))
        try store.logImportAttempt(entry("ims-1", district: nil))
        try store.logImportAttempt(entry("a-2", district: "440601"))
        let all = try store.importLog()
        #expect(all.map(\.feedId) == ["a-1", "b-1", "ims-1", "a-2"])
        #expect(all.map(\.district) == ["440601", "440602", nil, "440601"])
        #expect(try store.importLog(district: "440601").map(\.feedId) == ["a-1", "a-2"])
        #expect(try store.importLog(district: "440602").map(\.feedId) == ["b-1"])
        // An attempt of no district is no district's.
        #expect(try store.importLog(district: "440603").isEmpty)
        let id = try #require(all[1].id)
        #expect(try store.importLogEntry(id: id)?.district == "440602")
    }

    @Test(arguments: StoreEngine.all)
    func anAuditLineRecordsTheDistrictItConcerns(_ engine: StoreEngine) throws {
        let store = try engine.make()
        let district = ConformanceDistrict()
        try district.write(to: store)  // 440608: S1, S2, S3 and their teachers
        try store.applyFeed(district: "440602") { t in
            try t.upsertSchool(
                School(id: "B-S1", name: "乙区小学", stage: .primary, counselingRoom: false, district: "440602"), grades: [])
            return .commit
        }
        let teacher = try #require(district.teachers.first { $0.schoolId == "S2" })
        func account(_ name: String, _ role: AccountRole, school: String? = nil, teacher: String? = nil, in d: String? = nil)
            -> StoredAccount
        {
            StoredAccount(
                name: name, role: role, school: school, teacher: teacher, passwordHash: nil, disabled: false,
                created: now, district: d)
        }
        func line(_ target: String, by actor: String, district: String? = nil, school: String? = nil) -> AuditEntry {
            AuditEntry(
                at: now, actor: actor, address: nil, action: "test", target: target, district: district, school: school)
        }
        let adds = [
            account("da", .districtAdmin), account("da-b", .districtAdmin, in: "440602"),
            account("sa-b", .schoolAdmin, school: "B-S1"), account("t-2", .teacher, teacher: teacher.id),
        ]
        for a in adds { try store.addAccount(a, audit: line("add \(a.name)", by: "cli:test")) }
        try store.appendAudit([
            line("explicit", by: "da", district: "440602"),
            line("a school's", by: "da", school: "S1"),
            line("the school first", by: "da-b", school: "S1"),
            line("a scoped actor's", by: "da-b"),
            line("a school-admin's", by: "sa-b"),
            line("a teacher's", by: "t-2"),
            line("whole store", by: "da"),
            line("no account", by: "cli:test"),
        ])
        let lines = try store.auditEntries(since: nil, actor: nil, actions: ["test"], target: nil)
        let byTarget = Dictionary(uniqueKeysWithValues: lines.map { ($0.target, $0.district) })
        #expect(byTarget["explicit"] == "440602")
        #expect(byTarget["a school's"] == "440608")
        #expect(byTarget["the school first"] == "440608")
        #expect(byTarget["a scoped actor's"] == "440602")
        #expect(byTarget["a school-admin's"] == "440602")
        #expect(byTarget["a teacher's"] == "440608")
        #expect(byTarget["whole store"] == .some(nil))
        #expect(byTarget["no account"] == .some(nil))
        #expect(byTarget["add da"] == .some(nil))
        #expect(lines.allSatisfy { $0.school == nil })
        // A district's lines, in order, and the other filters still apply.
        #expect(
            try store.auditEntries(district: "440602", since: nil, actor: nil, actions: nil, target: nil).map(\.target)
                == ["explicit", "a scoped actor's", "a school-admin's"])
        #expect(
            try store.auditEntries(district: "440608", since: nil, actor: "da", actions: ["test"], target: nil)
                .map(\.target) == ["a school's"])
        #expect(try store.auditEntries(district: "440603", since: nil, actor: nil, actions: nil, target: nil).isEmpty)
    }
}
