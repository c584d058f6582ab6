import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import XinyuCore
@testable import XinyuServer

/// Issue #15's routes: a training posted as JSON, its sign-in sheet posted as a CSV body, a submission posted as a
/// form with a file, reviews, the evidence file, and the errors they answer.
@Suite struct TrainingRoutesTests {
    let auth: HTTPFields = [.authorization: "Bearer t0k", .contentType: "application/json"]

    @Test func aTrainingItsSheetAndItsReview() async throws {
        let db = try sampleDatabase()
        try await testApp(db, token: "t0k").test(.router) { client in
            let training =
                #"{"school":"S001","training":{"title":"全员培训","category":"professional","tier":60,"mode":2,"#
                + #""hours":"3","date":"2026-03-01"}}"#
            try await client.execute(uri: "/api/v1/trainings", method: .post, body: ByteBuffer(string: training)) { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: auth,
                body: ByteBuffer(string: training)
            ) { r in
                #expect(r.status == .created)
                let id = try (jsonObject(r)["course"] as? [String: Any])?["id"] as? String
                #expect(id == "S001-T0001")
            }
            let badHours = training.replacingOccurrences(of: #""hours":"3""#, with: #""hours":"600""#)
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: auth,
                body: ByteBuffer(string: badHours)
            ) { r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: auth,
                body: ByteBuffer(string: "{]")
            ) { r in
                try expectError(r, .badRequest, "bad_request")
            }
            let unknownSchool = training.replacingOccurrences(of: "S001", with: "S404")
            try await client.execute(
                uri: "/api/v1/trainings", method: .post, headers: auth,
                body: ByteBuffer(string: unknownSchool)
            ) { r in
                try expectError(r, .notFound, "not_found")
            }
            let sheet = ByteBuffer(string: "工号,姓名,学时\nT001,王芳,3\nT002,李强,2\nT404,无名,3\n")
            try await client.execute(
                uri: "/api/v1/trainings/S001-T0001/attendance", method: .post, headers: auth,
                body: sheet
            ) { r in
                #expect(r.status == .ok)
                let s = try jsonObject(r)
                #expect(s["status"] as? String == "partial" && s["added"] as? Int == 2 && s["file"] as? String == "upload")
            }
            try await client.execute(
                uri: "/api/v1/trainings/S001-T0001/attendance?strict=true", method: .post, headers: auth,
                body: sheet
            ) { r in
                let status = try jsonObject(r)["status"] as? String
                #expect(r.status == .badRequest && status == "rejected")
            }
            try await client.execute(uri: "/api/v1/trainings/C404/attendance", method: .post, headers: auth, body: sheet) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.execute(
                uri: "/api/v1/trainings/S001-T0001/attendance", method: .post, headers: auth,
                body: ByteBuffer(string: "nothing,here\n1,2\n")
            ) { r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.execute(uri: "/api/v1/approvals?state=submitted", method: .get, headers: auth) { r in
                let list = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]]
                #expect(list?.count == 2)
            }
            try await client.execute(
                uri: "/api/v1/approvals/approve", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"course":"S001-T0001"}"#)
            ) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/approvals/certify", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"ids":[1]}"#)
            ) { r in
                let lines = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]]
                #expect(lines?.first?["to"] as? String == "certified" && lines?.first?["actor"] as? String == "bootstrap")
            }
            try await client.execute(
                uri: "/api/v1/approvals/certify", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"ids":[1]}"#)
            ) { r in
                try expectError(r, .conflict, "conflict")
            }
            try await client.execute(
                uri: "/api/v1/approvals/return", method: .post, headers: auth,
                body: ByteBuffer(string: #"{"ids":[2]}"#)
            ) { r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.execute(
                uri: "/api/v1/approvals/bless", method: .post, headers: auth,
                body: ByteBuffer(string: "{}")
            ) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.execute(uri: "/api/v1/teachers/T001/ledger?asOf=2026-06-30", method: .get, headers: auth) { r in
                let total = try jsonObject(r)["totalHours"] as? Double
                #expect(total == 3)
            }
            try await client.execute(uri: "/api/v1/trainings/S001-T0001/template?format=csv", method: .get, headers: auth) { r in
                #expect(r.status == .ok && String(buffer: r.body).contains("王芳"))
            }
        }
    }

    @Test func aSubmissionFormWithItsEvidence() async throws {
        let db = try sampleDatabase()
        try await testApp(db, token: "t0k").test(.router) { client in
            func form(_ file: [UInt8]) -> ByteBuffer {
                var b = ByteBuffer()
                for (k, v) in [("teacher", "T004"), ("title", "省网络研修"), ("hours", "10"), ("date", "2026-04-01"), ("mode", "3")] {
                    b.writeString("--XYZ\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
                }
                b.writeString("--XYZ\r\nContent-Disposition: form-data; name=\"evidence\"; filename=\"证书.png\"\r\n")
                b.writeString("Content-Type: image/png\r\n\r\n")
                b.writeBytes(file)
                b.writeString("\r\n--XYZ--\r\n")
                return b
            }
            let headers: HTTPFields = [.authorization: "Bearer t0k", .contentType: "multipart/form-data; boundary=XYZ"]
            let token: HTTPFields = [.authorization: "Bearer t0k"]
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            try await client.execute(
                uri: "/api/v1/submissions", method: .post, headers: headers,
                body: form(Array("GIF89a".utf8))
            ) { r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.execute(uri: "/api/v1/submissions", method: .post, headers: headers, body: form(png)) { r in
                #expect(r.status == .created)
                let e = try jsonObject(r)
                #expect(e["state"] as? String == "submitted" && e["courseId"] as? String == "S002-X0001")
                #expect(e["teacherId"] as? String == "T004")
            }
            try await client.execute(uri: "/api/v1/submissions/1/evidence", method: .get) { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            try await client.execute(uri: "/api/v1/submissions/1/evidence", method: .get, headers: token) { r in
                #expect(r.status == .ok && r.headers[.contentType] == "image/png" && Array(r.body.readableBytesView) == png)
            }
            try await client.execute(uri: "/api/v1/submissions/9/evidence", method: .get, headers: token) { r in
                try expectError(r, .notFound, "not_found")
            }
            // Returned, then corrected and sent again as JSON: submitted, the new hours, the stored evidence kept.
            let json: HTTPFields = [.authorization: "Bearer t0k", .contentType: "application/json"]
            try await client.execute(
                uri: "/api/v1/approvals/return", method: .post, headers: json,
                body: ByteBuffer(string: #"{"ids":[1],"reason":"学时与证书不符"}"#)
            ) { r in
                #expect(r.status == .ok)
            }
            let correction = #"{"training":{"title":"省网络研修","hours":"8","date":"2026-04-01","mode":3}}"#
            try await client.execute(
                uri: "/api/v1/submissions/1", method: .post, headers: json, body: ByteBuffer(string: correction)
            ) { r in
                #expect(r.status == .ok)
                let e = try jsonObject(r)
                #expect(e["state"] as? String == "submitted" && e["hours"] as? Double == 8 && e["evidence"] != nil)
            }
            #expect(try db.recordTransitions(entry: 1).map(\.to) == [.submitted, .returned, .submitted])
            #expect(try db.evidence(entry: 1)?.bytes == png)
            try await client.execute(
                uri: "/api/v1/submissions/9", method: .post, headers: json, body: ByteBuffer(string: correction)
            ) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.execute(uri: "/api/v1/submissions/1", method: .post, headers: json, body: ByteBuffer(string: "{}")) {
                r in
                try expectError(r, .badRequest, "bad_request")
            }
            try await client.execute(
                uri: "/api/v1/approvals/approve", method: .post, headers: json, body: ByteBuffer(string: #"{"ids":[1]}"#)
            ) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/submissions/1", method: .post, headers: json, body: ByteBuffer(string: correction)
            ) { r in
                try expectError(r, .conflict, "conflict")
            }
        }
    }
}
