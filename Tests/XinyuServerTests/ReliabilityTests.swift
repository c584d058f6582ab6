import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import Importers
import Synchronization
import Testing
import XinyuCore

@testable import XinyuServer

/// Issue #12: one request must never kill, hang or stall the server.
@Suite struct ReliabilityTests {
    @Test func datesAndTermsOutsideTheSupportedYearsAre400NotACrash() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for uri in [
                "/?asOf=0001-01-01", "/?asOf=0001-08-31", "/?asOf=9999-09-01", "/?asOf=9999-12-31",
                "/api/v1/coverage?asOf=0001-01-01", "/api/v1/coverage/S001?asOf=9999-12-31",
                "/api/v1/teachers/T001/ledger?asOf=9999-12-31",
                "/api/v1/schedule?school=S001&term=9999-fall", "/api/v1/schedule?school=S001&term=0000-fall",
                "/api/v1/schedule.ics?school=S001&term=0000-spring", "/api/v1/quota?year=9999-10000",
                "/api/v1/schedule?school=S001&from=0001-01-01",
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in try expectError(r, .badRequest, "bad_parameter") }
            }
            // The edges of the supported range still answer.
            try await client.asAdmin(uri: "/api/v1/coverage?asOf=2199-12-31", method: .get) { r in #expect(r.status == .ok) }
            try await client.asAdmin(uri: "/?asOf=1900-01-01", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    @Test func emptyOrMalformedQueryValuesAre400() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for uri in [
                "/api/v1/coverage?asOf=", "/?asOf=", "/api/v1/quota?teachers=banana", "/api/v1/quota?teachers=",
                "/api/v1/teachers?limit=", "/api/v1/teachers?school=", "/api/v1/schedule?school=S001&term=",
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in try expectError(r, .badRequest, "bad_parameter") }
            }
            try await client.asAdmin(uri: "/api/v1/quota?year=2025-2026&teachers=true", method: .get) { r in
                #expect(r.status == .ok)
            }
            try await client.asAdmin(uri: "/api/v1/quota?year=2025-2026&teachers=0", method: .get) { r in #expect(r.status == .ok)
            }
        }
    }

    @Test func otherMethodsOnKnownRoutesAre405WithAllow() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for (method, uri) in [
                (HTTPRequest.Method.trace, "/health"), (.put, "/api/v1/schools"), (.delete, "/api/v1/teachers/T001"),
                (.put, "/api/v1/imports"), (.patch, "/"),
            ] {
                try await client.asAdmin(uri: uri, method: method) { r in
                    try expectError(r, .methodNotAllowed, "method_not_allowed")
                    #expect(r.headers[.allow]?.contains("GET") == true, "\(method) \(uri)")
                }
            }
            try await client.asAdmin(uri: "/api/v1/imports", method: .delete) { r in
                #expect(r.headers[.allow]?.contains("POST") == true)
            }
            // An unknown path stays a 404 whatever the method.
            try await client.asAdmin(uri: "/api/v1/nothing", method: .put) { r in try expectError(r, .notFound, "not_found") }
        }
    }

    @Test func busyOrFullStoreIs503WithRetryAfter() async throws {
        for code in [ResultCode.SQLITE_BUSY, .SQLITE_FULL] {
            let busy = ImportService(
                importFile: { _, _ in throw DatabaseError(resultCode: code, message: "database is locked") },
                log: { _, _ in throw DatabaseError(resultCode: code) })
            try await testApp(try sampleDatabase(), imports: busy).test(.router) { client in
                try await client.asAdmin(
                    uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"],
                    body: ByteBuffer(string: "<feed/>")
                ) { r in
                    try expectError(r, .serviceUnavailable, "store_busy")
                    #expect(r.headers[.retryAfter].flatMap(Int.init) ?? 0 > 0)
                }
                try await client.asAdmin(uri: "/api/v1/imports", method: .get) { r in
                    try expectError(r, .serviceUnavailable, "store_busy")
                }
            }
        }
    }

    /// PostgreSQL's busy, overloaded and full errors arrive as typed ``StoreError``s (see `StoreError.postgres`):
    /// each is a 503 with `Retry-After` too.
    @Test func typedTemporaryStoreErrorsAre503WithRetryAfter() async throws {
        let url = "postgres://ops@db/xinyu"
        let errors: [StoreError] = [
            .busy(path: url, holder: nil, waited: 2), .overloaded(path: url, reason: "the server has no connection left"),
            .full(path: url),
        ]
        for error in errors {
            let failing = ImportService(importFile: { _, _ in throw error }, log: { _, _ in throw error })
            try await testApp(try sampleDatabase(), imports: failing).test(.router) { client in
                try await client.asAdmin(
                    uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"],
                    body: ByteBuffer(string: "<feed/>")
                ) { r in
                    try expectError(r, .serviceUnavailable, "store_busy")
                    #expect(r.headers[.retryAfter].flatMap(Int.init) ?? 0 > 0)
                    #expect(!String(buffer: r.body).contains(url))
                }
            }
        }
    }

    @Test func importLogShowsNoServerPathsAndRefusedRequestsLeaveNoRow() async throws {
        let store = try TemporaryStore()
        let feedDir = store.directory + "/secret-server-dir"
        try FileManager.default.createDirectory(atPath: feedDir, withIntermediateDirectories: true)
        try tinyFeed(id: "cli-feed").write(toFile: feedDir + "/cli.xml", atomically: true, encoding: .utf8)
        _ = try FeedImporter.importFile(at: feedDir + "/cli.xml", into: store.db, options: ImportOptions())
        try await testApp(store.db, maxBodyBytes: 1 << 20).test(.router) { client in
            let body = ByteBuffer(string: tinyFeed(id: "api-feed"))
            try await client.asAdmin(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer wrong"], body: body)
            { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer \(adminToken)"], body: body
            ) { r in
                #expect(r.status == .ok)
                let text = String(buffer: r.body)
                #expect(!text.contains(NSTemporaryDirectory()) && !text.contains("xinyu-upload"), "\(text)")
                try #expect(try jsonObject(r)["file"] as? String == ImportService.uploadName)
            }
            try await client.asAdmin(uri: "/api/v1/imports", method: .get) { r in
                let text = String(buffer: r.body)
                #expect(
                    !text.contains("secret-server-dir") && !text.contains(store.directory) && !text.contains("xinyu-upload"),
                    "\(text)")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
                #expect(rows.map { $0["file"] as? String } == ["cli.xml", ImportService.uploadName])
            }
        }
        // The refused request added nothing: two attempts logged, the CLI's and the accepted upload.
        #expect(try FeedImporter.importLog(in: store.db).count == 2)
    }

    @Test func theLedgerNamesTheProfileFileNotItsServerPath() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/teachers/T001/ledger?asOf=2026-03-01", method: .get) { r in
                #expect(r.status == .ok)
                try #expect(try jsonObject(r)["profile"] as? String == "default")
            }
        }
    }

    @Test func uploadsLeftByAKilledServerAreSweptAtStart() throws {
        let dir = try TemporaryStore().directory
        let dead = "\(dir)/xinyu-upload-\(Int32.max - 7)-\(UUID().uuidString).xml"  // no such process
        let live = "\(dir)/xinyu-upload-\(getpid())-\(UUID().uuidString).xml"
        let other = "\(dir)/unrelated.xml"
        for f in [dead, live, other] { FileManager.default.createFile(atPath: f, contents: Data("x".utf8)) }
        #expect(kill(Int32.max - 7, 0) != 0)
        _ = try buildApplication(configuration: ServerConfiguration(temporaryDirectory: dir), database: try sampleDatabase())
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
        #expect(FileManager.default.fileExists(atPath: other))
    }

    @Test func cachedReportsNoticeAWriteByAnotherProcess() async throws {
        let store = try TemporaryStore()
        try tinyFeed(id: "f1").write(toFile: store.directory + "/f1.xml", atomically: true, encoding: .utf8)
        _ = try FeedImporter.importFile(at: store.directory + "/f1.xml", into: store.db, options: ImportOptions())
        let cache = ReportCache()
        try await testApp(store.db, cache: cache).test(.router) { client in
            func teachers() async throws -> Int {
                try await client.asAdmin(uri: "/api/v1/coverage?asOf=2026-09-01", method: .get) { r in
                    let district = try #require(try jsonObject(r)["district"] as? [String: Any])
                    return try #require(district["teachers"] as? Int)
                }
            }
            #expect(try await teachers() == 1)
            #expect(try await teachers() == 1)
            #expect(await cache.computations == 1)
            // Another connection (as another process would) imports a second teacher; the server's cache must see it.
            let other = try AppDatabase.open(path: store.path)
            try tinyFeed(id: "f2", teacher: "T2").write(toFile: store.directory + "/f2.xml", atomically: true, encoding: .utf8)
            _ = try FeedImporter.importFile(at: store.directory + "/f2.xml", into: other, options: ImportOptions())
            #expect(try await teachers() == 2)
            #expect(await cache.computations == 2)
        }
    }

    @Test func healthAnswersWhileEveryHeavyAndQuickThreadIsBusy() async throws {
        let release = DispatchSemaphore(value: 0)
        /// Occupies `count` threads of a lane until `release` is signalled once per thread.
        @Sendable func occupy(
            _ count: Int, _ lane: @escaping @Sendable (@escaping @Sendable () throws -> Void) async throws -> Void
        ) async {
            let started = DispatchSemaphore(value: 0)
            for _ in 0..<count {
                Task {
                    try await lane {
                        started.signal()
                        release.wait()
                    }
                }
            }
            for _ in 0..<count {
                await withCheckedContinuation { c in
                    DispatchQueue.global().async {
                        started.wait()
                        c.resume()
                    }
                }
            }
        }
        try await testApp(try sampleDatabase()).test(.router) { client in
            // Whatever happens below, every occupied thread is let go at the end.
            defer { for _ in 0..<(BlockingWork.heavyThreads + BlockingWork.quickThreads) { release.signal() } }
            await occupy(BlockingWork.heavyThreads) { try await BlockingWork.heavy($0) }
            // Reports and imports have no free thread: lookups still answer.
            let schools = try await withTimeout(seconds: 20) {
                try await client.executeRequest(
                    uri: "/api/v1/schools", method: .get, headers: [.authorization: "Bearer \(adminToken)"], body: nil)
            }
            #expect(schools.status == .ok)
            await occupy(BlockingWork.quickThreads) { try await BlockingWork.quick($0) }
            // Lookups have no free thread either: the health check still answers.
            let health = try await withTimeout(seconds: 20) {
                try await client.executeRequest(uri: "/health", method: .get, headers: [:], body: nil)
            }
            #expect(health.status == .ok)
        }
    }
}

/// A file-backed store in a new temporary directory (a `DatabasePool`, as `xinyu serve` uses).
struct TemporaryStore {
    let directory: String
    let path: String
    let db: AppDatabase

    init() throws {
        directory = NSTemporaryDirectory() + "xinyu-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = directory + "/store.sqlite"
        db = try AppDatabase.open(path: path)
    }
}

/// A valid district feed with one school and one active teacher.
func tinyFeed(id: String, teacher: String = "T1") -> String {
    """
    <?xml version="1.0" encoding="UTF-8"?>
    <feed xmlns="urn:xinyu:district-feed:1" id="\(id)" district="440608" generated="2026-09-01T08:00:00+08:00">
      <schools><school id="S1" stage="primary"><name>第一小学</name><grade level="1" classes="2"/></school></schools>
      <teachers><teacher id="\(teacher)" school="S1" role="psych-fulltime"><name>王老师</name></teacher></teachers>
    </feed>
    """
}
