import Curriculum
import Foundation
import Hummingbird
import XinyuCore

/// Lessons, activities and stored schedules, through the same `Curriculum` calls as the CLI, on the quick lane.
struct CurriculumController {
    let database: any XinyuStore

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        let db = database
        api.get("lessons") { request, _ in
            let band = try request.queryEnum("band", Band.self)
            let theme = try request.queryEnum("theme", Theme.self)
            return try JSONResponse.make(try await BlockingWork.quick { try Curriculum.lessons(band: band, theme: theme) })
        }
        api.get("lessons/{id}") { _, context in
            let id = try context.parameters.requireString("id")
            guard let lesson = try await BlockingWork.quick({ try LessonLibrary.bundled().lesson(id) }) else {
                throw APIError.notFound("unknown lesson id \(id)")
            }
            return try JSONResponse.make(lesson)
        }
        api.get("activities") { _, _ in
            try JSONResponse.make(try await BlockingWork.quick { try Curriculum.activities() })
        }
        api.get("schedule") { request, _ in
            let q = try await scheduleQuery(request)
            let (klass, from, to) = (try request.query("class"), try request.queryDay("from"), try request.queryDay("to"))
            let view = try await BlockingWork.quick {
                try notFoundIfMissing {
                    try Curriculum.schedule(in: db, school: q.school, term: q.term, class: klass, from: from, to: to)
                }
            }
            return try JSONResponse.make(view)
        }
        api.get("schedule.ics") { request, _ in
            let q = try await scheduleQuery(request)
            let ics = try await BlockingWork.quick {
                try notFoundIfMissing { try Curriculum.ics(in: db, school: q.school, term: q.term) }
            }
            var response = JSONResponse.text(ics, contentType: "text/calendar; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"\(q.school).ics\""
            return response
        }
    }

    /// `school` (required, must exist) and an optional `term` in the supported years.
    func scheduleQuery(_ request: Request) async throws -> (school: String, term: String?) {
        guard let school = try request.query("school") else { throw APIError.badParameter("school: required, e.g. school=S001") }
        let term = try request.queryTerm("term")
        let db = database
        try await BlockingWork.quick { try db.requireSchool(school) }
        return (school, term?.description)
    }
}

/// A school with no stored schedule is a 404.
private func notFoundIfMissing<T>(_ work: () throws -> T) throws -> T {
    do { return try work() } catch let e as ScheduleLookupError { throw APIError.notFound(e.description) }
}
