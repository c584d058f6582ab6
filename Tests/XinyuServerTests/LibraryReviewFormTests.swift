import Curriculum
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuAccounts
import XinyuCore

@testable import XinyuServer

/// Issue #19: the district dashboard's review form. A district-admin's session approves or returns (with a reason)
/// a proposed plan; the form token is required, another role is refused, the move is audited and the dashboard
/// shows the outcome after the 303.
@Suite struct LibraryReviewFormTests {
    /// A store with S001's plan proposed, users `chief` (district-admin) and `chair` (S001's school-admin).
    func app(_ db: AppDatabase) throws -> some ApplicationProtocol {
        let cli = ManagedLibrary.Actor(name: "cli:test")
        _ = try ManagedLibrary.add(
            text: LessonLibraryRoutesTests.plan, file: "calm.yaml", kind: .lesson, school: "S001", in: db, by: cli)
        _ = try ManagedLibrary.propose(id: "S001-calm", in: db, by: cli)
        let accounts = Accounts(store: db, bcryptCost: 4)
        let admin = Principal.commandLine(user: "test")
        try accounts.addUser(name: "chief", role: .districtAdmin, school: nil, teacher: nil, by: admin)
        try accounts.setPassword(name: "chief", password: "chief-pass", by: admin)
        try accounts.addUser(name: "chair", role: .schoolAdmin, school: "S001", teacher: nil, by: admin)
        try accounts.setPassword(name: "chair", password: "chair-pass", by: admin)
        let deps = try ServerDependencies(database: db, accounts: accounts)
        return Application(router: buildRouter(configuration: ServerConfiguration(), dependencies: deps))
    }

    /// Logs `name` in through the login form: the session cookie.
    func logIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> String {
        let (token, cookie) = try await client.execute(uri: "/login", method: .get) { r in
            let html = String(buffer: r.body)
            let token = try #require(
                html.components(separatedBy: "name=\"form\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)
            return (token, try #require(r.headers[.setCookie]?.components(separatedBy: ";").first))
        }
        return try await client.execute(
            uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookie],
            body: ByteBuffer(string: "name=\(name)&password=\(password)&form=\(token)&next=%2F")
        ) { r in
            #expect(r.status == .seeOther)
            let set = try #require(r.headers[values: .setCookie].first { $0.hasPrefix("xinyu_session=") })
            return set.components(separatedBy: ";")[0]
        }
    }

    @discardableResult
    func review<T>(
        _ client: some TestClientProtocol, _ session: String, _ form: String,
        _ check: @escaping (TestResponse) async throws -> T
    ) async throws -> T {
        try await client.execute(
            uri: "/lessons/S001-calm/review", method: .post,
            headers: [.cookie: session, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form),
            testCallback: check)
    }

    @Test func aDistrictAdminReturnsThenApprovesWithTheFormToken() async throws {
        let db = try sampleDatabase()
        try await app(db).test(.router) { client in
            let chief = try await logIn(client, "chief", "chief-pass")
            let token = try await client.execute(uri: "/", method: .get, headers: [.cookie: chief]) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("action=\"/lessons/S001-calm/review\"") && page.contains("退回理由"))
                let forms = page.components(separatedBy: "action=\"/lessons/S001-calm/review\"")
                return try #require(
                    forms.dropFirst().first?.components(separatedBy: "name=\"form\" value=\"").dropFirst().first?
                        .components(separatedBy: "\"").first)
            }
            // No token, a wrong one: refused, nothing moves.
            try await review(client, chief, "decision=approve") { r in try expectError(r, .forbidden, "forbidden") }
            try await review(client, chief, "decision=approve&form=wrong") { r in try expectError(r, .forbidden, "forbidden") }
            #expect(try db.libraryItem(id: "S001-calm")?.state == .proposed)
            // A return without a reason changes nothing and says so.
            try await review(client, chief, "decision=return&reason=+&form=\(token)") { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/?lang=zh")
                #expect(PageFormsTests.flash(r) == "error:退回需要填写理由，未作更改：S001-calm")
            }
            #expect(try db.libraryItem(id: "S001-calm")?.state == .proposed)
            let reason = "请补充教具".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let left = try await review(client, chief, "decision=return&reason=\(reason)&form=\(token)") { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/?lang=zh")
                #expect(PageFormsTests.flash(r) == "ok:已退回学校：S001-calm")
                return r.headers[values: .setCookie].first { $0.hasPrefix("xinyu_flash=") }?
                    .components(separatedBy: ";")[0] ?? ""
            }
            let returned = try db.libraryItem(id: "S001-calm")
            #expect(returned?.state == .returned && returned?.reason == "请补充教具")
            // The dashboard shows the message once; a message in the address is not shown.
            try await client.execute(uri: "/?lang=zh", method: .get, headers: [.cookie: chief + "; " + left]) { r in
                #expect(String(buffer: r.body).contains("已退回学校：S001-calm"))
            }
            try await client.execute(
                uri: "/?lang=zh&reviewed=S001-calm&outcome=returned&error=%E5%81%87", method: .get, headers: [.cookie: chief]
            ) { r in
                #expect(!String(buffer: r.body).contains("已退回学校：S001-calm") && !String(buffer: r.body).contains("假"))
            }
            _ = try ManagedLibrary.propose(id: "S001-calm", in: db, by: ManagedLibrary.Actor(name: "cli:test"))
            try await review(client, chief, "decision=approve&form=\(token)&lang=en") { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/?lang=en")
                #expect(PageFormsTests.flash(r) == "ok:Approved into the district library: S001-calm")
            }
            #expect(try db.libraryItem(id: "S001-calm")?.state == .approved)
            // Already reviewed: a conflict, not a second move.
            try await review(client, chief, "decision=approve&form=\(token)") { r in try expectError(r, .conflict, "conflict") }
        }
        let trail = try db.auditEntries(since: nil, actor: nil, actions: nil, target: "lesson S001-calm")
        #expect(trail.map(\.action) == ["lesson.add", "lesson.propose", "lesson.return", "lesson.propose", "lesson.approve"])
        #expect(trail.filter { $0.action == "lesson.return" || $0.action == "lesson.approve" }.allSatisfy { $0.actor == "chief" })
    }

    @Test func aSchoolAdminMayNotReviewEvenWithItsOwnToken() async throws {
        let db = try sampleDatabase()
        try await app(db).test(.router) { client in
            let chair = try await logIn(client, "chair", "chair-pass")
            let token = try await client.execute(uri: "/schools/S001", method: .get, headers: [.cookie: chair]) { r in
                let page = String(buffer: r.body)
                #expect(!page.contains("/review\""))
                return page.components(separatedBy: "name=\"form\" value=\"").dropFirst().first?
                    .components(separatedBy: "\"").first ?? ""
            }
            #expect(!token.isEmpty)
            try await review(client, chair, "decision=approve&form=\(token)") { r in try expectError(r, .forbidden, "forbidden") }
            #expect(try db.libraryItem(id: "S001-calm")?.state == .proposed)
        }
    }
}
