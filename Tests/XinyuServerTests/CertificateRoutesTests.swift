import Certifications
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuAccounts
import XinyuCore

@testable import XinyuServer

/// `GET /certificates/{no}` within the roles' scopes, and the public, rate-limited `GET /verify/{code}` that shows
/// the masked name and nothing else.
@Suite(.serialized) struct CertificateRoutesTests {
    typealias District = AccessMatrixTests.District

    func auth(_ d: District, _ role: AccountRole) -> HTTPFields { [.authorization: "Bearer \(d.tokens[role]!)"] }

    @Test func aCertificatePageIsForTheTeacherTheirSchoolsAdminsAndTheDistrict() async throws {
        let d = try District()
        let own = try #require(d.ownCertificate)
        let other = try #require(d.otherCertificate)
        let teacher = try d.store.db.teacher(id: d.ownTeacher)
        try await d.app().test(.router) { client in
            for role in [AccountRole.teacher, .schoolAdmin, .districtViewer, .districtAdmin] {
                try await client.execute(uri: "/certificates/\(own)", method: .get, headers: auth(d, role)) { r in
                    #expect(r.status == .ok, "\(role)")
                    let html = String(buffer: r.body)
                    #expect(html.contains(teacher.name) && html.contains(own) && html.contains("验证码"), "\(role)")
                    #expect(r.headers[.contentSecurityPolicy] != nil && r.headers[.contentType]?.hasPrefix("text/html") == true)
                }
            }
            // Another school's certificate: unknown to a school's users, like a number that does not exist.
            for role in [AccountRole.teacher, .schoolAdmin, .planner] {
                try await client.execute(uri: "/certificates/\(other)", method: .get, headers: auth(d, role)) { r in
                    try expectError(r, .notFound, "not_found")
                    #expect(!String(buffer: r.body).contains(d.otherTeacher))
                }
            }
            try await client.execute(uri: "/certificates/\(own)", method: .get, headers: auth(d, .planner)) { r in
                try expectError(r, .forbidden, "forbidden")
            }
            try await client.execute(uri: "/certificates/\(own)", method: .get, headers: auth(d, .feed)) { r in
                try expectError(r, .forbidden, "forbidden")
            }
            try await client.execute(uri: "/certificates/NO-SUCH", method: .get, headers: auth(d, .districtAdmin)) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.execute(uri: "/certificates/\(own)", method: .get) { r in #expect(r.status == .unauthorized) }
        }
        // The first view issued the code, audited with who asked.
        let lines = try d.store.db.auditEntries(since: nil, actor: nil, actions: ["certificate.code"], target: own)
        #expect(lines.map(\.actor) == ["user-teacher"])
    }

    @Test func verificationIsPublicMaskedAndRateLimited() async throws {
        #expect(OpenAPIDocument.roles["get /verify/{code}"] == nil)
        let roles = OpenAPIDocument.roles["get /certificates/{no}"]
        #expect(roles == ["district-admin", "district-viewer", "region-viewer", "school-admin", "teacher"])
        let d = try District()
        let own = try #require(d.ownCertificate)
        let profile = try RuleProfile.load(path: nil)
        let view = try Certificates.view(
            number: own, in: d.store.db, asOf: Day.today(), profile: profile, issueCode: true,
            actor: "cli:test")
        let code = try #require(view.code)
        let teacher = try d.store.db.teacher(id: d.ownTeacher)
        // A stopped clock: the 30 requests of the minute are all there is.
        let stopped = Date()
        try await d.app(limiter: VerifyRateLimiter(clock: { stopped })).test(.router) { client in
            try await client.execute(uri: "/verify/\(VerificationCode.grouped(code).lowercased())", method: .get) { r in
                #expect(r.status == .ok)
                let html = String(buffer: r.body)
                #expect(html.contains(MaskedName.mask(teacher.name)) && html.contains("\(view.level.rawValue) 级"))
                #expect(html.contains(view.issued.description) && html.contains(view.cycleEnd.description))
                #expect(
                    !html.contains(teacher.name) && !html.contains(own) && !html.contains(teacher.id)
                        && !html.contains(teacher.schoolId) && !html.contains(view.schoolName))
                #expect(r.headers[.contentSecurityPolicy] != nil && r.headers[.xFrameOptions] == "DENY")
            }
            try await client.execute(uri: "/verify/0000000000000000000000000A?lang=en", method: .get) { r in
                #expect(r.status == .notFound && String(buffer: r.body).contains("No certificate has this verification code"))
            }
            try Certificates.revoke(number: own, reason: "核查不实", in: d.store.db, actor: "cli:test")
            try await client.execute(uri: "/verify/\(code)?lang=en", method: .get) { r in
                #expect(r.status == .ok && String(buffer: r.body).contains("revoked"))
            }
            // 30 a minute per address, then 429 with Retry-After.
            var statuses: [Int] = []
            for _ in 0..<30 {
                statuses.append(
                    try await client.execute(
                        uri: "/verify/\(code)", method: .get,
                        headers: [.xForwardedFor: "203.0.113.7"]
                    ) { r in r.status.code })
            }
            #expect(statuses == [Int](repeating: 200, count: 30))
            try await client.execute(uri: "/verify/\(code)", method: .get, headers: [.xForwardedFor: "203.0.113.7"]) { r in
                try expectError(r, .tooManyRequests, "rate_limited")
                #expect(Int(r.headers[.retryAfter] ?? "") ?? 0 >= 1)
            }
            try await client.execute(uri: "/verify/\(code)", method: .get, headers: [.xForwardedFor: "203.0.113.8"]) { r in
                #expect(r.status == .ok)
            }
        }
    }

    @Test func theLimiterRefillsOverTheMinute() {
        let limiter = VerifyRateLimiter(perMinute: 3)
        let t0 = Date(timeIntervalSince1970: 0)
        #expect((0..<3).map { _ in limiter.take("a", now: t0) } == [nil, nil, nil])
        #expect(limiter.take("a", now: t0) == 20)
        #expect(limiter.take("b", now: t0) == nil)
        #expect(limiter.take("a", now: t0.addingTimeInterval(20)) == nil)
        #expect(limiter.take("a", now: t0.addingTimeInterval(20)) != nil)
    }
}
