import Curriculum
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuAccounts

@testable import XinyuCore
@testable import XinyuServer

/// Issue #19 over HTTP: who may record a session, the records and their audit lines, group runs and their checks,
/// the teacher's form on `/me` and the delivery rate on the school's page.
@Suite(.serialized) struct DeliveryRoutesTests {
    struct Setup {
        let db: AppDatabase
        let accounts: Accounts
        /// Bearer tokens: wang (teacher T001), li (teacher T002, same school), chair (school-admin S001), other
        /// (school-admin S002).
        var tokens: [String: String] = [:]
        /// T001's lessons due by 2026-10-31, newest first.
        let sessions: [DeliverySession]

        init() throws {
            db = try sampleDatabase()
            _ = try Curriculum.buildSchedule(
                in: db, term: Term("2026-fall")!, school: "S001", rules: ScheduleRules.bundled(), levels: ["T001": .A])
            accounts = Accounts(store: db, bcryptCost: 4)
            let admin = Principal.commandLine(user: "test")
            for (name, role, school, teacher) in [
                ("wang", AccountRole.teacher, "S001", "T001"), ("li", .teacher, "S001", "T002"),
                ("chair", .schoolAdmin, "S001", nil), ("other", .schoolAdmin, "S002", nil),
            ] as [(String, AccountRole, String, String?)] {
                try accounts.addUser(name: name, role: role, school: teacher == nil ? school : nil, teacher: teacher, by: admin)
                try accounts.setPassword(name: name, password: "password-\(name)", by: admin)
                tokens[name] = try accounts.issueToken(for: name, lifetime: 3600, label: nil, by: admin).secret
            }
            sessions = try Curriculum.deliverySessions(in: db, school: "S001", teacher: "T001", asOf: Day("2026-10-31")!)
        }

        func app() throws -> some ApplicationProtocol {
            let deps = try ServerDependencies(database: db, accounts: accounts)
            return Application(router: buildRouter(configuration: ServerConfiguration(), dependencies: deps))
        }

        func auth(_ name: String) -> HTTPFields {
            [.authorization: "Bearer \(tokens[name]!)", .contentType: "application/json"]
        }
    }

