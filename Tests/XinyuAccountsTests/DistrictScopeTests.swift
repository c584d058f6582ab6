import Foundation
import GRDB
import Testing

@testable import XinyuAccounts
@testable import XinyuCore

/// Issue #18: district roles limited to one district, and the region-viewer who reads them all.
@Suite struct DistrictScopeTests {
    /// S1 and S2 in district 440106, S3 in 440111.
    static func twoDistricts() throws -> AppDatabase {
        let db = try twoSchools()
        try db.writer.write { d in
            try School(id: "S3", name: "第三中学", stage: .junior, counselingRoom: true, district: "440111").insert(d)
            try Teacher(id: "T4", schoolId: "S3", name: "赵敏", role: .classTeacher, hired: nil, status: .active).insert(d)
        }
        return db
    }

    let scoped = Principal(
        name: "da", role: .districtAdmin, district: "440106", districtSchools: ["S1", "S2"], via: .session)
    let scopedViewer = Principal(
        name: "dv", role: .districtViewer, district: "440106", districtSchools: ["S1", "S2"], via: .session)
    let region = Principal(name: "rv", role: .regionViewer, via: .session)

    @Test func aDistrictScopedRoleReadsItsDistrictAndAnotherIsNotFound() {
        let decide = AccessPolicy.decide
        for p in [scoped, scopedViewer] {
            #expect(decide(p, .read(.school("S1"))) == .allow)
            #expect(decide(p, .read(.school("S3"))) == .notFound)
            #expect(decide(p, .read(.teacher(id: "T4", school: "S3"))) == .notFound)
            #expect(decide(p, .read(.certificate(teacher: "T4", school: "S3"))) == .notFound)
            #expect(decide(p, .read(.certificate(teacher: "T1", school: "S1"))) == .allow)
            // Whole-store data is refused; its lists (the import log and the overview included) come cut to its
            // district, and a scoped admin's audit trail is its district's lines (the viewer reads none).
            #expect(decide(p, .read(.district)) == .forbidden)
            #expect(decide(p, .read(.auditTrail)) == (p.role == .districtAdmin ? .allow : .forbidden))
            #expect(AccessPolicy.readScope(p) == .schools(district: "440106", ids: ["S1", "S2"]))
            #expect(AccessPolicy.readScope(p)?.includes(school: "S3") == false)
            #expect(AccessPolicy.readScope(p)?.includes(school: "S2") == true)
        }
    }

    @Test func aDistrictScopedAdminWritesOnlyInsideItsDistrict() {
        let decide = AccessPolicy.decide
        #expect(decide(scoped, .writeTrainingRecords(school: "S1")) == .allow)
        #expect(decide(scoped, .writeTrainingRecords(school: "S3")) == .forbidden)
        #expect(decide(scoped, .recordDelivery(teacher: "T1", school: "S1")) == .allow)
        #expect(decide(scoped, .recordDelivery(teacher: "T4", school: "S3")) == .forbidden)
        #expect(decide(scoped, .buildSchedule(school: "S2")) == .allow)
        #expect(decide(scoped, .buildSchedule(school: "S3")) == .forbidden)
        #expect(decide(scoped, .buildSchedule(school: nil)) == .forbidden)
        for op in [AccessPolicy.Operation.manageUsers, .revokeCertificate] {
            #expect(decide(scoped, op) == .forbidden)
        }
        #expect(decide(scopedViewer, .writeTrainingRecords(school: "S1")) == .forbidden)
    }

