import Hummingbird
import XinyuCore

/// Schools and teachers, straight from the store's queries (the same ones the CLI lists), on the quick lane.
struct StoreController {
    let database: any ReportStore
    static let defaultLimit = 100
    static let maxLimit = 1000

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        let db = database
        api.get("schools") { _, _ in
            try JSONResponse.make(SchoolListDTO(schools: try await BlockingWork.quick { try db.schoolSummaries() }))
        }
        api.get("teachers") { request, _ in
            let school = try request.query("school")
            let role = try request.queryEnum("role", Role.self)
            let status = try request.queryEnum("status", TeacherStatus.self)
            let limit = try request.queryInt("limit", range: 1...Self.maxLimit) ?? Self.defaultLimit
            let offset = try request.queryInt("offset", range: 0...Int(Int32.max)) ?? 0
            let page = try await BlockingWork.quick {
                let page = try db.teacherPage(school: school, role: role, status: status, limit: limit, offset: offset)
                return TeacherPageDTO(total: page.total, limit: limit, offset: offset, teachers: page.teachers.map(TeacherDTO.init))
            }
            return try JSONResponse.make(page)
        }
        api.get("teachers/{id}") { _, context in
            let id = try context.parameters.requireString("id")
            return try JSONResponse.make(TeacherDTO(try await BlockingWork.quick { try db.teacher(id: id) }))
        }
    }
}
