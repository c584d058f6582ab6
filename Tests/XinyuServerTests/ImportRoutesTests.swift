import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing
import XinyuAccounts
import XinyuCore

@testable import XinyuServer

/// Records what the fake importer saw: the bytes of the spooled file and where it was.
final class ImportProbe: Sendable {
    let seen = Mutex<[(path: String, bytes: Data)]>([])
    let rejectAsWhole: Bool
    init(rejectAsWhole: Bool = false) { self.rejectAsWhole = rejectAsWhole }

    var service: ImportService {
        ImportService(
            importFile: { path, _ in
                let bytes = FileManager.default.contents(atPath: path) ?? Data()
                self.seen.withLock { $0.append((path, bytes)) }
                let status = self.rejectAsWhole ? "rejected" : "applied"
                return .init(
                    rejectedAsWhole: self.rejectAsWhole, json: Data("{\"status\":\"\(status)\",\"size\":\(bytes.count)}".utf8))
            },
            log: { _, _ in Data("[]".utf8) })
    }
}

@Suite struct ImportRoutesTests {
    let feed = ByteBuffer(string: "<feed>数据</feed>")

    @Test func withoutABootstrapTokenAnUnknownTokenIs401() async throws {
        let probe = ImportProbe()
        try await testApp(try sampleDatabase(), token: nil, imports: probe.service).test(.router) { client in
            try await client.execute(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer x"], body: feed) {
                r in
                try expectError(r, .unauthorized, "unauthorized")
            }
        }
        #expect(probe.seen.withLock { $0.isEmpty })
    }

    @Test func missingOrWrongTokenIs401() async throws {
        let probe = ImportProbe()
        try await testApp(try sampleDatabase(), token: "s3cret", imports: probe.service).test(.router) { client in
            try await client.execute(uri: "/api/v1/imports", method: .post, body: feed) { r in
                try expectError(r, .unauthorized, "unauthorized")
            }
            for h in ["Bearer s3cre", "Bearer s3cret2", "Basic s3cret", "s3cret", "Bearer "] {
                try await client.asAdmin(uri: "/api/v1/imports", method: .post, headers: [.authorization: h], body: feed) { r in
                    try expectError(r, .unauthorized, "unauthorized")
                }
            }
        }
        #expect(probe.seen.withLock { $0.isEmpty })
    }

    @Test func acceptedFeedIsSpooledImportedAndRemoved() async throws {
        let probe = ImportProbe()
        try await testApp(try sampleDatabase(), token: "s3cret", imports: probe.service).test(.router) { client in
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer s3cret"], body: feed
            ) { r in
                #expect(r.status == .ok)
                try #expect(try jsonObject(r)["status"] as? String == "applied")
            }
        }
        let seen = probe.seen.withLock { $0 }
        #expect(seen.count == 1)
        #expect(seen.first?.bytes == Data("<feed>数据</feed>".utf8))
        #expect(seen.first.map { FileManager.default.fileExists(atPath: $0.path) } == false)
    }

    @Test func feedRejectedAsWholeIs400WithTheReport() async throws {
        let probe = ImportProbe(rejectAsWhole: true)
        try await testApp(try sampleDatabase(), token: "s3cret", imports: probe.service).test(.router) { client in
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer s3cret"], body: feed
            ) { r in
                #expect(r.status == .badRequest)
                try #expect(try jsonObject(r)["status"] as? String == "rejected")
            }
        }
    }

    @Test func overTheLimitIs413AndNotImported() async throws {
        let probe = ImportProbe()
        let big = ByteBuffer(string: String(repeating: "x", count: 2048))
        try await testApp(try sampleDatabase(), token: "s3cret", maxBodyBytes: 1024, imports: probe.service).test(.router) {
            client in
            try await client.asAdmin(uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer s3cret"], body: big)
            { r in
                try expectError(r, .contentTooLarge, "payload_too_large")
            }
        }
        #expect(probe.seen.withLock { $0.isEmpty })
    }

    @Test func importInvalidatesCachedReports() async throws {
        let probe = ImportProbe()
        let cache = ReportCache()
        _ = try await cache.value(for: testKey(1), version: "v1") { Data("1".utf8) }
        try await testApp(try sampleDatabase(), token: "s3cret", imports: probe.service, cache: cache).test(.router) { client in
            try await client.asAdmin(
                uri: "/api/v1/imports", method: .post, headers: [.authorization: "Bearer s3cret"], body: feed
            ) { r in
                #expect(r.status == .ok)
            }
        }
        let after = try await cache.value(for: testKey(1), version: "v1") { Data("2".utf8) }
        #expect(after == Data("2".utf8))
    }

    @Test func importLogIsServed() async throws {
        try await testApp(try sampleDatabase(), imports: ImportProbe().service).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/imports", method: .get) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
            }
        }
    }

    @Test func tokenComparisonIsExact() {
        #expect(Secrets.constantTimeEqual("abc", "abc"))
        #expect(!Secrets.constantTimeEqual("abd", "abc"))
        #expect(!Secrets.constantTimeEqual("ab", "abc"))
        #expect(!Secrets.constantTimeEqual("abcabc", "abc"))
        #expect(!Secrets.constantTimeEqual("", "abc"))
    }

    @Test func tokenFromFileOrEnvironment() throws {
        let path = NSTemporaryDirectory() + "xinyu-token-\(UUID().uuidString)"
        try "  tok123 \nsecond line\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        try #expect(try ServerConfiguration.token(file: path, environment: ["XINYU_TOKEN": "env"]) == "tok123")
        try #expect(try ServerConfiguration.token(file: nil, environment: ["XINYU_TOKEN": "env"]) == "env")
        try #expect(try ServerConfiguration.token(file: nil, environment: [:]) == nil)
        #expect(throws: ServerSetupError.self) { try ServerConfiguration.token(file: path + ".missing", environment: [:]) }
    }
}
