import Foundation
import Hummingbird
import HummingbirdTesting
import Importers
import Testing
import XinyuAccounts
import XinyuCore

@testable import XinyuServer

/// Issue #18: the access matrix's store (district 440608, schools S0001 and S0002) with a second district,
/// 440111, imported beside it; a district-admin limited to 440111 calls every documented operation with the
/// first district's ids (another district's school is a 404 worded as an unknown id, a write a 403, whole-store
/// writes a 403, and no id of the first district in any body) and then reads and writes its own district; the
/// import log, the audit trail and the `/` overview are its district's (200), not refused.
@Suite(.serialized) struct DistrictScopeRoutesTests {
    static let code = "440111"
    static let ownSchool = "440111-S0001"
    /// A training of the own school, as the admin posts it (its write must land in its own district).
    static let ownTraining =
        #"{"school":"\#(ownSchool)","training":{"title":"校本培训","tier":60,"mode":2,"#
        + #""category":"professional","hours":"2","date":"2026-05-01"}}"#

    struct Setup {
        let d: AccessMatrixTests.District
        let token: String
        let viewerToken: String
        /// The first district's schools and teachers, as they appear in a body (quoted, or after a `/`).
        let foreign: [String]

        init() throws {
            let d = try AccessMatrixTests.District()
            let feed = d.store.directory + "/other.xml"
            _ = try SampleFeedGenerator(schools: 1, seed: 2, district: DistrictScopeRoutesTests.code).write(to: feed)
            _ = try FeedImporter.importFile(at: feed, into: d.store.db, options: ImportOptions())
            let admin = Principal.commandLine(user: "test")
            try d.accounts.addUser(
                name: "da-440111", role: .districtAdmin, school: nil, teacher: nil, district: DistrictScopeRoutesTests.code,
                by: admin)
            try d.accounts.addUser(
                name: "dv-440111", role: .districtViewer, school: nil, teacher: nil,
                district: DistrictScopeRoutesTests.code, by: admin)
            token = try d.accounts.issueToken(for: "da-440111", lifetime: 3600, label: nil, by: admin).secret
            viewerToken = try d.accounts.issueToken(for: "dv-440111", lifetime: 3600, label: nil, by: admin).secret
            let first = try d.store.db.teachers(school: nil, role: nil, status: nil)
                .filter { !$0.id.hasPrefix(DistrictScopeRoutesTests.code) }.map(\.id)
            foreign = ["S0001", "S0002"] + first
            self.d = d
        }

        func leaked(_ text: String) -> [String] {
            foreign.filter { text.contains("\"\($0)\"") || text.contains("/\($0)") }
        }
    }

    /// Posts ``ownTraining`` with `token` and expects it created.
    static func postOwnTraining(_ client: some TestClientProtocol, token: String) async throws {
        try await client.execute(
            uri: "/api/v1/trainings", method: .post, headers: [.authorization: "Bearer \(token)"],
            body: ByteBuffer(string: ownTraining)
        ) { r in
            #expect(r.status == .created, "\(String(buffer: r.body))")
        }
    }

