import Curriculum
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// Issue #19 over HTTP: whether scheduled sessions were given, and the group-guidance sessions run.
/// - `POST /api/v1/deliveries` `{session, given, reason?, reflection?}`: appends a record (201).
/// - `GET /api/v1/deliveries?school=S[&term=T][&teacher=T]`: every record, superseded ones too (a teacher: their
///   own).
/// - `GET /api/v1/schools/{id}/delivery-rates[?term=T][&asOf=D]`: the delivery rate by class and by teacher.
/// - `POST /api/v1/group-runs` `{school, date, facilitator, activity, participants, notes?}` (201) and
///   `GET /api/v1/group-runs?school=S[&from=D][&to=D]`.
/// - The pages' forms: `POST /me/deliveries` (a teacher's page) and `POST /schools/{id}/group-runs` (a school's
///   page), each with the session's form token, answered by a redirect back to the page with a one-time ``Flash``
///   (the error, or what was recorded): the message is never taken from the address.
///
/// Who may record is ``AccessPolicy/Operation/recordDelivery(teacher:school:)``; every write appends an audit line
/// after it committed.
struct DeliveryController {
    let database: any XinyuStore
    let accounts: Accounts
    let onChanged: @Sendable () async -> Void
    /// Whether the flash cookie is `Secure` (HTTPS).
    let secureCookies: Bool

    /// A delivery record's body.
    struct DeliveryRequest: Decodable {
        var session: String
        var given: Bool
        var reason: DeliveryReason?
        var reflection: String?
    }

    /// A group-guidance run's body.
    struct GroupRunRequest: Decodable {
        var school: String
        var date: String
        var facilitator: String
        var activity: String
        var participants: Int
        var notes: String?
    }

    func addRoutes(to api: RouterGroup<XinyuRequestContext>, pages router: Router<XinyuRequestContext>) {
        let (db, accounts, onChanged, secure) = (database, accounts, onChanged, secureCookies)
        api.post("deliveries") { request, context in
            let body: DeliveryRequest = try await TrainingController.json(request)
            let record = try await Self.recordDelivery(db, accounts, context, body)
            await onChanged()
            return try JSONResponse.make(record, status: .created)
        }
        api.get("deliveries") { request, context in
            let scope = try context.readScope()
            guard let school = try request.query("school") ?? scope.school else {
                throw APIError.badParameter("give school=S")
            }
            var teacher = try request.query("teacher")
            if let own = scope.teacher {
                guard school == scope.school else { throw APIError.notFound(StoreError.unknownSchool(id: school).description) }
                guard teacher == nil || teacher == own else { throw APIError.notFound("unknown teacher \(teacher ?? "")") }
                teacher = own
            } else {
                try context.require(.read(.school(school)), notFound: StoreError.unknownSchool(id: school).description)
            }
            let term = try request.queryTerm("term")
            let (t, who) = (term, teacher)
            return try JSONResponse.make(
                try await BlockingWork.quick { try db.deliveryRecords(school: school, term: t, teacher: who) })
        }
        api.get("schools/{id}/delivery-rates") { request, context in
            let id = try context.parameters.requireString("id")
            try await BlockingWork.quick { try db.requireSchool(id) }
            try context.require(.read(.school(id)), notFound: StoreError.unknownSchool(id: id).description)
            let term = try request.queryTerm("term")
            let asOf = try request.queryDay("asOf") ?? Day.today()
            guard
                let rates = try await BlockingWork.quick({
                    try Curriculum.deliveryRates(in: db, school: id, term: term, asOf: asOf)
                })
            else { throw APIError.notFound("school \(id) has no stored schedule\(term.map { " for \($0)" } ?? "")") }
            return try JSONResponse.make(rates)
        }
        api.post("group-runs") { request, context in
            let body: GroupRunRequest = try await TrainingController.json(request)
            let run = try await Self.recordGroupRun(db, accounts, context, body)
            await onChanged()
            return try JSONResponse.make(run, status: .created)
        }
        api.get("group-runs") { request, context in
            let scope = try context.readScope()
            let school = try request.query("school") ?? scope.school
            if let school {
                try await BlockingWork.quick { try db.requireSchool(school) }
                try context.require(.read(.school(school)), notFound: StoreError.unknownSchool(id: school).description)
            } else if scope.districtSchools == nil {
                try context.require(.read(.district))
            }
            let (from, to) = (try request.queryDay("from"), try request.queryDay("to"))
            // A district-scoped role without school= gets its district's schools' group runs.
            let within = school == nil ? scope.districtSchools : nil
            return try JSONResponse.make(
                try await BlockingWork.quick {
                    try db.groupRuns(school: school, from: from, to: to).filter { within?.contains($0.schoolId) ?? true }
                })
        }
        router.post("/me/deliveries") { request, context in
            let form = try await Self.checkedForm(request, context)
            let outcome = form["outcome"] ?? ""
            let body = DeliveryRequest(
                session: form["session"] ?? "", given: outcome == "given",
                reason: outcome == "given" ? nil : DeliveryReason(rawValue: form["reason"] ?? ""),
                reflection: form["reflection"])
            let lang = DashboardLanguage(query: form["lang"])
            do {
                guard outcome == "given" || outcome == "not-given" else {
                    throw APIError.badParameter("choose given or not given")
                }
                _ = try await Self.recordDelivery(db, accounts, context, body)
            } catch {
                return Flash(ok: false, text: APIError.from(error).message)
                    .redirect(to: "/me?lang=\(lang.rawValue)", secure: secure)
            }
            await onChanged()
            return Flash(ok: true, text: lang.pick("已记录。", "Recorded."))
                .redirect(to: "/me?lang=\(lang.rawValue)#deliveries", secure: secure)
        }
        router.post("/schools/{id}/group-runs") { request, context in
            let id = try context.parameters.requireString("id")
            let form = try await Self.checkedForm(request, context)
            let lang = DashboardLanguage(query: form["lang"])
            do {
                guard let count = Int(form["participants"] ?? "") else {
                    throw APIError.badParameter("participants must be a whole number")
                }
                let body = GroupRunRequest(
                    school: id, date: form["date"] ?? "", facilitator: form["facilitator"] ?? "",
                    activity: form["activity"] ?? "", participants: count, notes: form["notes"])
                _ = try await Self.recordGroupRun(db, accounts, context, body)
            } catch {
                return Flash(ok: false, text: APIError.from(error).message)
                    .redirect(to: "/schools/\(id)?lang=\(lang.rawValue)", secure: secure)
            }
            await onChanged()
            return Flash(ok: true, text: lang.pick("已记录团体辅导。", "Group session recorded."))
                .redirect(to: "/schools/\(id)?lang=\(lang.rawValue)#groups", secure: secure)
        }
    }

