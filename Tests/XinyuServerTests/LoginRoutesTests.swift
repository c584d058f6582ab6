import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuAccounts
import XinyuCore

@testable import XinyuServer

/// Browser login (issue #14): the form and its token, the session cookie, lockout, logout, the pages per role,
/// and the security headers.
@Suite struct LoginRoutesTests {
    func app(_ db: AppDatabase) throws -> (some ApplicationProtocol, Accounts) {
        let accounts = Accounts(store: db, bcryptCost: 4)
        let admin = Principal.commandLine(user: "test")
        try accounts.addUser(name: "wang", role: .teacher, school: nil, teacher: "T001", by: admin)
        try accounts.setPassword(name: "wang", password: "teacher-pass", by: admin)
        try accounts.addUser(name: "chair", role: .schoolAdmin, school: "S001", teacher: nil, by: admin)
        try accounts.setPassword(name: "chair", password: "chair-pass", by: admin)
        let deps = try ServerDependencies(database: db, accounts: accounts)
        return (Application(router: buildRouter(configuration: ServerConfiguration(), dependencies: deps)), accounts)
    }

    /// The login form's token and its cookie, from `GET /login`.
    func loginForm(_ client: some TestClientProtocol) async throws -> (token: String, cookie: String) {
        try await client.execute(uri: "/login", method: .get) { r in
            #expect(r.status == .ok)
            let html = String(buffer: r.body)
            let token = try #require(
                html.components(separatedBy: "name=\"form\" value=\"").dropFirst().first?
                    .components(separatedBy: "\"").first)
            let set = try #require(r.headers[.setCookie])
            #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict"))
            return (token, try #require(set.components(separatedBy: ";").first))
        }
    }

    func post(
        _ client: some TestClientProtocol, _ form: String, cookie: String?,
        _ check: @escaping (TestResponse) async throws -> Void
    ) async throws {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        try await client.execute(
            uri: "/login", method: .post, headers: headers, body: ByteBuffer(string: form), testCallback: check)
    }

    @Test func aTeacherLogsInSeesTheirOwnPageAndLogsOut() async throws {
        let (app, _) = try app(try sampleDatabase())
        try await app.test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            var session = ""
            try await post(client, "name=wang&password=teacher-pass&form=\(token)&next=%2F", cookie: cookie) { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/")
                let set = r.headers[values: .setCookie].first { $0.hasPrefix("xinyu_session=") } ?? ""
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && !set.contains("Secure"))
                session = set.components(separatedBy: ";")[0]
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { r in
                #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/me") == true)
            }
            var formToken = ""
            try await client.execute(uri: "/me?asOf=2026-03-01", method: .get, headers: [.cookie: session]) { r in
                #expect(r.status == .ok)
                let html = String(buffer: r.body)
                #expect(html.contains("王芳") && html.contains("资格证书") && html.contains("本学年学时"))
                #expect(!html.contains("<script"))
                formToken =
                    html.components(separatedBy: "name=\"form\" value=\"").dropFirst().first?
                    .components(separatedBy: "\"").first ?? ""
                #expect(r.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
            // Another teacher's ledger is unknown to this one; the API write with a cookie is refused.
            try await client.execute(uri: "/api/v1/teachers/T004/ledger", method: .get, headers: [.cookie: session]) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.execute(
                uri: "/api/v1/imports", method: .post, headers: [.cookie: session],
                body: ByteBuffer(string: "<f/>")
            ) { r in try expectError(r, .forbidden, "forbidden") }
            // Logout needs the form token.
            let logout: HTTPFields = [.cookie: session, .contentType: "application/x-www-form-urlencoded"]
            try await client.execute(uri: "/logout", method: .post, headers: logout, body: ByteBuffer(string: "form=wrong")) {
                r in
                try expectError(r, .forbidden, "forbidden")
            }
            try await client.execute(
                uri: "/logout", method: .post, headers: logout,
                body: ByteBuffer(string: "form=\(formToken)")
            ) { r in
                #expect(r.status == .seeOther && r.headers[.location] == "/login")
            }
            try await client.execute(uri: "/me", method: .get, headers: [.cookie: session]) { r in
                #expect(r.status == .unauthorized && String(buffer: r.body).contains("/login"))
            }
        }
    }

    @Test func aFormWithoutItsTokenIsRefused() async throws {
        let (app, accounts) = try app(try sampleDatabase())
        try await app.test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            try await post(client, "name=wang&password=teacher-pass&form=\(token)", cookie: nil) { r in
                #expect(r.status == .forbidden)
                #expect(r.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("xinyu_session=") })
            }
            try await post(client, "name=wang&password=teacher-pass&form=forged", cookie: cookie) { r in
                #expect(r.status == .forbidden)
            }
        }
        #expect(try accounts.audit().filter { $0.action == "login" }.isEmpty)
    }

    @Test func fiveFailuresLockTheNameAndThePageSaysSo() async throws {
        let (app, accounts) = try app(try sampleDatabase())
        try await app.test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            for _ in 1...4 {
                try await post(client, "name=chair&password=nope-nope&form=\(token)", cookie: cookie) { r in
                    #expect(r.status == .unauthorized && String(buffer: r.body).contains("用户名或密码错误"))
                }
            }
            try await post(client, "name=chair&password=nope-nope&form=\(token)", cookie: cookie) { r in
                #expect(r.status == .tooManyRequests && String(buffer: r.body).contains("已锁定"))
            }
            try await post(client, "name=chair&password=chair-pass&form=\(token)", cookie: cookie) { r in
                #expect(r.status == .tooManyRequests)
            }
        }
        let failed = try accounts.audit().filter { $0.action == "login.failed" }
        #expect(failed.count == 5 && failed.allSatisfy { $0.target == "chair" })
    }

    @Test func aSchoolAdminSeesTheirSchoolsPageOnly() async throws {
        let (app, _) = try app(try sampleDatabase())
        try await app.test(.router) { client in
            let (token, cookie) = try await loginForm(client)
            var session = ""
            try await post(client, "name=chair&password=chair-pass&form=\(token)", cookie: cookie) { r in
                session =
                    (r.headers[values: .setCookie].first { $0.hasPrefix("xinyu_session=") } ?? "").components(separatedBy: ";")[0]
            }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: session]) { r in
                #expect(r.headers[.location]?.hasPrefix("/schools/S001") == true)
            }
            try await client.execute(uri: "/schools/S001?asOf=2026-03-01", method: .get, headers: [.cookie: session]) { r in
                let html = String(buffer: r.body)
                #expect(r.status == .ok && html.contains("第一中学") && html.contains("培训定额缺口") && html.contains("T002"))
                #expect(!html.contains("T004") && !html.contains("S002"))
            }
            try await client.execute(uri: "/schools/S002", method: .get, headers: [.cookie: session]) { r in
                #expect(r.status == .notFound)
            }
            try await client.execute(uri: "/?lang=en", method: .get) { r in
                #expect(r.status == .unauthorized && String(buffer: r.body).contains("/login?lang=en"))
            }
        }
    }
}