    @Test func aDistrictScopedAdminImportsOnlyItsOwnDistrictsFeeds() {
        let decide = AccessPolicy.decide
        // It may send a feed; the feed's district decides once its root is read.
        #expect(decide(scoped, .importFeed) == .allow)
        #expect(decide(scoped, .importDistrictFeed(district: "440106")) == .allow)
        #expect(decide(scoped, .importDistrictFeed(district: "440111")) == .forbidden)
        #expect(decide(scoped, .importDistrictFeed(district: nil)) == .forbidden)
        // An unscoped district-admin and a feed import any district's; viewers none.
        let unscoped = Principal(name: "a", role: .districtAdmin, via: .session)
        let feed = Principal(name: "f", role: .feed, via: .token(id: "x"))
        for p in [unscoped, feed] {
            for d in ["440106", "440111", nil] { #expect(decide(p, .importDistrictFeed(district: d)) == .allow) }
        }
        for p in [scopedViewer, region] {
            #expect(decide(p, .importFeed) == .forbidden)
            #expect(decide(p, .importDistrictFeed(district: "440106")) == .forbidden)
        }
    }

    @Test func anAccountsDistrictIsChangedAndAudited() throws {
        let db = try Self.twoDistricts()
        let a = accounts(db)
        try a.addUser(name: "d", role: .districtAdmin, school: nil, teacher: nil, district: "440106", by: admin)
        try a.addUser(name: "s", role: .schoolAdmin, school: "S1", teacher: nil, by: admin)
        let issued = try a.issueToken(for: "d", lifetime: 3600, label: nil, by: admin)
        #expect(try a.setDistrict(name: "d", district: "440111", by: admin).district == "440111")
        // Its token reaches the new district's schools.
        let principal = try #require(try a.credential(forTokenHash: Secrets.sha256(issued.secret))?.credential.principal)
        #expect(principal.district == "440111" && principal.districtSchools == ["S3"])
        #expect(try a.setDistrict(name: "d", district: nil, by: admin).district == nil)
        let whole = try #require(try a.credential(forTokenHash: Secrets.sha256(issued.secret))?.credential.principal)
        #expect(whole.district == nil && whole.districtSchools == nil)
        #expect(throws: AccountError.unknownDistrict("999999")) { try a.setDistrict(name: "d", district: "999999", by: admin) }
        #expect(throws: AccountError.takesNoDistrict(.schoolAdmin)) {
            try a.setDistrict(name: "s", district: "440106", by: admin)
        }
        #expect(throws: AccountStoreError.self) { try a.setDistrict(name: "nobody", district: "440106", by: admin) }
        // Setting the district it has changes nothing and is not audited again.
        try a.setDistrict(name: "d", district: nil, by: admin)
        let audit = try db.auditEntries(since: nil, actor: nil, actions: ["user.district"], target: "d")
        #expect(audit.count == 2)
        #expect(audit.first?.before?.contains(#""district":"440106""#) == true)
        #expect(audit.first?.after?.contains(#""district":"440111""#) == true)
        #expect(audit.last?.after?.contains(#""district":null"#) == true)
        #expect(try a.require("d").passwordHash == nil && a.require("d").role == .districtAdmin)
    }

    @Test func theRegionViewerReadsEveryDistrictAndWritesNothing() {
        let decide = AccessPolicy.decide
        #expect(decide(region, .read(.district)) == .allow)
        #expect(decide(region, .read(.school("S3"))) == .allow)
        #expect(decide(region, .read(.teacher(id: "T1", school: "S1"))) == .allow)
        #expect(decide(region, .read(.certificate(teacher: "T4", school: "S3"))) == .allow)
        #expect(decide(region, .read(.auditTrail)) == .forbidden)
        #expect(AccessPolicy.readScope(region) == .district)
        let writes: [AccessPolicy.Operation] = [
            .importFeed, .manageUsers, .revokeCertificate, .buildSchedule(school: "S1"), .buildSchedule(school: nil),
            .writeTrainingRecords(school: "S1"), .recordDelivery(teacher: "T1", school: "S1"),
        ]
        for op in writes { #expect(decide(region, op) == .forbidden) }
    }

    @Test func usersAreScopedToAStoredDistrictAndTheirCredentialsCarryItsSchools() throws {
        let db = try Self.twoDistricts()
        let a = accounts(db)
        #expect(throws: AccountError.takesNoDistrict(.schoolAdmin)) {
            try a.addUser(name: "s", role: .schoolAdmin, school: "S1", teacher: nil, district: "440106", by: admin)
        }
        #expect(throws: AccountError.takesNoDistrict(.regionViewer)) {
            try a.addUser(name: "r", role: .regionViewer, school: nil, teacher: nil, district: "440106", by: admin)
        }
        #expect(throws: AccountError.unknownDistrict("999999")) {
            try a.addUser(name: "d", role: .districtAdmin, school: nil, teacher: nil, district: "999999", by: admin)
        }
        let d = try a.addUser(name: "d", role: .districtAdmin, school: nil, teacher: nil, district: "440111", by: admin)
        #expect(d.district == "440111")
        let whole = try a.addUser(name: "w", role: .districtViewer, school: nil, teacher: nil, by: admin)
        #expect(whole.district == nil)
        #expect(try a.users().map(\.district) == ["440111", nil])
        let issued = try a.issueToken(for: "d", lifetime: 3600, label: nil, by: admin)
        let principal = try #require(try a.credential(forTokenHash: Secrets.sha256(issued.secret))?.credential.principal)
        #expect(principal.district == "440111" && principal.districtSchools == ["S3"])
        let audit = try db.auditEntries(since: nil, actor: nil, actions: ["user.add"], target: "d")
        #expect(audit.first?.after?.contains(#""district":"440111""#) == true)
    }
}
