import Certifications
import Curriculum
import Foundation
import Hummingbird
import HummingbirdTesting
import Importers
import Testing
import XinyuAccounts
import XinyuCore
@testable import XinyuServer

/// Issue #14: every operation of the OpenAPI document × every role (and no credential), on a store with two
/// schools: the status the document's `x-xinyu-roles` promises, 404 for another school's data, 403 for a write
/// outside the scope, and no id of the other school in any body a school-scoped caller gets.
@Suite(.serialized) struct AccessMatrixTests {
    /// A two-school district (S0001 is "ours", S0002 "theirs") with a stored schedule, a user and a token per role.
    struct District {
        let store: TemporaryStore
        let accounts: Accounts
        var tokens: [AccountRole: String] = [:]
        let ownTeacher: String
        let otherTeacher: String
        /// S0002 and its teachers' ids: none may reach a caller limited to S0001.
        let otherIds: [String]
        /// The award numbers of a certificate of ``ownTeacher`` and of ``otherTeacher``.
        let ownCertificate: String?
        let otherCertificate: String?

        init() throws {
            store = try TemporaryStore()
            let feed = store.directory + "/district.xml"
            _ = try SampleFeedGenerator(schools: 2, seed: 1).write(to: feed)
            _ = try FeedImporter.importFile(at: feed, into: store.db, options: ImportOptions())
            let rules = try Curriculum.rules(path: nil, catalog: ActivityCatalog.bundled())
            _ = try Curriculum.buildSchedule(in: store.db, term: Term("2026-fall")!, rules: rules,
                                             profile: RuleProfile.load(path: nil))
            accounts = Accounts(store: store.db, bcryptCost: 4)
            let ours = try store.db.teachers(school: "S0001", role: nil, status: .active)
            let theirs = try store.db.teachers(school: "S0002", role: nil, status: nil)
            // Teachers holding a numbered certificate, so that the certificate page has one to show.
            let today = Day.today()
            let db = store.db
            func certificate(_ t: Teacher) throws -> String? {
                try db.trainingRecord(teacherId: t.id, asOf: today).awards.compactMap(\.number).first
            }
            let own = try ours.first { try certificate($0) != nil } ?? ours[0]
            let other = try theirs.first { try certificate($0) != nil } ?? theirs[0]
            ownTeacher = own.id
            otherTeacher = other.id
            ownCertificate = try certificate(own)
            otherCertificate = try certificate(other)
            otherIds = ["S0002"] + theirs.map(\.id)
            let admin = Principal.commandLine(user: "test")
            for role in AccountRole.allCases {
                let name = "user-\(role.rawValue)"
                try accounts.addUser(name: name, role: role, school: role.needsSchool ? "S0001" : nil,
                                     teacher: role.needsTeacher ? ownTeacher : nil, by: admin)
                tokens[role] = try accounts.issueToken(for: name, lifetime: 3600, label: nil, by: admin).secret
            }
        }

        func app(limiter: VerifyRateLimiter = VerifyRateLimiter()) throws -> some ApplicationProtocol {
            let config = ServerConfiguration(token: nil, maxBodyBytes: 1 << 20, temporaryDirectory: store.directory)
            let deps = try ServerDependencies(database: store.db, imports: ImportProbe().service, accounts: accounts,
                                              verifyLimiter: limiter)
            return Application(router: buildRouter(configuration: config, dependencies: deps))
        }
    }

    /// The request for one documented operation, with its parameters taken from `school`'s data (ours or theirs).
    static func request(_ method: String, _ path: String, ours: Bool, d: District) -> String {
        let school = ours ? "S0001" : "S0002"
        let teacher = ours ? d.ownTeacher : d.otherTeacher
        var uri = path.replacingOccurrences(of: "{school}", with: school)
            .replacingOccurrences(of: "{id}", with: path.hasPrefix("/api/v1/lessons") ? "low-01"
                                  : path.hasPrefix("/schools") ? school : teacher)
            .replacingOccurrences(of: "{no}", with: (ours ? d.ownCertificate : d.otherCertificate) ?? "none")
        switch (method, path) {
        case ("get", "/api/v1/schedule"), ("get", "/api/v1/schedule.ics"): uri += "?school=\(school)"
        case ("post", "/api/v1/schedule/build"): uri += "?term=2026-fall&school=\(school)"
        case ("get", "/api/v1/teachers"), ("get", "/api/v1/quota"): uri += ours ? "" : "?school=\(school)"
        default: break
        }
        return uri
    }

    /// Whether the operation names one school's or teacher's data (so another school's is a 404 or a 403).
    static func isScoped(_ method: String, _ path: String) -> Bool {
        path.contains("{school}") || path.contains("{no}") || (path.contains("{id}") && !path.hasPrefix("/api/v1/lessons"))
            || ["/api/v1/schedule", "/api/v1/schedule.ics", "/api/v1/schedule/build"].contains(path)
            || (method == "get" && ["/api/v1/teachers", "/api/v1/quota"].contains(path))
    }

