import Certifications
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import XinyuCore
@testable import XinyuServer

@Suite struct CoverageRoutesTests {
    /// The sample district plus awards: T001 holds A (expiring 2026-05-01), T004 holds B, T002 holds C.
    func certifiedDatabase() throws -> AppDatabase {
        let db = try sampleDatabase()
        try db.writer.write { d in
            try Award(teacherId: "T001", level: .A, issued: Day("2021-05-01")!, number: nil, expires: Day("2026-05-01")).insert(d)
            try Award(teacherId: "T004", level: .B, issued: Day("2024-01-10")!, number: nil, expires: nil).insert(d)
            try Award(teacherId: "T002", level: .C, issued: Day("2023-03-01")!, number: nil, expires: nil).insert(d)
        }
        return db
    }

    @Test func coverageIsTheCLIJSON() async throws {
        let db = try certifiedDatabase()
        let asOf = Day("2026-03-01")!
        let report = try CoverageReport.compute(in: db, asOf: asOf, school: nil, profile: try RuleProfile.load(path: nil))
        #expect(report.district.certified.A == 1)
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-03-01", method: .get) { r in
                #expect(r.status == .ok)
                try #expect(String(buffer: r.body) == JSONOutput.string(report))
            }
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-02-30", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
        }
    }

    @Test func coveragePerSchool() async throws {
        let db = try certifiedDatabase()
        let expected = try CoverageReport.compute(
            in: db, asOf: Day("2026-03-01")!, school: "S002", profile: try RuleProfile.load(path: nil))
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/coverage/S002?asOf=2026-03-01", method: .get) { r in
                #expect(r.status == .ok)
                try #expect(String(buffer: r.body) == JSONOutput.string(expected))
                let schools = try jsonObject(r)["schools"] as? [[String: Any]]
                #expect(schools?.map { $0["id"] as? String } == ["S002"])
            }
            try await client.asAdmin(uri: "/api/v1/coverage/S999", method: .get) { r in try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/api/v1/coverage/S001?asOf=20260301", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
        }
    }

    @Test func coverageIsCachedUntilAnImport() async throws {
        let db = try certifiedDatabase()
        let cache = ReportCache()
        let probe = ImportProbe()
        try await testApp(db, imports: probe.service, cache: cache).test(.router) { client in
            for _ in 0..<3 {
                try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-03-01", method: .get) { #expect($0.status == .ok) }
            }
            #expect(await cache.computations == 1)
            // The store changes behind the cache; only an import through the API invalidates it.
            try await db.writer.write { d in
                try Award(teacherId: "T005", level: .C, issued: Day("2025-01-01")!, number: nil, expires: nil).insert(d)
            }
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-03-01", method: .get) { r in
                try #expect(
                    (try jsonObject(r)["district"] as? [String: Any]).flatMap {
                        ($0["certified"] as? [String: Any])?["C"] as? Int
                    } == 3)
            }
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"],
                body: ByteBuffer(string: "<x/>")
            ) { _ in }
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-03-01", method: .get) { r in
                try #expect(
                    (try jsonObject(r)["district"] as? [String: Any]).flatMap {
                        ($0["certified"] as? [String: Any])?["C"] as? Int
                    } == 4)
            }
            #expect(await cache.computations == 2)
        }
    }

    /// A write by another process (the CLI) raises the store's data version; the next request sees the new data.
    @Test func coverageCacheNoticesImportsByOtherProcesses() async throws {
        let db = try certifiedDatabase()
        let cache = ReportCache()
        try await testApp(db, cache: cache).test(.router) { client in
            func certifiedC() async throws -> Int? {
                var c: Int?
                try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-03-01", method: .get) { r in
                    c = (try jsonObject(r)["district"] as? [String: Any]).flatMap {
                        ($0["certified"] as? [String: Any])?["C"] as? Int
                    }
                }
                return c
            }
            #expect(try await certifiedC() == 3)
            #expect(try await certifiedC() == 3)
            #expect(await cache.computations == 1)
            try await db.writer.write { d in
                try Award(teacherId: "T005", level: .C, issued: Day("2025-01-01")!, number: nil, expires: nil).insert(d)
                try AppDatabase.recordChange(d)  // as every write operation of the product does in its transaction
            }
            #expect(try await certifiedC() == 4)
            #expect(await cache.computations == 2)
        }
    }

    @Test func teacherLedger() async throws {
        let db = try certifiedDatabase()
        let ledger = try CertificationEngine.ledger(
            teacherId: "T001", in: db, asOf: Day("2026-03-01")!, profile: try RuleProfile.load(path: nil))
        #expect(ledger.profile == "default")  // the bundled profile by its name, never its path in the build
        let expected = ledger
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/teachers/T001/ledger?asOf=2026-03-01", method: .get) { r in
                #expect(r.status == .ok)
                try #expect(String(buffer: r.body) == JSONOutput.string(expected))
            }
            try await client.asAdmin(uri: "/api/v1/teachers/T999/ledger", method: .get) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/api/v1/teachers/T001/ledger?asOf=yesterday", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
        }
    }

    @Test func dashboardShowsCoverageGapsAndExpiring() async throws {
        let db = try certifiedDatabase()
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/?asOf=2026-03-01", method: .get) { r in
                let html = String(buffer: r.body)
                #expect(html.components(separatedBy: "<svg").count - 1 == 2)
                #expect(html.contains("各校持证覆盖率"))
                // T001's A award ends 2026-05-01, within 180 days, with no renewal hours.
                #expect(html.contains("<td>T001 王芳</td>"))
                #expect(html.contains("2026-05-01"))
            }
            try await client.asAdmin(uri: "/?asOf=2026-03-01&lang=en", method: .get) { r in
                #expect(String(buffer: r.body).contains("Teachers expiring within 180 days"))
            }
        }
        // Without a B-or-A psych teacher, S001 is listed (T001's A has lapsed by 2026-06-01).
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/?asOf=2026-06-01", method: .get) { r in
                let html = String(buffer: r.body)
                let after = html.components(separatedBy: "没有合格心理教师").last ?? ""
                let section = after.components(separatedBy: "</section>").first ?? ""
                #expect(section.contains("<li>S001 <a href=\"/schools/S001?lang=zh&amp;asOf=2026-06-01\">第一中学</a></li>"))
                #expect(!section.contains("<li>S002"))
            }
        }
    }
}

