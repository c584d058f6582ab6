import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import XinyuCore
@testable import XinyuServer

/// A small hand-built district: two schools (one with a name that needs escaping), five teachers.
func sampleDatabase() throws -> AppDatabase {
    let db = try AppDatabase.inMemory()
    try db.writer.write { d in
        try School(id: "S001", name: "第一中学", stage: .junior, counselingRoom: true, district: "440106").insert(d)
        try School(id: "S002", name: "<b>实验</b>小学 & 附属", stage: .primary, counselingRoom: false, district: "440106").insert(d)
        try Grade(schoolId: "S001", level: 7, classes: 2).insert(d)
        try Grade(schoolId: "S002", level: 1, classes: 3).insert(d)
        try Teacher(id: "T001", schoolId: "S001", name: "王芳", role: .psychFulltime, hired: Day("2015-09-01"), status: .active)
            .insert(d)
        try Teacher(id: "T002", schoolId: "S001", name: "李强", role: .classTeacher, hired: nil, status: .active).insert(d)
        try Teacher(id: "T003", schoolId: "S001", name: "张伟", role: .subjectTeacher, hired: nil, status: .inactive).insert(d)
        try Teacher(id: "T004", schoolId: "S002", name: "陈静", role: .psychParttime, hired: nil, status: .active).insert(d)
        try Teacher(id: "T005", schoolId: "S002", name: "刘洋", role: .classTeacher, hired: nil, status: .active).insert(d)
    }
    return db
}

/// The bootstrap token ``testApp(_:token:maxBodyBytes:imports:cache:)`` configures: a district-admin.
let adminToken = "test-admin-token"

extension TestClientProtocol {
    /// `execute` as the bootstrap district-admin, unless `headers` carry their own `Authorization`.
    @discardableResult
    func asAdmin<Return>(
        uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:], body: ByteBuffer? = nil,
        testCallback: @escaping (TestResponse) async throws -> Return = { $0 }
    ) async throws -> Return {
        var headers = headers
        if headers[.authorization] == nil { headers[.authorization] = "Bearer \(adminToken)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body, testCallback: testCallback)
    }
}

/// A test application over `db` with the given configuration and import service.
func testApp(
    _ db: AppDatabase, token: String? = adminToken, maxBodyBytes: Int = 1024, imports: ImportService = .live,
    cache: ReportCache = ReportCache()
) throws -> some ApplicationProtocol {
    let config = ServerConfiguration(token: token, maxBodyBytes: maxBodyBytes)
    return Application(
        router: buildRouter(
            configuration: config,
            dependencies: try ServerDependencies(database: db, imports: imports, coverage: cache)))
}

/// The JSON object of a response body.
func jsonObject(_ response: TestResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
    return try #require(value as? [String: Any])
}

/// Checks a response is the JSON error shape with this status and code.
func expectError(
    _ response: TestResponse, _ status: HTTPResponse.Status, _ code: String,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(response.status == status, sourceLocation: sourceLocation)
    #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
    let body = try jsonObject(response)
    let error = try #require(body["error"] as? [String: Any], sourceLocation: sourceLocation)
    #expect(error["code"] as? String == code, sourceLocation: sourceLocation)
    #expect((error["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
}

/// Runs `body`, failing with `TimedOut` if it has not finished after `seconds`: a test of "this must not hang"
/// then fails instead of stalling the whole run.
func withTimeout<T: Sendable>(seconds: Int, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TimedOut(seconds: seconds)
        }
        let first = try await group.next()!
        group.cancelAll()
        return first
    }
}

struct TimedOut: Error, CustomStringConvertible {
    var seconds: Int
    var description: String { "did not finish within \(seconds) s" }
}

/// A distinct report key per number (coverage as of 1…28 January 2026).
func testKey(_ n: Int) -> ReportKey { .coverage(asOf: Day(year: 2026, month: 1, day: n)!, school: nil) }
