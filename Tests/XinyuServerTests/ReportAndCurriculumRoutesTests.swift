import Certifications
import Curriculum
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuCore

@testable import XinyuServer

@Suite struct ReportAndCurriculumRoutesTests {
    @Test func quotaIsTheLibraryReport() async throws {
        let db = try sampleDatabase()
        let expected = try JSONOutput.encoder().encode(
            try QuotaReport.compute(
                in: db, year: SchoolYear(startYear: 2025), school: nil, includeTeachers: false, profilePath: nil))
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/quota?year=2025-2026", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body) == String(decoding: expected, as: UTF8.self) + "\n")
            }
            try await client.asAdmin(uri: "/api/v1/quota?year=2025&school=S002&teachers=true", method: .get) { r in
                let body = try jsonObject(r)
                #expect((body["schools"] as? [[String: Any]])?.map { $0["id"] as? String } == ["S002"])
                #expect((body["teachers"] as? [[String: Any]])?.count == 2)
            }
        }
    }

    @Test func quotaBadParameters() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/quota?year=abc", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
            try await client.asAdmin(uri: "/api/v1/quota?school=S999", method: .get) { r in
                try expectError(r, .notFound, "not_found")
            }
        }
    }

    @Test func lessonsAndActivitiesComeFromTheLibrary() async throws {
        let junior = try Curriculum.lessons(band: .junior)
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/lessons?band=junior", method: .get) { r in
                #expect(r.status == .ok)
                let rows = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]] ?? []
                #expect(rows.map { $0["id"] as? String } == junior.map(\.id))
                #expect(rows.allSatisfy { $0["source"] as? String == "bundled" && $0["band"] as? String == "junior" })
            }
            try await client.asAdmin(uri: "/api/v1/lessons?band=kindergarten", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
            try await client.asAdmin(uri: "/api/v1/lessons?theme=cooking", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
            if let first = junior.first {
                try await client.asAdmin(uri: "/api/v1/lessons/\(first.id)", method: .get) { r in
                    let doc = try jsonObject(r)
                    #expect((doc["lesson"] as? [String: Any])?["id"] as? String == first.id)
                    #expect((doc["entry"] as? [String: Any])?["source"] as? String == "bundled")
                }
            }
            try await client.asAdmin(uri: "/api/v1/lessons/no-such-lesson", method: .get) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/api/v1/activities", method: .get) { r in
                try #expect(try String(buffer: r.body) == JSONOutput.string(try Curriculum.activities()))
            }
        }
    }

    @Test func scheduleErrors() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for uri in [
                "/api/v1/schedule", "/api/v1/schedule.ics", "/api/v1/schedule?school=S001&term=2026-winter",
                "/api/v1/schedule?school=S001&from=2026-02-30", "/api/v1/schedule?school=S001&to=tomorrow",
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in try expectError(r, .badRequest, "bad_parameter") }
            }
            for uri in [
                "/api/v1/schedule?school=S999", "/api/v1/schedule.ics?school=S999",
                "/api/v1/schedule?school=S001", "/api/v1/schedule.ics?school=S001",
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in try expectError(r, .notFound, "not_found") }
            }
        }
    }

    /// A school built with every class unplaced answers its empty plan and every class's reason; a school never
    /// built is a 404.
    @Test func anAllUnplacedSchoolIsItsReasonsNotA404() async throws {
        let db = try sampleDatabase()
        let rules = try ScheduleRules.bundled()
        _ = try Curriculum.buildSchedule(in: db, term: try #require(Term("2026-fall")), school: "S002", rules: rules, levels: [:])
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/schedule?school=S002", method: .get) { r in
                #expect(r.status == .ok)
                let body = try jsonObject(r)
                #expect((body["sessions"] as? [Any])?.isEmpty == true)
                let unplaced = try #require(body["unplaced"] as? [[String: Any]])
                #expect(unplaced.map { $0["class"] as? String } == ["S002-1-1", "S002-1-2", "S002-1-3"])
                #expect(unplaced.allSatisfy { ($0["reason"] as? String)?.hasPrefix("no qualified teacher") == true })
            }
            try await client.asAdmin(uri: "/api/v1/schedule?school=S001", method: .get) { r in
                try expectError(r, .notFound, "not_found")
            }
        }
    }

    @Test func scheduleIsTheStoredView() async throws {
        let db = try sampleDatabase()
        let rules = try ScheduleRules.bundled()
        _ = try Curriculum.buildSchedule(
            in: db, term: try #require(Term("2026-fall")), school: "S001", rules: rules,
            levels: ["T001": .A])
        let view = try Curriculum.schedule(in: db, school: "S001", class: "S001-7-1")
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/schedule?school=S001&class=S001-7-1", method: .get) { r in
                #expect(r.status == .ok)
                try #expect(try String(buffer: r.body) == JSONOutput.string(view))
            }
            try await client.asAdmin(uri: "/api/v1/schedule.ics?school=S001&term=2026-fall", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix("text/calendar") == true)
                #expect(String(buffer: r.body).hasPrefix("BEGIN:VCALENDAR"))
            }
        }
    }
}
