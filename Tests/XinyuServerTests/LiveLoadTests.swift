import Foundation
import Hummingbird
import HummingbirdTesting
import Importers
import Testing
import XinyuCore

@testable import XinyuServer

/// Issue #12: the server on a real socket, with a file-backed store, under many concurrent connections.
@Suite(.serialized) struct LiveLoadTests {
    /// A 3-school sample district imported into a new file store.
    func sampleStore() throws -> TemporaryStore {
        let store = try TemporaryStore()
        let feed = store.directory + "/sample.xml"
        _ = try SampleFeedGenerator(schools: 3, seed: 7).write(to: feed)
        _ = try FeedImporter.importFile(at: feed, into: store.db, options: ImportOptions())
        return store
    }

    /// 64 connections at once, each with its own client, mixing every kind of read with imports. Before the fix,
    /// 8 connections alternating `/health` and `/api/v1/schools` hung the server for good; each request here has
    /// the client's 30 s timeout, so a hang fails the test instead of stalling it.
    @Test func sixtyFourConcurrentMixedRequestsWithImportsAllComplete() async throws {
        let store = try sampleStore()
        let upload = store.directory + "/upload.xml"
        _ = try SampleFeedGenerator(schools: 2, seed: 99).write(to: upload)
        let uploadBody = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: upload)))
        let config = ServerConfiguration(port: 0, token: "tok", maxBodyBytes: 64 << 20, temporaryDirectory: store.directory)
        let app = try buildApplication(configuration: config, database: store.db)
        let uris = [
            "/health", "/api/v1/schools", "/api/v1/coverage?asOf=2026-09-01", "/api/v1/teachers?limit=5",
            "/api/v1/quota?year=2025-2026", "/?asOf=2026-09-01", "/api/v1/imports", "/api/v1/coverage?asOf=2026-03-01",
            "/api/v1/lessons", "/health", "/api/v1/schools", "/health",
        ]
        let statuses = try await app.test(.live) { client in
            let port = try #require(client.port)
            return try await withThrowingTaskGroup(of: [UInt].self) { group in
                for c in 0..<64 {
                    group.addTask {
                        let http = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(30)))
                        http.connect()
                        var seen: [UInt] = []
                        for i in 0..<4 {
                            let request: TestClient.Request
                            if c % 16 == 0 && i == 0 {
                                request = .init(
                                    "/api/v1/imports", method: .post, authority: "localhost",
                                    headers: [.authorization: "Bearer tok"], body: uploadBody)
                            } else {
                                request = .init(
                                    uris[(c + i) % uris.count], method: .get, authority: "localhost",
                                    headers: [.authorization: "Bearer tok"])
                            }
                            seen.append(UInt(try await http.execute(request).status.code))
                        }
                        try await http.shutdown()
                        return seen
                    }
                }
                var all: [UInt] = []
                for try await s in group { all += s }
                return all
            }
        }
        #expect(statuses.count == 256)
        #expect(statuses.allSatisfy { $0 == 200 }, "\(Dictionary(grouping: statuses, by: { $0 }).mapValues(\.count))")
        // Four posts of one feed id: applied once, then duplicates, each logged.
        let log = try FeedImporter.importLog(in: store.db)
        let logged = log.map(\.status)
        #expect(logged.filter { $0 == .applied || $0 == .partial }.count == 2, "\(logged)")  // the sample and the upload
        #expect(logged.filter { $0 == .duplicate }.count == 3, "\(logged)")
    }

    /// A client that opens a connection and stalls in its request head is dropped after the idle timeout; the
    /// server keeps answering others meanwhile.
    @Test func aStalledClientIsDroppedAndOthersAreServed() async throws {
        let store = try sampleStore()
        let config = ServerConfiguration(port: 0, temporaryDirectory: store.directory, idleTimeout: .seconds(1))
        let app = try buildApplication(configuration: config, database: store.db)
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let fd = try connectLoopback(port: port)
            defer { close(fd) }
            let partial = "GET /health HTTP/1.1\r\nHost: localhost\r\n"  // the head never ends
            _ = partial.withCString { send(fd, $0, strlen($0), 0) }
            try await client.execute(uri: "/health", method: .get) { r in #expect(r.status == .ok) }
            // The server closes the stalled connection: recv sees end-of-file (0), within the 10 s receive timeout.
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let n = await Task.detached { () -> Int in
                var byte: UInt8 = 0
                return recv(fd, &byte, 1, 0)
            }.value
            #expect(n == 0, "the stalled connection was not closed (recv returned \(n))")
        }
    }
}

/// A blocking TCP socket connected to 127.0.0.1:`port`.
func connectLoopback(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let rc = withUnsafePointer(to: &addr) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard rc == 0 else {
        close(fd)
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
    }
    return fd
}
