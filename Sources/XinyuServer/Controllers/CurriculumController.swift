import Certifications
import Curriculum
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// The activity catalog and stored schedules (lessons: ``LessonLibraryController``), through the same `Curriculum`
/// calls as the CLI, on the quick lane; schedule builds on the heavy lane.
///
/// A school's users read their school's schedule; a teacher reads their own lessons of their school's schedule
/// (the other sessions are left out); another school's schedule is unknown (404). `POST schedule/build` is for a
/// planner (their school) and the district-admin, and is audited.
struct CurriculumController {
    let database: any XinyuStore
    let profile: RuleProfile
    let accounts: Accounts
    let onBuilt: @Sendable () async -> Void

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let db = database
        api.get("activities") { _, context in
            try context.require(.read(.library))
            return try JSONResponse.make(try await BlockingWork.quick { try Curriculum.activities() })
        }
        api.get("schedule") { request, context in
            let q = try await scheduleQuery(request, context)
            let (klass, from, to) = (try request.query("class"), try request.queryDay("from"), try request.queryDay("to"))
            let view = try await BlockingWork.quick {
                try notFoundIfMissing {
                    try Curriculum.schedule(in: db, school: q.school, term: q.term, class: klass, from: from, to: to)
                        .only(teacher: q.teacher)
                }
            }
            return try JSONResponse.make(view)
        }
        api.get("schedule.ics") { request, context in
            let q = try await scheduleQuery(request, context)
            let ics = try await BlockingWork.quick {
                try notFoundIfMissing {
                    let rules = try ScheduleRules.bundled()
                    let view = try Curriculum.schedule(in: db, school: q.school, term: q.term, rules: rules)
                    return CalendarExport.ics(view.only(teacher: q.teacher), timeZone: rules.timeZone)
                }
            }
            var response = JSONResponse.text(ics, contentType: "text/calendar; charset=utf-8")
            response.headers[.contentDisposition] = "attachment; filename=\"\(q.school).ics\""
            return response
        }
        api.post("schedule/build") { request, context in
            guard let term = try request.queryTerm("term") else {
                throw APIError.badParameter("term: required, e.g. term=2026-fall")
            }
            let school = try request.query("school")
            if let school { try await BlockingWork.quick { try db.requireSchool(school) } }
            try context.require(.buildSchedule(school: school))
            let (who, address) = try context.actor
            let (profile, accounts) = (profile, accounts)
            let report = try await BlockingWork.heavy {
                let rules = try Curriculum.rules(path: nil, catalog: ActivityCatalog.bundled())
                let report = try db.withWriteLockNote("schedule build --term \(term) posted to xinyu serve") {
                    try Curriculum.buildSchedule(in: db, term: term, school: school, rules: rules, profile: profile)
                }
                try accounts.record(
                    "schedule.build", target: "\(school ?? "all schools") \(term)", by: who, from: address,
                    after: report.auditValues, school: school)
                return report
            }
            await onBuilt()
            return try JSONResponse.make(report)
        }
    }

    /// `school` (required, must exist, in the caller's scope), an optional `term` in the supported years, and
    /// for a teacher the teacher whose lessons alone are shown.
    func scheduleQuery(_ request: Request, _ context: XinyuRequestContext) async throws
        -> (school: String, term: String?, teacher: String?)
    {
        guard let school = try request.query("school") else { throw APIError.badParameter("school: required, e.g. school=S001") }
        let term = try request.queryTerm("term")
        let db = database
        try await BlockingWork.quick { try db.requireSchool(school) }
        let p = try context.principal()
        if p.role == .teacher, p.school == school { return (school, term?.description, p.teacher ?? "") }
        try context.require(.read(.school(school)), notFound: StoreError.unknownSchool(id: school).description)
        return (school, term?.description, nil)
    }
}

extension ScheduleView {
    /// The view with only `teacher`'s sessions (nil: all), and no unplaced work when filtered.
    func only(teacher: String?) -> ScheduleView {
        guard let teacher else { return self }
        var v = self
        v.sessions = sessions.filter { $0.teacher == teacher }
        v.unplaced = []
        return v
    }
}

/// A school with no stored schedule is a 404.
private func notFoundIfMissing<T>(_ work: () throws -> T) throws -> T {
    do { return try work() } catch let e as ScheduleLookupError { throw APIError.notFound(e.description) }
}