    /// Checks who may record the session, then records it and appends the audit line.
    static func recordDelivery(
        _ db: any XinyuStore, _ accounts: Accounts, _ context: XinyuRequestContext, _ body: DeliveryRequest
    ) async throws -> DeliveryRecord {
        guard let key = SessionKey(body.session) else {
            throw APIError.badParameter("session \(body.session) is not SCHOOL/CLASS/DATE/PERIOD")
        }
        let (p, address) = try context.actor
        guard let s = try await BlockingWork.quick({ try db.scheduledSession(at: key) }) else {
            throw APIError.notFound(DeliveryStoreError.unknownSession(key).description)
        }
        try context.require(.recordDelivery(teacher: s.teacherId, school: s.schoolId))
        if !body.given && body.reason == nil {
            throw APIError.badParameter("a session not given needs reason: exam, holiday, event, illness or other")
        }
        return try await BlockingWork.heavy {
            let r = try Curriculum.recordDelivery(
                in: db, session: key, given: body.given, reason: body.given ? nil : body.reason,
                reflection: body.reflection, by: p.name)
            try accounts.record(
                "delivery.record", target: key.description, by: p, from: address, after: r.auditValues, school: key.schoolId)
            return r
        }
    }

    /// Checks who may record the run, then records it and appends the audit line.
    static func recordGroupRun(
        _ db: any XinyuStore, _ accounts: Accounts, _ context: XinyuRequestContext, _ body: GroupRunRequest
    ) async throws -> GroupRun {
        let (p, address) = try context.actor
        guard let day = Day(body.date) else { throw APIError.badParameter("date \(body.date) is not a day (YYYY-MM-DD)") }
        try await BlockingWork.quick { try db.requireSchool(body.school) }
        try context.require(.recordDelivery(teacher: body.facilitator, school: body.school))
        return try await BlockingWork.heavy {
            let run = try Curriculum.recordGroupRun(
                in: db,
                GroupRun(
                    schoolId: body.school, date: day, facilitatorId: body.facilitator, activityId: body.activity,
                    participants: body.participants, notes: body.notes, recordedBy: p.name, recordedAt: Date()),
                activities: Curriculum.activitySource(store: db, school: body.school))
            try accounts.record(
                "group.record", target: "group run \(run.id ?? 0)", by: p, from: address, after: run.auditValues,
                school: body.school)
            return run
        }
    }

    /// A page form's fields after checking its form token against the browser session (403 otherwise).
    static func checkedForm(_ request: Request, _ context: XinyuRequestContext) async throws -> FormBody {
        let form = try await FormBody(request)
        guard let session = context.caller?.session, let given = form["form"],
            Secrets.constantTimeEqual(given, Secrets.formToken(session: session))
        else {
            throw APIError(.forbidden, code: "forbidden", message: "the form has expired; reload the page and send it again")
        }
        return form
    }
}
