import Foundation
import Testing
import XinyuCore

/// ``AccountStore``: accounts, tokens, sessions and the append-only audit trail, on every engine.
@Suite struct AccountStoreConformanceTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    func audit(_ action: String, _ target: String, at offset: TimeInterval = 0) -> AuditEntry {
        AuditEntry(at: now.addingTimeInterval(offset), actor: "cli:test", address: nil, action: action, target: target)
    }

    func seeded(_ engine: StoreEngine) throws -> any XinyuStore {
        let store = try engine.make()
        try ConformanceDistrict().write(to: store)
        return store
    }

    func account(_ name: String, _ role: AccountRole, school: String? = nil, teacher: String? = nil) -> StoredAccount {
        StoredAccount(
            name: name, role: role, school: school, teacher: teacher, passwordHash: "$2b$hash-of-\(name)",
            disabled: false, created: now)
    }

    /// Issue #18: a district role's district is kept and read back (nil: the whole store), and a token's
    /// credential carries it.
    @Test(arguments: StoreEngine.all)
    func aDistrictRolesDistrictIsKept(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        var scoped = account("d-admin", .districtAdmin)
        scoped.district = "440106"
        let region = account("region", .regionViewer)
        try store.addAccount(scoped, audit: audit("user.add", scoped.name))
        try store.addAccount(region, audit: audit("user.add", region.name))
        #expect(try store.account(named: "d-admin") == scoped)
        #expect(try store.account(named: "region")?.district == nil)
        #expect(try store.accounts().map(\.district) == ["440106", nil])
        try store.addToken(
            StoredToken(
                id: "tok-d", account: "d-admin", hash: "hash-d", label: nil, created: now, expires: nil, lastUsed: nil,
                revoked: nil),
            audit: audit("token.issue", "tok-d"))
        #expect(try store.tokenCredential(hash: "hash-d")?.account.district == "440106")
    }

    @Test(arguments: StoreEngine.all)
    func accountsAreAddedOnceSortedAndScopedToStoredIds(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        let teacher = ConformanceDistrict().teachers[0]
        let added = [
            account("赵老师", .teacher, teacher: teacher.id), account("admin", .districtAdmin),
            account("s1-chair", .schoolAdmin, school: "S1"),
        ]
        for a in added { try store.addAccount(a, audit: audit("user.add", a.name)) }
        #expect(try store.accounts().map(\.name) == added.map(\.name).sorted())
        #expect(try store.account(named: "s1-chair") == added[2])
        #expect(try store.account(named: "nobody") == nil)
        #expect(throws: AccountStoreError.accountExists(name: "admin")) {
            try store.addAccount(account("admin", .planner, school: "S1"), audit: audit("user.add", "admin"))
        }
        #expect(throws: StoreError.self) {
            try store.addAccount(account("x", .planner, school: "NOPE"), audit: audit("user.add", "x"))
        }
        #expect(throws: StoreError.self) {
            try store.addAccount(account("y", .teacher, teacher: "NOPE"), audit: audit("user.add", "y"))
        }
        #expect(
            try store.auditEntries(since: nil, actor: nil, actions: ["user.add"], target: nil).map(\.target)
                == added.map(\.name))
    }

    @Test(arguments: StoreEngine.all)
    func accountAndTokenChangesMoveTheDataVersionAndUsesDoNot(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        var v = try store.dataVersion()
        try store.addAccount(account("p", .planner, school: "S2"), audit: audit("user.add", "p"))
        #expect(try store.dataVersion() != v)
        v = try store.dataVersion()
        let token = StoredToken(
            id: "tok1", account: "p", hash: String(repeating: "a", count: 64), label: "机器",
            created: now, expires: now.addingTimeInterval(86_400), lastUsed: nil, revoked: nil)
        try store.addToken(token, audit: audit("token.issue", "tok1"))
        #expect(try store.dataVersion() != v)
        v = try store.dataVersion()
        try store.recordTokenUse(["tok1": now.addingTimeInterval(60)])
        try store.recordTokenUse(["tok1": now.addingTimeInterval(30)])  // never goes back
        let session = StoredSession(
            hash: String(repeating: "b", count: 64), account: "p", created: now,
            expires: now.addingTimeInterval(3_600))
        try store.addSession(session, audit: audit("login", "p"))
        try store.appendAudit([audit("login.refused", "p")])
        #expect(try store.dataVersion() == v)
        let credential = try #require(try store.tokenCredential(hash: token.hash))
        #expect(credential.account.name == "p" && credential.token.lastUsed == now.addingTimeInterval(60))
        #expect(try store.sessionCredential(hash: session.hash)?.session == session)
        #expect(try store.tokenCredential(hash: String(repeating: "c", count: 64)) == nil)
        #expect(throws: AccountStoreError.unknownAccount(name: "ghost")) {
            var orphan = token
            orphan.id = "tok2"
            orphan.account = "ghost"
            try store.addToken(orphan, audit: audit("token.issue", "tok2"))
        }
    }

    @Test(arguments: StoreEngine.all)
    func revokingDisablingAndEndingSessionsAreStatesNotDeletions(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        var chair = account("chair", .schoolAdmin, school: "S1")
        try store.addAccount(chair, audit: audit("user.add", "chair"))
        let older = StoredToken(
            id: "t-old", account: "chair", hash: String(repeating: "1", count: 64), label: nil,
            created: now, expires: nil, lastUsed: nil, revoked: nil)
        var newer = older
        newer.id = "t-new"
        newer.hash = String(repeating: "2", count: 64)
        newer.created = now.addingTimeInterval(10)
        try store.addToken(older, audit: audit("token.issue", "t-old"))
        try store.addToken(newer, audit: audit("token.issue", "t-new"))
        #expect(try store.tokens().map(\.id) == ["t-new", "t-old"])
        let before = try store.revokeToken(id: "t-old", at: now.addingTimeInterval(20), audit: audit("token.revoke", "t-old"))
        #expect(before.revoked == nil)
        #expect(try store.tokenCredential(hash: older.hash)?.token.revoked == now.addingTimeInterval(20))
        _ = try store.revokeToken(id: "t-old", at: now.addingTimeInterval(40), audit: audit("token.revoke", "t-old"))
        #expect(try store.tokenCredential(hash: older.hash)?.token.revoked == now.addingTimeInterval(20))
        #expect(try store.auditEntries(since: nil, actor: nil, actions: ["token.revoke"], target: nil).count == 1)
        #expect(throws: AccountStoreError.unknownToken(id: "none")) {
            try store.revokeToken(id: "none", at: now, audit: audit("token.revoke", "none"))
        }
        let session = StoredSession(
            hash: String(repeating: "3", count: 64), account: "chair", created: now,
            expires: now.addingTimeInterval(3_600))
        try store.addSession(session, audit: audit("login", "chair"))
        chair.disabled = true
        try store.updateAccount(chair, audit: audit("user.disable", "chair"))
        #expect(try store.account(named: "chair")?.disabled == true)
        #expect(try store.sessionCredential(hash: session.hash) == nil)
        #expect(try store.tokens().count == 2)
        #expect(throws: AccountStoreError.unknownAccount(name: "nobody")) {
            try store.updateAccount(account("nobody", .planner, school: "S1"), audit: audit("user.disable", "nobody"))
        }
    }

    @Test(arguments: StoreEngine.all)
    func theAuditTrailFiltersInOrderOfAppending(_ engine: StoreEngine) throws {
        let store = try seeded(engine)
        var lines: [AuditEntry] = []
        for i in 0..<12 {
            let actor = i % 2 == 0 ? "cli:a" : "web:b"
            let address: String? = i % 3 == 0 ? "127.0.0.1" : nil
            let action = i % 4 == 0 ? "import" : "login.refused"
            let before: String? = i == 5 ? #"{"x":1}"# : nil
            let after: String? = i == 5 ? #"{"x":2}"# : nil
            let at = now.addingTimeInterval(Double(i) * 60)
            lines.append(
                AuditEntry(
                    at: at, actor: actor, address: address, action: action, target: "T\(i % 3)",
                    before: before, after: after))
        }
        try store.appendAudit(Array(lines.prefix(6)))
        try store.appendAudit(Array(lines.dropFirst(6)))
        let all = try store.auditEntries(since: nil, actor: nil, actions: nil, target: nil)
        #expect(
            all.map {
                var e = $0
                e.id = nil
                return e
            } == lines)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.id! < $1.id! })
        let since = now.addingTimeInterval(5 * 60)
        let filtered = try store.auditEntries(since: since, actor: "cli:a", actions: ["import"], target: nil)
        let expected = lines.filter { (e: AuditEntry) -> Bool in e.at >= since && e.actor == "cli:a" && e.action == "import" }
        #expect(filtered.map(\.at) == expected.map(\.at))
        #expect(
            try store.auditEntries(since: nil, actor: nil, actions: nil, target: "T1").count
                == lines.filter { $0.target == "T1" }.count)
    }
}