    @Test func aDistrictScopedAdminReachesNothingOfAnotherDistrict() async throws {
        let s = try Setup()
        let operations = OpenAPIDocument.operations.filter {
            !["/health", "/login", "/logout", "/verify/{code}", "/me/deliveries", "/schools/{id}/group-runs"]
                .contains($0.path) && OpenAPIDocument.roles["\($0.method) \($0.path)"] != nil
        }
        let auth: HTTPFields = [.authorization: "Bearer \(s.token)"]
        try await s.d.app().test(.router) { client in
            for (path, method) in operations {
                let httpMethod = HTTPRequest.Method(rawValue: method.uppercased())!
                for ours in [true, false] {
                    let uri = AccessMatrixTests.request(method, path, ours: ours, d: s.d)
                    let body = AccessMatrixTests.body(method, path, ours: ours, d: s.d)
                    // "Ours" lists without a school= parameter are the caller's own district's (or refused).
                    let unnamed =
                        ours && method == "get"
                        && ["/api/v1/teachers", "/api/v1/quota", "/api/v1/trainings", "/api/v1/approvals"].contains(path)
                    try await client.execute(uri: uri, method: httpMethod, headers: auth, body: body) { r in
                        if AccessMatrixTests.isScoped(method, path), !unnamed {
                            let expected: HTTPResponse.Status = method == "get" ? .notFound : .forbidden
                            #expect(r.status == expected, "\(method) \(uri) → \(r.status)")
                        } else {
                            #expect(
                                (200..<400).contains(r.status.code) || r.status == .forbidden,
                                "\(method) \(uri) → \(r.status)")
                        }
                        let text = String(buffer: r.body)
                        // The API description's examples name ids (S0001) of no store.
                        let leaked = path == "/api/v1/openapi.json" ? [] : s.leaked(text).filter { !uri.contains($0) }
                        #expect(leaked.isEmpty, "\(method) \(uri) shows \(leaked.prefix(3))")
                    }
                }
            }
            // A file naming no district is refused; the logs are the caller's district's (see below).
            try await client.execute(
                uri: "/api/v1/imports", method: .post, headers: auth, body: ByteBuffer(string: "<feed/>")
            ) { r in
                #expect(r.status == .forbidden, "POST /api/v1/imports → \(r.status)")
            }
            for uri in ["/api/v1/imports", "/api/v1/audit", "/"] {
                try await client.execute(uri: uri, method: .get, headers: auth) { r in
                    #expect(r.status == .ok, "GET \(uri) → \(r.status)")
                    #expect(s.leaked(String(buffer: r.body)).isEmpty, "GET \(uri) shows another district's ids")
                }
            }
            // Another district's school is worded as an unknown one.
            try await client.execute(uri: "/api/v1/coverage/S0001", method: .get, headers: auth) { r in
                try expectError(r, .notFound, "not_found")
                #expect(String(buffer: r.body).contains(StoreError.unknownSchool(id: "S0001").description))
            }
        }
    }

    @Test func aDistrictScopedRoleReadsAndWritesItsOwnDistrict() async throws {
        let s = try Setup()
        try await s.d.app().test(.router) { client in
            for token in [s.token, s.viewerToken] {
                let auth: HTTPFields = [.authorization: "Bearer \(token)"]
                try await client.execute(uri: "/api/v1/schools", method: .get, headers: auth) { r in
                    let schools = try jsonObject(r)["schools"] as? [[String: Any]]
                    #expect(schools?.map { $0["id"] as? String } == [Self.ownSchool])
                }
                try await client.execute(uri: "/api/v1/coverage?asOf=2026-09-01", method: .get, headers: auth) { r in
                    let body = try jsonObject(r)
                    #expect((body["schools"] as? [[String: Any]])?.map { $0["id"] as? String } == [Self.ownSchool])
                }
                try await client.execute(uri: "/api/v1/coverage/\(Self.ownSchool)", method: .get, headers: auth) { r in
                    #expect(r.status == .ok)
                }
                try await client.execute(uri: "/api/v1/quota?year=2025-2026", method: .get, headers: auth) { r in
                    let body = try jsonObject(r)
                    #expect((body["schools"] as? [[String: Any]])?.map { $0["id"] as? String } == [Self.ownSchool])
                }
                try await client.execute(uri: "/api/v1/teachers?limit=1000", method: .get, headers: auth) { r in
                    let rows = try jsonObject(r)["teachers"] as? [[String: Any]] ?? []
                    #expect(!rows.isEmpty)
                    #expect(rows.allSatisfy { ($0["school"] as? String) == Self.ownSchool })
                }
            }
            // The admin writes inside its district; the viewer writes nothing.
            let training = Self.ownTraining
            try await Self.postOwnTraining(client, token: s.token)
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: [.authorization: "Bearer \(s.viewerToken)"],
                body: ByteBuffer(string: training)
            ) { r in
                #expect(r.status == .forbidden)
            }
            // Lists without school= are its district's rows, not a 403 (the first district has trainings,
            // submissions awaiting review and none of them may show).
            for token in [s.token, s.viewerToken] {
                let auth: HTTPFields = [.authorization: "Bearer \(token)"]
                for uri in ["/api/v1/trainings", "/api/v1/approvals", "/api/v1/group-runs"] {
                    try await client.execute(uri: uri, method: .get, headers: auth) { r in
                        #expect(r.status == .ok, "\(uri) → \(r.status)")
                        let text = String(buffer: r.body)
                        let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
                        #expect(rows != nil, "\(uri): \(text.prefix(200))")
                        #expect(
                            rows?.allSatisfy { ($0["schoolId"] as? String) == Self.ownSchool } == true,
                            "\(uri) shows another district's rows")
                        #expect(s.leaked(text).isEmpty, "\(uri) shows \(s.leaked(text).prefix(3))")
                        if uri == "/api/v1/trainings" { #expect(rows?.count == 1) }
                    }
                }
            }
        }
    }

    /// Issue #18: the import log, the audit trail (a district-admin's) and the `/` overview of a district-scoped
    /// role are its district's rows, figures and lines (200), and nothing of the other district; lines of no
    /// district are an unscoped role's only. A scoped district-viewer still reads no audit trail.
    @Test func aDistrictScopedRoleReadsItsDistrictsImportLogAuditTrailAndOverview() async throws {
        let s = try Setup()
        let db = s.d.store.db
        let log = try db.importLog()
        let ownFeeds = log.filter { $0.district == Self.code }.compactMap(\.feedId)
        let otherFeeds = log.filter { $0.district == "440608" }.compactMap(\.feedId)
        #expect(ownFeeds.count == 1 && otherFeeds.count == 1, "\(log.map(\.district))")
        // One line of each district and one of none, besides what the requests below append.
        let cli = Principal.commandLine(user: "test")
        try s.d.accounts.record("test.first", target: "first district", by: cli, school: "S0001")
        try s.d.accounts.record("test.own", target: "own district", by: cli, school: Self.ownSchool)
        try s.d.accounts.record("test.feed", target: "own feed", by: cli, district: Self.code)
        try s.d.accounts.record("test.none", target: "whole store", by: cli)
        let allNames = try db.schoolSummaries().map { ($0.id, $0.name) }
        let otherNames = allNames.filter { !$0.0.hasPrefix(Self.code) }.map(\.1)
            .filter { name in !allNames.contains { $0.0.hasPrefix(Self.code) && $0.1 == name } }
        #expect(!otherNames.isEmpty)
        try await s.d.app(imports: .live).test(.router) { client in
            for token in [s.token, s.viewerToken] {
                let auth: HTTPFields = [.authorization: "Bearer \(token)"]
                try await client.execute(uri: "/api/v1/imports", method: .get, headers: auth) { r in
                    #expect(r.status == .ok)
                    let text = String(buffer: r.body)
                    let rows = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]] ?? []
                    #expect(rows.compactMap { $0["feed"] as? String } == ownFeeds)
                    #expect(rows.allSatisfy { ($0["district"] as? String) == Self.code })
                    #expect(otherFeeds.allSatisfy { !text.contains($0) }, "the other district's feed is shown")
                }
                try await client.execute(uri: "/?asOf=2026-09-01", method: .get, headers: auth) { r in
                    #expect(r.status == .ok, "GET / → \(r.status)")
                    let page = String(buffer: r.body)
                    #expect(page.contains("/schools/\(Self.ownSchool)?"))
                    #expect(page.contains(Self.code))
                    #expect(s.leaked(page).isEmpty, "/ shows \(s.leaked(page).prefix(3))")
                    #expect(otherNames.allSatisfy { !page.contains(HTML.escape($0)) }, "/ names another district's school")
                }
            }
            // The admin's own write is audited under its district.
            try await Self.postOwnTraining(client, token: s.token)
            try await client.execute(
                uri: "/api/v1/audit", method: .get, headers: [.authorization: "Bearer \(s.token)"]
            ) { r in
                #expect(r.status == .ok)
                let lines = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]] ?? []
                #expect(lines.compactMap { $0["action"] as? String } == ["test.own", "test.feed", "training.add"])
                #expect(lines.allSatisfy { ($0["district"] as? String) == Self.code })
                #expect(lines.last?["actor"] as? String == "da-440111")
            }
            try await client.execute(
                uri: "/api/v1/audit", method: .get, headers: [.authorization: "Bearer \(s.viewerToken)"]
            ) { r in
                try expectError(r, .forbidden, "forbidden")
            }
            // An unscoped district-admin still reads the whole log, the whole trail and the whole store's overview.
            let whole: HTTPFields = [.authorization: "Bearer \(s.d.tokens[.districtAdmin]!)"]
            try await client.execute(uri: "/api/v1/imports", method: .get, headers: whole) { r in
                let rows = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]]
                #expect(rows?.count == log.count)
            }
            try await client.execute(uri: "/api/v1/audit", method: .get, headers: whole) { r in
                let lines = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]] ?? []
                let actions = Set(lines.compactMap { $0["action"] as? String })
                #expect(actions.isSuperset(of: ["test.first", "test.own", "test.feed", "test.none", "training.add"]))
            }
            try await client.execute(uri: "/?asOf=2026-09-01", method: .get, headers: whole) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("/schools/S0001?") && page.contains("/schools/\(Self.ownSchool)?"))
            }
        }
    }

    /// Issue #18: a district-scoped district-admin imports its own district's feed through the real importer; a
    /// feed of another district, or a file naming no district, is refused (403) before anything is written, and
    /// the refusal is audited.
    @Test func aDistrictScopedAdminImportsOnlyItsOwnDistrictsFeeds() async throws {
        let s = try Setup()
        let db = s.d.store.db
        let config = ServerConfiguration(token: nil, maxBodyBytes: 1 << 24, temporaryDirectory: s.d.store.directory)
        let deps = try ServerDependencies(
            database: db, imports: .live, accounts: s.d.accounts, verifyLimiter: VerifyRateLimiter())
        let app = Application(router: buildRouter(configuration: config, dependencies: deps))
        let own = s.d.store.directory + "/own.xml"
        let foreign = s.d.store.directory + "/foreign.xml"
        _ = try SampleFeedGenerator(schools: 2, seed: 3, district: Self.code).write(to: own)
        _ = try SampleFeedGenerator(schools: 1, seed: 4, district: "440608").write(to: foreign)
        let foreignBody = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: foreign)))
        let ownBody = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: own)))
        let before = try db.tableCounts()
        let auth: HTTPFields = [.authorization: "Bearer \(s.token)"]
        try await app.test(.router) { client in
            for (file, words) in [
                (foreignBody, "this feed is district 440608's; da-440111 may import only district 440111's feeds"),
                (ByteBuffer(string: "<enterprise/>"), "this file names no district"),
            ] {
                try await client.execute(uri: "/api/v1/imports", method: .post, headers: auth, body: file) { r in
                    try expectError(r, .forbidden, "forbidden")
                    #expect(String(buffer: r.body).contains(words), "\(String(buffer: r.body))")
                }
            }
            #expect(try db.tableCounts() == before)
            #expect(try db.schoolDistricts()["440608-S0001"] == nil)
            // The viewer may not import even its own district's feed.
            try await client.execute(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(s.viewerToken)"],
                body: ownBody
            ) { r in
                try expectError(r, .forbidden, "forbidden")
            }
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: auth, body: ownBody) { r in
                #expect(r.status == .ok, "\(String(buffer: r.body))")
                let status = try jsonObject(r)["status"] as? String
                #expect(status == "applied" || status == "partial")
            }
        }
        #expect(try db.tableCounts()["importLog"] == (before["importLog"] ?? 0) + 1)
        #expect(try db.schoolDistricts()["440111-S0002"] == "440111")
        let refused = try db.auditEntries(since: nil, actor: "da-440111", actions: ["import.refused"], target: nil)
        #expect(refused.count == 2)
        #expect(refused.first?.after?.contains(#""district":"440608""#) == true)
        #expect(try db.auditEntries(since: nil, actor: "da-440111", actions: ["import"], target: nil).count == 1)
    }
}