@Suite struct LiveImportTests {
    static let feed = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="urn:xinyu:district-feed:1" id="440106-test-1" district="440106" generated="2026-11-01T08:00:00+08:00" \
        mode="delta">
          <schools><school id="S0101" stage="primary" counselingRoom="true"><name>测试小学</name>\
        <grade level="1" classes="2"/></school></schools>
          <teachers><teacher id="T0101" school="S0101" role="class-teacher" hired="2018-09-01" status="active">\
        <name>测试</name></teacher></teachers>
        </feed>
        """

    @Test func realImporterAppliesAndLogsAFeed() async throws {
        let db = try AppDatabase.inMemory()
        try await testApp(db, maxBodyBytes: 1 << 20).test(.router) { client in
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"],
                body: ByteBuffer(string: Self.feed)
            ) { r in
                #expect(r.status == .ok)
                let body = try jsonObject(r)
                #expect(body["status"] as? String == "applied")
                #expect(body["feed"] as? String == "440106-test-1")
            }
            try await client.asAdmin(uri: "/api/v1/teachers/T0101", method: .get) { r in #expect(r.status == .ok) }
            try await client.asAdmin(uri: "/api/v1/imports", method: .get) { r in
                let log = try JSONSerialization.jsonObject(with: Data(String(buffer: r.body).utf8)) as? [[String: Any]]
                #expect(log?.map { $0["status"] as? String } == ["applied"])
            }
        }
    }

    @Test func realImporterRejectsAWholeDocumentWith400() async throws {
        let db = try AppDatabase.inMemory()
        try await testApp(db, maxBodyBytes: 1 << 20).test(.router) { client in
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"],
                body: ByteBuffer(string: "<feed><unclosed></feed>")
            ) { r in
                #expect(r.status == .badRequest)
                let body = try jsonObject(r)
                #expect(body["status"] as? String == "rejected")
                #expect((body["rejected"] as? [Any])?.isEmpty == false)
            }
            try await client.asAdmin(uri: "/health", method: .get) { r in try #expect(try jsonObject(r)["schools"] as? Int == 0) }
        }
    }
}
