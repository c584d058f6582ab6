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
/// data a 403, and no id of the first district in any body) and then reads and writes its own district.
@Suite(.serialized) struct DistrictScopeRoutesTests {
    static let code = "440111"
    static let ownSchool = "440111-S0001"

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
            // Whole-store data and whole-store writes are refused.
            for (uri, m) in [
                ("/api/v1/imports", HTTPRequest.Method.get), ("/api/v1/audit", .get), ("/api/v1/imports", .post),
            ] {
                try await client.execute(uri: uri, method: m, headers: auth, body: ByteBuffer(string: "<feed/>")) { r in
                    #expect(r.status == .forbidden, "\(m) \(uri) → \(r.status)")
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
                try await client.execute(uri: "/", method: .get, headers: auth) { r in
                    #expect(r.status == .seeOther || r.status == .found)
                    #expect(r.headers[.location]?.hasPrefix("/schools/\(Self.ownSchool)") == true)
                }
            }
            // The admin writes inside its district; the viewer writes nothing.
            let training =
                #"{"school":"\#(Self.ownSchool)","training":{"title":"校本培训","tier":60,"mode":2,"#
                + #""category":"professional","hours":"2","date":"2026-05-01"}}"#
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: [.authorization: "Bearer \(s.token)"],
                body: ByteBuffer(string: training)
            ) { r in
                #expect(r.status == .created, "\(String(buffer: r.body))")
            }
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: [.authorization: "Bearer \(s.viewerToken)"],
                body: ByteBuffer(string: training)
            ) { r in
                #expect(r.status == .forbidden)
            }
        }
    }
}