    @Test func onlyTheSessionsTeacherAndTheirSchoolAdminRecordAndEveryRecordIsKept() async throws {
        let s = try Setup()
        let first = try #require(s.sessions.first).session.description
        try #require(s.sessions.count >= 2)
        try await s.app().test(.router) { client in
            func post(_ who: String, _ json: String, _ check: @escaping (TestResponse) async throws -> Void) async throws {
                try await client.execute(
                    uri: "/api/v1/deliveries", method: .post, headers: s.auth(who), body: ByteBuffer(string: json),
                    testCallback: check)
            }
            // Another teacher of the same school, and another school's admin, may not.
            try await post("li", #"{"session":"\#(first)","given":true}"#) { r in try expectError(r, .forbidden, "forbidden") }
            try await post("other", #"{"session":"\#(first)","given":true}"#) { r in try expectError(r, .forbidden, "forbidden") }
            #expect(try s.db.deliveryRecords(school: "S001", term: nil, teacher: nil).isEmpty)
            try await post("wang", #"{"session":"\#(first)","given":true,"reflection":"学生投入"}"#) { r in
                #expect(r.status == .created)
                let body = try jsonObject(r)
                #expect(body["given"] as? Bool == true && body["teacherId"] as? String == "T001")
            }
            try await post("wang", #"{"session":"\#(first)","given":false}"#) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
            try await post("wang", #"{"session":"\#(first)","given":true,"reflection":"学号 20230815 缺课"}"#) { r in
                try expectError(r, .badRequest, "bad_request")
                #expect(String(buffer: r.body).contains("student number"))
            }
            try await post("chair", #"{"session":"\#(first)","given":false,"reason":"exam"}"#) { r in
                #expect(r.status == .created)
                let body = try jsonObject(r)
                #expect(body["supersedes"] as? Int != nil)
            }
            try await post("wang", #"{"session":"S001/S001-7-1/2026-09-01/9","given":true}"#) { r in
                try expectError(r, .notFound, "not_found")
            }
            // The history keeps both records; the newest (not given) counts.
            try await client.execute(uri: "/api/v1/deliveries?school=S001", method: .get, headers: s.auth("wang")) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(text.contains("学生投入") && text.contains("\"exam\""))
            }
            try await client.execute(
                uri: "/api/v1/schools/S001/delivery-rates?asOf=2026-10-31", method: .get, headers: s.auth("chair")
            ) { r in
                let total = try #require(try jsonObject(r)["total"] as? [String: Any])
                #expect(total["given"] as? Int == 0 && total["notGiven"] as? Int == 1)
            }
        }
        let audit = try s.accounts.audit().filter { $0.action == "delivery.record" }
        #expect(audit.map(\.actor) == ["wang", "chair"] && audit.allSatisfy { $0.target == first })
    }

    @Test func groupRunsFitTheActivityAndRefuseStudentNumbers() async throws {
        let s = try Setup()
        try await s.app().test(.router) { client in
            func post(_ who: String, _ n: Int, notes: String = "", facilitator: String = "T001") async throws -> TestResponse {
                try await client.execute(
                    uri: "/api/v1/group-runs", method: .post, headers: s.auth(who),
                    body: ByteBuffer(
                        string: #"{"school":"S001","date":"2026-10-15","facilitator":"\#(facilitator)","#
                            + #""activity":"xinyu-salon","participants":\#(n),"notes":"\#(notes)"}"#))
            }
            try expectError(try await post("chair", 7), .badRequest, "bad_request")
            try expectError(try await post("chair", 10, notes: "身份证110105194912310021"), .badRequest, "bad_request")
            try expectError(try await post("li", 10), .forbidden, "forbidden")  // T001 facilitated, not li
            try expectError(try await post("other", 10), .forbidden, "forbidden")
            #expect(try await post("wang", 10, notes: "围坐分享").status == .created)
            #expect(try await post("chair", 12, facilitator: "T002").status == .created)
            try await client.execute(uri: "/api/v1/group-runs?school=S001", method: .get, headers: s.auth("chair")) { r in
                #expect(String(buffer: r.body).contains("围坐分享"))
            }
        }
        #expect(try s.db.groupRuns(school: "S001", from: nil, to: nil).map(\.participants) == [10, 12])
        #expect(try s.accounts.audit().filter { $0.action == "group.record" }.count == 2)
    }

    @Test func theTeachersFormRecordsAndTheSchoolPageShowsTheRate() async throws {
        let s = try Setup()
        guard case .success(let session, _) = try s.accounts.logIn(name: "wang", password: "password-wang", from: nil),
            case .success(let chairSession, _) = try s.accounts.logIn(name: "chair", password: "password-chair", from: nil)
        else {
            Issue.record("login failed")
            return
        }
        let cookie: HTTPFields = [.cookie: "xinyu_session=\(session)", .contentType: "application/x-www-form-urlencoded"]
        let target = try #require(s.sessions.first).session.description
        let encoded = target.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        try await s.app().test(.router) { client in
            try await client.execute(uri: "/me?asOf=2026-10-31", method: .get, headers: cookie) { r in
                let html = String(buffer: r.body)
                #expect(html.contains("action=\"/me/deliveries\"") && html.contains(target))
                #expect(html.contains("不要写学生的姓名或学号"))
            }
            // Without the form token: refused, nothing stored.
            try await client.execute(
                uri: "/me/deliveries", method: .post, headers: cookie,
                body: ByteBuffer(string: "session=\(encoded)&outcome=given")
            ) { r in #expect(r.status == .forbidden) }
            #expect(try s.db.deliveryRecords(school: "S001", term: nil, teacher: nil).isEmpty)
            let token = Secrets.formToken(session: session)
            try await client.execute(
                uri: "/me/deliveries", method: .post, headers: cookie,
                body: ByteBuffer(string: "form=\(token)&session=\(encoded)&outcome=given&reason=&reflection=%E5%A5%BD")
            ) { r in
                #expect(r.status == .seeOther && r.headers[.location]?.hasPrefix("/me") == true)
                #expect(PageFormsTests.flash(r) == "ok:已记录。")
            }
            // A bad reason comes back to the page as a one-time message (a cookie; never read from the address).
            try await client.execute(
                uri: "/me/deliveries", method: .post, headers: cookie,
                body: ByteBuffer(string: "form=\(token)&session=\(encoded)&outcome=not-given&reason=")
            ) { r in
                #expect(r.status == .seeOther && r.headers[.location]?.contains("error=") == false)
                #expect(PageFormsTests.flash(r).hasPrefix("error:"))
            }
            let rates = try #require(try Curriculum.deliveryRates(in: s.db, school: "S001", asOf: Day("2026-10-31")!))
            #expect(rates.total.given == 1 && rates.total.due == s.sessions.count)
            let percent = String(format: "%.1f%%", 100.0 / Double(rates.total.due))
            let chair: HTTPFields = [.cookie: "xinyu_session=\(chairSession)"]
            try await client.execute(uri: "/schools/S001?asOf=2026-10-31&lang=en", method: .get, headers: chair) { r in
                let html = String(buffer: r.body)
                #expect(html.contains("Delivery rate") && html.contains("By class") && html.contains("By teacher"))
                #expect(html.contains("<td>T001 王芳</td><td>\(rates.total.due)</td><td>1</td><td>0</td>"))
                #expect(html.contains(percent))
                #expect(html.contains("action=\"/schools/S001/group-runs\"") && html.contains("never a student"))
            }
        }
    }
}
