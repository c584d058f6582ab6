import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import XinyuCore

@testable import XinyuServer

@Suite struct StoreRoutesTests {
    @Test func healthCountsTheStore() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/health", method: .get) { r in
                #expect(r.status == .ok)
                let body = try jsonObject(r)
                #expect(body["status"] as? String == "ok")
                #expect(body["schools"] as? Int == 2)
                #expect(body["teachers"] as? Int == 5)
            }
        }
    }

    @Test func schoolsListTheStoreQuery() async throws {
        let db = try sampleDatabase()
        try await testApp(db).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/schools", method: .get) { r in
                #expect(r.status == .ok)
                let list = try JSONDecoder().decode(SchoolListDTO.self, from: Data(String(buffer: r.body).utf8))
                try #expect(try list.schools == db.schoolSummaries())
                #expect(list.schools.map(\.activeTeachers) == [2, 2])
            }
        }
    }

    @Test func teachersFilterAndPage() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/teachers?school=S001&status=active", method: .get) { r in
                let page = try JSONDecoder().decode(TeacherPageDTO.self, from: Data(String(buffer: r.body).utf8))
                #expect(page.teachers.map(\.id) == ["T001", "T002"])
                #expect(page.total == 2)
            }
            try await client.asAdmin(uri: "/api/v1/teachers?role=class-teacher", method: .get) { r in
                let page = try JSONDecoder().decode(TeacherPageDTO.self, from: Data(String(buffer: r.body).utf8))
                #expect(page.teachers.map(\.id) == ["T002", "T005"])
            }
            try await client.asAdmin(uri: "/api/v1/teachers?limit=2&offset=3", method: .get) { r in
                let page = try JSONDecoder().decode(TeacherPageDTO.self, from: Data(String(buffer: r.body).utf8))
                #expect(page.teachers.map(\.id) == ["T004", "T005"])
                #expect(page.total == 5 && page.limit == 2 && page.offset == 3)
            }
        }
    }

    @Test func teacherBadParametersAre400() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            for uri in [
                "/api/v1/teachers?role=janitor", "/api/v1/teachers?status=retired",
                "/api/v1/teachers?limit=0", "/api/v1/teachers?limit=abc", "/api/v1/teachers?offset=-1",
            ] {
                try await client.asAdmin(uri: uri, method: .get) { r in try expectError(r, .badRequest, "bad_parameter") }
            }
        }
    }

    @Test func unknownIdsAndRoutesAre404() async throws {
        try await testApp(try sampleDatabase()).test(.router) { client in
            try await client.asAdmin(uri: "/api/v1/teachers/T001", method: .get) { r in
                #expect(r.status == .ok)
                let t = try JSONDecoder().decode(TeacherDTO.self, from: Data(String(buffer: r.body).utf8))
                #expect(t.name == "王芳" && t.school == "S001" && t.hired == "2015-09-01" && t.role == .psychFulltime)
            }
            try await client.asAdmin(uri: "/api/v1/teachers/T999", method: .get) { r in try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/api/v1/teachers?school=S999", method: .get) { r in
                try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/api/v1/nothing-here", method: .get) { r in try expectError(r, .notFound, "not_found")
            }
            try await client.asAdmin(uri: "/nothing", method: .get) { r in try expectError(r, .notFound, "not_found") }
        }
    }
}
