import Curriculum
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuCore

@testable import XinyuServer

/// Issue #19 over HTTP: a plan added from a YAML body (errors name the body's line), versions, review, search and
/// the printable page; the school's page and the district dashboard list them. Roles: ``AccessMatrixTests``.
@Suite struct LessonLibraryRoutesTests {
    static let plan = """
        id: S001-calm
        band: junior
        theme: emotions
        title: 考前不紧张 <b>
        titleEn: Calm before exams
        objectives: [学会深呼吸放松]
        minutes: 45
        warmUp: 吹气球
        main: {form: discussion, description: 讨论考试焦虑}
        closing: 写一句给自己的话

        """

    @Test func aPlanFromBodyToDistrictLibraryAndItsPrintedPage() async throws {
        let db = try sampleDatabase()
        try await testApp(db, maxBodyBytes: 1 << 20).test(.router) { client in
            let bad = Self.plan.replacingOccurrences(of: "minutes: 45", with: "minutes: 25")
            try await client.asAdmin(uri: "/api/v1/lessons?school=S001", method: .post, body: ByteBuffer(string: bad)) { r in
                try expectError(r, .badRequest, "bad_request")
                #expect(String(buffer: r.body).contains("request body:7: minutes: 25 is not 30–50"))
            }
            try await client.asAdmin(uri: "/api/v1/lessons?school=S999", method: .post, body: ByteBuffer(string: Self.plan)) {
                r in
                #expect(r.status == .notFound)
            }
            try await client.asAdmin(uri: "/api/v1/lessons?school=S001", method: .post, body: ByteBuffer(string: Self.plan)) {
                r in
                #expect(r.status == .created)
                try #expect(try jsonObject(r)["version"] as? Int == 1)
            }
            try await client.asAdmin(uri: "/api/v1/lessons?school=S001", method: .post, body: ByteBuffer(string: Self.plan)) {
                r in
                try expectError(r, .conflict, "conflict")
            }
            let json =
                #"{"band": "junior", "theme": "emotions", "title": "考前不紧张（二稿）", "titleEn": "Calm", "#
                + #""objectives": ["深呼吸"], "minutes": 45, "warmUp": "吹气球", "#
                + #""main": {"form": "discussion", "description": "讨论"}, "closing": "写一句话"}"#
            try await client.asAdmin(
                uri: "/api/v1/lessons/S001-calm/versions", method: .post, body: ByteBuffer(string: json)
            ) { r in
                #expect(r.status == .ok)
                try #expect(try jsonObject(r)["version"] as? Int == 2)
            }
            try await client.asAdmin(uri: "/api/v1/lessons/S001-calm/history", method: .get) { r in
                #expect(String(buffer: r.body).components(separatedBy: "\"version\"").count == 3)
            }
            try await client.asAdmin(uri: "/api/v1/lessons/S001-calm?version=1", method: .get) { r in
                try #expect(((try jsonObject(r)["lesson"]) as? [String: Any])?["title"] as? String == "考前不紧张 <b>")
            }
            try await client.asAdmin(uri: "/api/v1/lessons?q=%E6%B7%B1%E5%91%BC%E5%90%B8&source=school", method: .get) { r in
                #expect(String(buffer: r.body).contains("S001-calm"))  // 深呼吸
            }
            try await client.asAdmin(uri: "/api/v1/lessons/S001-calm/propose", method: .post) { r in
                #expect(r.status == .ok)
            }
            try await client.asAdmin(uri: "/", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("待审核的校本教案") && page.contains("/lessons/S001-calm.html"))
            }
            try await client.asAdmin(uri: "/api/v1/lessons/S001-calm/return", method: .post, body: ByteBuffer(string: "{}")) {
                r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.asAdmin(
                uri: "/api/v1/lessons/S001-calm/return", method: .post, body: ByteBuffer(string: #"{"reason":"请补充教具"}"#)
            ) { r in
                try #expect(try jsonObject(r)["state"] as? String == "returned")
            }
            try await client.asAdmin(uri: "/schools/S001", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(page.contains("校本教案") && page.contains("已退回：请补充教具"))
            }
            try await client.asAdmin(uri: "/api/v1/lessons/S001-calm/approve", method: .post) { r in
                try expectError(r, .conflict, "conflict")  // returned, not proposed
            }
            try await client.asAdmin(uri: "/api/v1/lessons/low-01/retire", method: .post) { r in
                try expectError(r, .badRequest, "bad_request")  // bundled: read-only
            }
            try await client.asAdmin(uri: "/api/v1/lessons/nope/retire", method: .post) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/lessons/S001-calm.html?version=1", method: .get) { r in
                let page = String(buffer: r.body)
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(page.contains("考前不紧张 &lt;b&gt;") && !page.contains("不紧张 <b>") && page.contains("课后反思"))
            }
            try await client.asAdmin(uri: "/api/v1/lessons/low-01/copy?school=S002", method: .post) { r in
                try #expect(r.status == .created && (try jsonObject(r)["id"] as? String) == "S002-low-01")
            }
        }
        let trail = try db.auditEntries(since: nil, actor: nil, actions: nil, target: "lesson S001-calm").map(\.action)
        #expect(trail == ["lesson.add", "lesson.edit", "lesson.propose", "lesson.return"])
    }

    /// Found by api-fuzz (`q=7b_3h%09%00…` was a 500): a search text or any other query parameter with a NUL or
    /// another control character (tab included: no form field sends one) is one clear 400 naming the parameter,
    /// never a server error.
    @Test func aQueryParameterWithAControlCharacterIsABadRequest() async throws {
        let db = try sampleDatabase()
        try await testApp(db).test(.router) { client in
            for q in ["7b_3h%09%00%F1%91%8C%BA", "%00", "a%00", "%E6%83%85%00", "ab%01c", "%E6%B7%B1%E5%91%BC%E5%90%B8%00"] {
                try await client.asAdmin(uri: "/api/v1/lessons?q=\(q)&kind=lesson", method: .get) { r in
                    try expectError(r, .badRequest, "bad_parameter")
                    #expect(String(buffer: r.body).contains("q=: contains a control character"))
                }
            }
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026%00", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
            try await client.asAdmin(uri: "/api/v1/lessons?q=%E6%83%85%E7%BB%AA&kind=lesson", method: .get) { r in
                #expect(r.status == .ok)  // 情绪: the same route with a plain text still answers
            }
        }
    }
}
