import Hummingbird
import XinyuCore

/// Schools and teachers, straight from the store's queries (the same ones the CLI lists), on the quick lane,
/// filtered to the caller's scope: a school's users see their school, a teacher themselves; another school or
/// teacher is answered as unknown (404).
struct StoreController {
    let database: any ReportStore
    static let defaultLimit = 100
    static let maxLimit = 1000

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let db = database
        api.get("schools") { _, context in
            let scope = try context.readScope()
            let district: String? = if case .schools(let d, _) = scope { d } else { nil }
            var schools = try await BlockingWork.quick { try db.schoolSummaries(district: district) }
            switch scope {
            case .district: break
            case .schools(_, let ids): schools = schools.filter { ids.contains($0.id) }
            case .school(let s), .teacher(_, let s): schools = schools.filter { $0.id == s }
            }
            return try JSONResponse.make(SchoolListDTO(schools: schools))
        }
        api.get("teachers") { request, context in
            let scope = try context.readScope()
            var school = try request.query("school")
            let role = try request.queryEnum("role", Role.self)
            let status = try request.queryEnum("status", TeacherStatus.self)
            let limit = try request.queryInt("limit", range: 1...Self.maxLimit) ?? Self.defaultLimit
            let offset = try request.queryInt("offset", range: 0...Int(Int32.max)) ?? 0
            var within: String?
            switch scope {
            case .district: break
            case .schools(let d, let ids):
                if let school, !ids.contains(school) { throw StoreError.unknownSchool(id: school) }
                within = school == nil ? d : nil
            case .school(let s), .teacher(_, let s):
                if let school, school != s { throw StoreError.unknownSchool(id: school) }
                school = s
            }
            let only: String? = if case .teacher(let id, _) = scope { id } else { nil }
            let (filter, district) = (school, within)
            let page = try await BlockingWork.quick {
                if let only {  // a teacher's list is themselves, when the filters match
                    let t = try db.teacher(id: only)
                    let match = (role == nil || t.role == role) && (status == nil || t.status == status)
                    let rows = match && offset == 0 ? [TeacherDTO(t)] : []
                    return TeacherPageDTO(total: match ? 1 : 0, limit: limit, offset: offset, teachers: rows)
                }
                // A district-scoped caller's list is its district's teachers, paged by the store.
                let page = try db.teacherPage(
                    school: filter, district: district, role: role, status: status, limit: limit, offset: offset)
                return TeacherPageDTO(
                    total: page.total, limit: limit, offset: offset, teachers: page.teachers.map(TeacherDTO.init))
            }
            return try JSONResponse.make(page)
        }
        api.get("teachers/{id}") { _, context in
            let id = try context.parameters.requireString("id")
            let teacher = try await BlockingWork.quick { try db.teacher(id: id) }
            try context.require(
                .read(.teacher(id: id, school: teacher.schoolId)),
                notFound: StoreError.unknownTeacher(id: id).description)
            return try JSONResponse.make(TeacherDTO(teacher))
        }
    }
}
