import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuCore

@testable import XinyuServer

@Suite struct OpenAPIAndDashboardTests {
    @Test func everyRegisteredRouteIsDocumentedAndViceVersa() throws {
        let router = buildRouter(
            configuration: ServerConfiguration(), dependencies: try ServerDependencies(database: try sampleDatabase()))
        let registered = Set(
            router.routes.map { r -> String in
                var p = r.path.description
                if !p.hasPrefix("/") { p = "/" + p }
                return "\(r.method.rawValue.lowercased()) \(p)"
            })
        let documented = Set(OpenAPIDocument.operations.map { "\($0.method) \($0.path)" })
        #expect(!registered.isEmpty)
        #expect(
            registered.subtracting(documented).isEmpty,
            "routes missing from openapi.json: \(registered.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(registered).isEmpty,
            "documented but not routed: \(documented.subtracting(registered).sorted())")
    }

    @Test func openAPIDocumentIsServed() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/openapi.json", method: .get) { r in
                #expect(r.status == .ok)
                let body = try jsonObject(r)
                #expect((body["openapi"] as? String)?.hasPrefix("3.") == true)
                #expect((body["paths"] as? [String: Any])?["/api/v1/teachers/{id}"] != nil)
            }
        }
    }

    @Test func dashboardIsChineseByDefaultWithSVGAndEscapedText() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/?asOf=2026-03-01", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: r.body)
                #expect(html.contains("<html lang=\"zh-Hans\">"))
                #expect(html.contains("<svg"))
                #expect(html.contains("培训定额达标情况"))
                #expect(html.contains("&lt;b&gt;实验&lt;/b&gt;小学 &amp; 附属"))
                #expect(!html.contains("<b>实验"))
                #expect(!html.contains("<script"))
                #expect(!html.contains("http://") || !html.contains("src=\"http"))
            }
            try await client.asAdmin(uri: "/?lang=en&asOf=2026-03-01", method: .get) { r in
                let html = String(buffer: r.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Training quota compliance"))
            }
            try await client.asAdmin(uri: "/?asOf=2026-02-30", method: .get) { r in
                try expectError(r, .badRequest, "bad_parameter")
            }
        }
    }

    @Test func htmlEscapingCoversEveryMetacharacter() {
        #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTML.escape("心育") == "心育")
    }

    @Test func cacheComputesOnceUntilInvalidated() async throws {
        let cache = ReportCache()
        let a = try await cache.value(for: testKey(1), version: "v1") { Data("1".utf8) }
        let b = try await cache.value(for: testKey(1), version: "v1") { Data("2".utf8) }
        #expect(a == b)
        #expect(await cache.computations == 1)
        await cache.invalidate()
        let c = try await cache.value(for: testKey(1), version: "v1") { Data("3".utf8) }
        #expect(c == Data("3".utf8))
        #expect(await cache.computations == 2)
    }
}

@Suite struct ReportCacheTests {
    @Test func oldestKeyIsDroppedAtCapacity() async throws {
        let cache = ReportCache(capacity: 2)
        for k in 1...3 { _ = try await cache.value(for: testKey(k), version: "v1") { Data("\(k)".utf8) } }
        #expect(await cache.computations == 3)
        _ = try await cache.value(for: testKey(3), version: "v1") { Data() }
        _ = try await cache.value(for: testKey(2), version: "v1") { Data() }
        #expect(await cache.computations == 3)
        let a = try await cache.value(for: testKey(1), version: "v1") { Data("again".utf8) }
        #expect(a == Data("again".utf8))
        #expect(await cache.computations == 4)
    }
}
