import Hummingbird
import XinyuCore

/// Schools and teachers, straight from the store's queries (the same ones the CLI lists).
struct StoreController {
    let database: AppDatabase
    static let defaultLimit = 100
    static let maxLimit = 1000

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("schools") { _, _ in
            try JSONResponse.make(SchoolListDTO(schools: try database.schoolSummaries()))
        }
        api.get("teachers") { request, _ in
            let school = request.query("school")
            let role = try request.queryEnum("role", Role.self)
            let status = try request.queryEnum("status", TeacherStatus.self)
            let limit = try request.queryInt("limit", range: 1...Self.maxLimit) ?? Self.defaultLimit
            let offset = try request.queryInt("offset", range: 0...Int(Int32.max)) ?? 0
            let all = try database.teachers(school: school, role: role, status: status)
            let page = all.dropFirst(offset).prefix(limit).map(TeacherDTO.init)
            return try JSONResponse.make(TeacherPageDTO(total: all.count, limit: limit, offset: offset, teachers: Array(page)))
        }
        api.get("teachers/{id}") { _, context in
            let id = try context.parameters.requireString("id")
            return try JSONResponse.make(TeacherDTO(try database.teacher(id: id)))
        }
    }
}
