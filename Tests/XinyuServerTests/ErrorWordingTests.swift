import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuCore

@testable import XinyuServer

/// API clients read the libraries' own words: no command-line flags or `xinyu` commands in any error message.
@Suite struct ErrorWordingTests {
    @Test func notFoundMessagesNameNoCommandOrFlag() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for (uri, expected) in [
                ("/api/v1/teachers/T999", "unknown teacher id T999"),
                ("/api/v1/teachers?school=S999", "unknown school id S999"),
                ("/api/v1/schedule?school=S001", "S001: no schedule stored"),
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in
                    try expectError(r, .notFound, "not_found")
                    let error = try #require(try jsonObject(r)["error"] as? [String: Any])
                    #expect(error["message"] as? String == expected)
                }
            }
        }
    }
}
