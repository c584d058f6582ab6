import Curriculum
import Foundation
import Hummingbird
import XinyuCore

/// Lessons, activities and stored schedules, through the same `Curriculum` calls as the CLI.
struct CurriculumController {
    let database: AppDatabase

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("lessons") { request, _ in
            let band = try request.queryEnum("band", Band.self)
            let theme = try request.queryEnum("theme", Theme.self)
            return try JSONResponse.make(try Curriculum.lessons(band: band, theme: theme))
        }
        api.get("lessons/{id}") { _, context in
            let id = try context.parameters.requireString("id")
            guard let lesson = try LessonLibrary.bundled().lesson(id) else { throw APIError.notFound("unknown lesson id \(id)") }
            return try JSONResponse.make(lesson)
        }
        api.get("activities") { _, _ in
            try JSONResponse.make(try Curriculum.activities())
        }
        api.get("schedule") { request, _ in
            let q = try scheduleQuery(request)
            let view = try notFoundIfMissing {
                try Curriculum.schedule(in: database, school: q.school, term: q.term, class: request.query("class"),
                                        from: try request.queryDay("from"), to: try request.queryDay("to"))
            }
            return try JSONResponse.make(view)
        }
        api.get("schedule.ics") { request, _ in
            let q = try scheduleQuery(request)
            let ics = try notFoundIfMissing { try Curriculum.ics(in: database, school: q.school, term: q.term) }
            var response = JSONResponse.text(ics, contentType: "text/calendar; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"\(q.school).ics\""
            return response
        }
    }

    /// `school` (required, must exist) and an optional well-formed `term`.
    func scheduleQuery(_ request: Request) throws -> (school: String, term: String?) {
        guard let school = request.query("school") else { throw APIError.badParameter("school: required, e.g. school=S001") }
        if let term = request.query("term"), Term(term) == nil {
            throw APIError.badParameter("term=\(term): not a term like 2026-fall or 2027-spring")
        }
        try database.requireSchool(school)
        return (school, request.query("term"))
    }

    /// With the school and term checked first, the only remaining usage error is "no schedule stored": a 404.
    func notFoundIfMissing<T>(_ work: () throws -> T) throws -> T {
        do { return try work() } catch let e as UsageError { throw APIError.notFound(e.description) }
    }
}
