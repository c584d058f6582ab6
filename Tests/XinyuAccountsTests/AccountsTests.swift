import Foundation
import GRDB
import Testing

@testable import XinyuAccounts
@testable import XinyuCore

@Suite struct AccountsTests {
    @Test func usersNeedTheirScopeAndAStoredSchoolOrTeacher() throws {
        let a = accounts(try twoSchools())
        #expect(throws: AccountError.needsSchool(.planner)) {
            try a.addUser(name: "p", role: .planner, school: nil, teacher: nil, by: admin)
        }
        #expect(throws: AccountError.needsTeacher(.teacher)) {
            try a.addUser(name: "t", role: .teacher, school: nil, teacher: nil, by: admin)
        }
        #expect(throws: AccountError.takesNoSchool(.districtViewer)) {
            try a.addUser(name: "v", role: .districtViewer, school: "S1", teacher: nil, by: admin)
        }
        #expect(throws: AccountError.badName("a b")) {
            try a.addUser(name: "a b", role: .feed, school: nil, teacher: nil, by: admin)
        }
        #expect(throws: AccountError.reservedName("bootstrap")) {
            try a.addUser(name: "bootstrap", role: .feed, school: nil, teacher: nil, by: admin)
        }
        #expect(throws: StoreError.self) { try a.addUser(name: "p", role: .planner, school: "S9", teacher: nil, by: admin) }
        #expect(throws: StoreError.self) { try a.addUser(name: "t", role: .teacher, school: nil, teacher: "T9", by: admin) }
        let t = try a.addUser(name: "王芳", role: .teacher, school: nil, teacher: "T1", by: admin)
        #expect(t.school == "S1")  // the teacher's school
        #expect(throws: AccountStoreError.accountExists(name: "王芳")) {
            try a.addUser(name: "王芳", role: .feed, school: nil, teacher: nil, by: admin)
        }
        #expect(try a.users().map(\.name) == ["王芳"])
    }

    @Test func tokensAreStoredHashedAndRefusedWhenRevokedExpiredOrDisabled() throws {
        let db = try twoSchools()
        let clock = TestClock()
        let a = accounts(db, clock: clock)
        try a.addUser(name: "feed1", role: .feed, school: nil, teacher: nil, by: admin)
        let issued = try a.issueToken(for: "feed1", lifetime: 3600, label: "ims", by: admin)
        #expect(issued.secret.hasPrefix("xyt_") && issued.secret.count == 47)
        let stored = try #require(try a.tokens().first)
        #expect(stored.hash == Secrets.sha256(issued.secret) && stored.hash != issued.secret)
        let dump = try db.writer.read { d in try String.fetchAll(d, sql: "SELECT hash || COALESCE(label, '') FROM accessToken") }
        #expect(!dump.joined().contains(issued.secret))
        let ok = try #require(try a.credential(forTokenHash: Secrets.sha256(issued.secret)))
        #expect(ok.credential.principal.role == .feed && ok.tokenId == stored.id)
        #expect(try a.credential(forTokenHash: Secrets.sha256(issued.secret + "x")) == nil)

        clock.advance(3601)
        #expect(try a.credential(forTokenHash: Secrets.sha256(issued.secret)) == nil)  // expired

        let second = try a.issueToken(for: "feed1", lifetime: nil, label: nil, by: admin)
        #expect(try a.credential(forTokenHash: Secrets.sha256(second.secret)) != nil)
        try a.revokeToken(id: second.record.id, by: admin)
        #expect(try a.credential(forTokenHash: Secrets.sha256(second.secret)) == nil)
        #expect(throws: AccountStoreError.unknownToken(id: "tok-none")) { try a.revokeToken(id: "tok-none", by: admin) }

        let third = try a.issueToken(for: "feed1", lifetime: nil, label: nil, by: admin)
        try a.disable(name: "feed1", by: admin)
        #expect(try a.credential(forTokenHash: Secrets.sha256(third.secret)) == nil)
        #expect(throws: AccountError.disabled("feed1")) { try a.issueToken(for: "feed1", lifetime: nil, label: nil, by: admin) }
    }

    @Test func accountChangesMoveTheDataVersionButTokenUseDoesNot() throws {
        let db = try twoSchools()
        let a = accounts(db)
        var v = try db.dataVersion()
        try a.addUser(name: "f", role: .feed, school: nil, teacher: nil, by: admin)
        #expect(try db.dataVersion() != v)
        v = try db.dataVersion()
        let t = try a.issueToken(for: "f", lifetime: nil, label: nil, by: admin)
        #expect(try db.dataVersion() != v)
        v = try db.dataVersion()
        let used = Date(timeIntervalSince1970: 1_800_000_000)
        try a.recordTokenUse([t.record.id: used])
        try a.recordTokenUse([t.record.id: used - 60])  // an older use never goes back
        #expect(try db.dataVersion() == v)
        #expect(try a.tokens().first?.lastUsed == used)
        try a.record("login.failed", target: "f", by: admin)
        #expect(try db.dataVersion() == v)
        try a.revokeToken(id: t.record.id, by: admin)
        #expect(try db.dataVersion() != v)
    }

    @Test func everyChangeIsAuditedWithBeforeAndAfter() throws {
        let a = accounts(try twoSchools())
        try a.addUser(name: "s", role: .schoolAdmin, school: "S2", teacher: nil, by: admin, from: "10.0.0.7")
        try a.setPassword(name: "s", password: "correct horse", by: admin)
        let t = try a.issueToken(for: "s", lifetime: nil, label: "x", by: admin)
        try a.revokeToken(id: t.record.id, by: admin)
        try a.disable(name: "s", by: admin)
        let lines = try a.audit()
        #expect(lines.map(\.action) == ["user.add", "user.passwd", "token.issue", "token.revoke", "user.disable"])
        #expect(lines.allSatisfy { $0.actor == "cli:tester" })
        #expect(lines[0].address == "10.0.0.7" && lines[0].after?.contains("\"school\":\"S2\"") == true)
        #expect(lines[3].before == "{\"revoked\":null}" && lines[3].after?.contains("revoked") == true)
        #expect(lines[4].before == "{\"disabled\":\"false\"}" && lines[4].after == "{\"disabled\":\"true\"}")
        #expect(!lines.contains { ($0.after ?? "").contains("correct horse") || ($0.after ?? "").contains(t.secret) })
        #expect(try a.audit(actor: "someone else").isEmpty)
    }

    @Test func theAuditTrailRefusesUpdatesAndDeletes() throws {
        let db = try twoSchools()
        try accounts(db).record("import", target: "feed.xml", by: admin)
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE audit SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM audit") } }
        // Issue #18's district column is written on INSERT and as frozen as the others.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE audit SET district = '440106'") }
        }
        #expect(try accounts(db).audit().map(\.actor) == ["cli:tester"])
        #expect(try accounts(db).audit().map(\.district) == [nil])
    }
}