    @Test func everyOperationTimesEveryRole() async throws {
        let d = try District()
        // The public operations (/health, the login page, the certificate verification) and the logout form are
        // checked by their own tests.
        let operations = OpenAPIDocument.operations.filter {
            !["/health", "/login", "/logout", "/verify/{code}"].contains($0.path)
        }
        #expect(d.ownCertificate != nil && d.otherCertificate != nil)
        #expect(operations.count >= 20)
        try await d.app().test(.router) { client in
            for (path, method) in operations {
                let allowed = try #require(OpenAPIDocument.roles["\(method) \(path)"], "\(method) \(path) lists no roles")
                let httpMethod = HTTPRequest.Method(rawValue: method.uppercased())!
                let body = method == "post" ? ByteBuffer(string: "<feed/>") : nil
                let uri = Self.request(method, path, ours: true, d: d)
                try await client.execute(uri: uri, method: httpMethod, body: body) { r in
                    #expect(r.status == .unauthorized, "no credential: \(method) \(uri) → \(r.status)")
                }
                for role in AccountRole.allCases {
                    let auth: HTTPFields = [.authorization: "Bearer \(d.tokens[role]!)"]
                    try await client.execute(uri: uri, method: httpMethod, headers: auth, body: body) { r in
                        if allowed.contains(role.rawValue) {
                            #expect((200..<400).contains(r.status.code), "\(role.rawValue): \(method) \(uri) → \(r.status)")
                        } else {
                            #expect(r.status == .forbidden, "\(role.rawValue): \(method) \(uri) → \(r.status)")
                        }
                        if role.needsSchool || role.needsTeacher { expectNothingOfTheOtherSchool(r, d, uri, role) }
                    }
                    guard (role.needsSchool || role.needsTeacher), Self.isScoped(method, path) else { continue }
                    let other = Self.request(method, path, ours: false, d: d)
                    try await client.execute(uri: other, method: httpMethod, headers: auth, body: body) { r in
                        let expected: HTTPResponse.Status = method == "get" ? .notFound : .forbidden
                        #expect(r.status == expected, "\(role.rawValue): \(method) \(other) → \(r.status)")
                        expectNothingOfTheOtherSchool(r, d, other, role)
                    }
                }
            }
        }
    }

    /// No id of the other school in the body, beyond one the request itself named (a 404 says which id is unknown).
    func expectNothingOfTheOtherSchool(_ r: TestResponse, _ d: District, _ uri: String, _ role: AccountRole) {
        let text = String(buffer: r.body)
        let leaked = d.otherIds.filter { text.contains($0) && !uri.contains($0) }
        #expect(leaked.isEmpty, "\(role.rawValue) \(uri) shows \(leaked.prefix(3))")
    }

    @Test func listsAndCoverageAreTheCallersSchool() async throws {
        let d = try District()
        try await d.app().test(.router) { client in
            let planner: HTTPFields = [.authorization: "Bearer \(d.tokens[.planner]!)"]
            try await client.execute(uri: "/api/v1/schools", method: .get, headers: planner) { r in
                let schools = try jsonObject(r)["schools"] as? [[String: Any]]
                #expect(schools?.map { $0["id"] as? String } == ["S0001"])
            }
            try await client.execute(uri: "/api/v1/coverage?asOf=2026-09-01", method: .get, headers: planner) { r in
                let body = try jsonObject(r)
                #expect((body["schools"] as? [[String: Any]])?.map { $0["id"] as? String } == ["S0001"])
            }
            try await client.execute(uri: "/api/v1/coverage?asOf=2026-09-01", method: .get,
                                     headers: [.authorization: "Bearer \(d.tokens[.districtViewer]!)"]) { r in
                try #expect((try jsonObject(r)["schools"] as? [[String: Any]])?.count == 2)
            }
            let teacher: HTTPFields = [.authorization: "Bearer \(d.tokens[.teacher]!)"]
            try await client.execute(uri: "/api/v1/teachers", method: .get, headers: teacher) { r in
                let rows = try jsonObject(r)["teachers"] as? [[String: Any]]
                #expect(rows?.map { $0["id"] as? String } == [d.ownTeacher])
            }
            try await client.execute(uri: "/api/v1/schedule?school=S0001", method: .get, headers: teacher) { r in
                let sessions = try jsonObject(r)["sessions"] as? [[String: Any]] ?? []
                #expect(sessions.allSatisfy { $0["teacher"] as? String == d.ownTeacher })
            }
        }
    }

    @Test func tokensExpireAndRevokeAtTheNextRequestAndWritesAreAudited() async throws {
        let d = try District()
        let admin = Principal.commandLine(user: "test")
        try await d.app().test(.router) { client in
            let feed: HTTPFields = [.authorization: "Bearer \(d.tokens[.feed]!)"]
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: feed, body: ByteBuffer(string: "<f/>")) { r in
                #expect(r.status == .ok)
            }
            // Revoked by the CLI (another Accounts over the same file): refused at the next request.
            let id = try #require(try d.accounts.tokens().first { $0.account == "user-feed" }?.id)
            try Accounts(store: try AppDatabase.open(path: d.store.path)).revokeToken(id: id, by: admin)
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: feed, body: ByteBuffer(string: "<f/>")) { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            // An expired token.
            let short = try d.accounts.issueToken(for: "user-district-viewer", lifetime: 1, label: nil, by: admin)
            try await Task.sleep(for: .milliseconds(1100))
            try await client.execute(uri: "/api/v1/schools", method: .get,
                                     headers: [.authorization: "Bearer \(short.secret)"]) { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            // A planner's schedule build is audited with who did it.
            try await client.execute(uri: "/api/v1/schedule/build?term=2026-fall&school=S0001", method: .post,
                                     headers: [.authorization: "Bearer \(d.tokens[.planner]!)"]) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/api/v1/audit", method: .get,
                                     headers: [.authorization: "Bearer \(d.tokens[.districtAdmin]!)"]) { r in
                let lines = String(buffer: r.body)
                #expect(lines.contains("\"actor\" : \"user-planner\"") && lines.contains("S0001 2026-fall"), "\(lines.prefix(300))")
            }
        }
        // Token use was recorded, off the request path, without moving the data version.
        try await Task.sleep(for: .milliseconds(300))
        #expect(try d.accounts.tokens().first { $0.account == "user-planner" }?.lastUsed != nil)
    }
}
