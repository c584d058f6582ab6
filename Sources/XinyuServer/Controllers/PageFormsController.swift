import Certifications
import Foundation
import Hummingbird
import Importers
import XinyuAccounts
import XinyuCore

/// The pages' forms of issue #15, for a logged-in browser only (the session cookie and the form token derived
/// from it, as the logout form; a bearer token is refused: API clients use `/api/v1`):
///
/// - `POST /me/submissions` (`multipart/form-data`): a teacher submits an outside training with one evidence file
///   (the fields and checks of `POST /api/v1/submissions`, the teacher being the session's).
/// - `POST /me/submissions/{id}`: the teacher corrects their submission and sends it again (a returned one becomes
///   `submitted`); the evidence file is optional (the stored one is kept).
/// - `POST /reviews` (`application/x-www-form-urlencoded`: `action` approve, certify or return, `ids` or `course`,
///   `reason`, `back`): a school-admin's or district-admin's review, as `POST /api/v1/approvals/{action}`.
///
/// Who may do what is ``TrainingAccess``'s decision (403 outside the caller's scope, 404 for an unknown id); every
/// change appends its audit lines. A form that cannot be applied as filled in (a bad field, a file that is no
/// PDF, JPEG or PNG, a record another reviewer moved meanwhile) sends the browser back like a success, with the
/// reason as the page's message; each answer is a 303 to the page the form is on.
struct PageFormsController {
    let database: any XinyuStore
    let access: TrainingAccess
    let accounts: Accounts
    let secureCookies: Bool
    let onChanged: @Sendable () async -> Void

    func addRoutes(to router: Router<XinyuRequestContext>) {
        let (db, access, accounts, onChanged) = (database, access, accounts, onChanged)
        router.post("/me/submissions") { request, context in
            let lang = DashboardLanguage(request)
            let (teacher, school) = try await Self.teacher(context, db)
            guard let form = try await Self.multipart(request, context) else { return tooLarge("/me", lang) }
            let caller = try access.check(context, .submit(teacher: teacher, school: school))
            return try await flashing(back: "/me", lang) {
                let (submission, file) = try TrainingController.submission(form, teacher: teacher)
                guard let evidence = file else {
                    throw APIError.badParameter(
                        lang.pick("请选择证明材料（PDF、JPEG 或 PNG 文件）", "choose the evidence file (a PDF, JPEG or PNG)"))
                }
                let entry = try await BlockingWork.heavy {
                    let entry = try db.submitTraining(submission, evidence: evidence, by: caller.actor, at: Date())
                    try accounts.record(
                        "record.submit", target: "record \(entry.id)", by: caller.principal, from: caller.address,
                        after: ["teacher": teacher, "state": entry.state.rawValue])
                    return entry
                }
                await onChanged()
                return lang.pick(
                    "已提交申报（编号 \(entry.id)），等待学校审批。",
                    "Submitted as record \(entry.id); it awaits your school's approval.")
            }
        }
        router.post("/me/submissions/{id}") { request, context in
            let lang = DashboardLanguage(request)
            guard let id = Int64(try context.parameters.requireString("id")) else { throw APIError.notFound("no such record") }
            let (teacher, school) = try await Self.teacher(context, db)
            guard let form = try await Self.multipart(request, context) else { return tooLarge("/me", lang) }
            let caller = try access.check(context, .submit(teacher: teacher, school: school))
            guard let stored = try await BlockingWork.quick({ try db.recordEntries(RecordFilter(ids: [id])).first }) else {
                throw TrainingStoreError.unknownRecord(id: id)
            }
            guard stored.teacherId == teacher else {
                throw APIError(.forbidden, code: "forbidden", message: "a teacher may correct only their own submissions")
            }
            return try await flashing(back: "/me", lang) {
                let (submission, evidence) = try TrainingController.submission(form, teacher: teacher)
                let entry = try await BlockingWork.heavy {
                    let entry = try db.resubmitTraining(
                        entry: id, submission, evidence: evidence, by: caller.actor, at: Date())
                    try accounts.record(
                        "record.resubmit", target: "record \(id)", by: caller.principal, from: caller.address,
                        before: ["state": stored.state.rawValue], after: ["state": entry.state.rawValue])
                    return entry
                }
                await onChanged()
                return lang.pick(
                    "\(entry.id) 号申报已重新提交，等待学校审批。", "Record \(entry.id) was sent again; it awaits your school's approval.")
            }
        }
        router.post("/reviews") { request, context in
            let lang = DashboardLanguage(request)
            let session = try Self.session(context)
            let form = try await FormBody(request)
            try Self.checkToken(form["form"], session)
            let caller = try access.check(context, .review)
            let back = LoginController.safeNext(form["back"])
            let ids = (form["ids"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Int64($0) }
            let course = form["course"].flatMap { $0.isEmpty ? nil : $0 }
            let chosen = try await BlockingWork.quick { () -> [String] in
                var schools = ids.isEmpty ? [] : try db.recordEntries(RecordFilter(ids: ids)).map(\.schoolId)
                if let course { schools.append(try db.training(id: course).schoolId) }
                return schools
            }
            try access.reviewSchools(caller, chosen)
            return try await flashing(back: back, lang) {
                guard let action = ApprovalAction(rawValue: form["action"] ?? "") else {
                    throw APIError.badParameter("action: expected approve, certify or return")
                }
                let reason = form["reason"]
                let lines = try await BlockingWork.heavy {
                    let lines = try Approvals.apply(
                        action, ids: ids, course: course, reason: reason, actor: caller.actor, scope: caller.scope,
                        store: db)
                    try accounts.record(lines, by: caller.principal, from: caller.address)
                    return lines
                }
                await onChanged()
                let n = lines.count
                switch action {
                case .approve: return lang.pick("已批准 \(n) 条记录。", "Approved \(n) record\(n == 1 ? "" : "s").")
                case .certify:
                    return lang.pick("已认证 \(n) 条记录，计入学时。", "Certified \(n) record\(n == 1 ? "" : "s"); they count now.")
                case .return: return lang.pick("已退回 \(n) 条记录。", "Returned \(n) record\(n == 1 ? "" : "s").")
                }
            }
        }
    }

    /// Runs a form's change and answers 303 to `back` with its message; a change the form's content cannot make
    /// (400, 409, 413) comes back with the reason instead. Other errors (401, 403, 404, 503, 500) are answered as
    /// errors.
    func flashing(
        back: String, _ lang: DashboardLanguage, _ change: () async throws -> String
    ) async throws -> Response {
        let location = back + (lang == .en ? (back.contains("?") ? "&" : "?") + "lang=en" : "")
        do {
            let message = try await change()
            return Flash(ok: true, text: message).redirect(to: location, secure: secureCookies)
        } catch {
            let e = APIError.from(error)
            guard [400, 409, 413].contains(e.status.code) else { throw error }
            let text = lang.pick("未能完成：", "Not done: ") + e.message
            return Flash(ok: false, text: text).redirect(to: location, secure: secureCookies)
        }
    }

    /// Back to `back` with the message that the file was too large (nothing was read past the limit, nothing
    /// changed: the form token could not be checked, and need not be).
    func tooLarge(_ back: String, _ lang: DashboardLanguage) -> Response {
        let text = lang.pick("未能完成：证明材料超过 10 MB，请缩小后重试。", "Not done: the evidence file is larger than 10 MB; scan it smaller.")
        return Flash(ok: false, text: text).redirect(to: back + (lang == .en ? "?lang=en" : ""), secure: secureCookies)
    }

    /// The session of a browser's request; a bearer token's request is refused (403).
    static func session(_ context: XinyuRequestContext) throws -> String {
        guard let session = context.caller?.session else {
            _ = try context.principal()
            throw APIError(
                .forbidden, code: "forbidden",
                message: "the pages' forms take a logged-in browser's session; API clients use /api/v1")
        }
        return session
    }

    /// Refuses (403) a form whose token is missing or not the session's.
    static func checkToken(_ given: String?, _ session: String) throws {
        guard let given, Secrets.constantTimeEqual(given, Secrets.formToken(session: session)) else {
            throw APIError(.forbidden, code: "forbidden", message: "the form token is missing or wrong; reload the page")
        }
    }

    /// The logged-in teacher and their school; 403 for any other role.
    static func teacher(_ context: XinyuRequestContext, _ db: any XinyuStore) async throws -> (String, String) {
        let p = try context.principal()
        _ = try session(context)
        guard p.role == .teacher, let teacher = p.teacher else {
            throw APIError(.forbidden, code: "forbidden", message: "only a teacher submits on their own page")
        }
        return (teacher, try await BlockingWork.quick { try db.teacher(id: teacher).schoolId })
    }

    /// The form of a submission page, its token checked (403); nil past 10 MB of evidence, 400 when malformed.
    static func multipart(_ request: Request, _ context: XinyuRequestContext) async throws -> MultipartForm? {
        let session = try session(context)
        let limit = EvidenceFile.maxBytes + (1 << 20)
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            return nil
        }
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? ""),
            let form = MultipartForm.parse([UInt8](buffer.readableBytesView), boundary: boundary)
        else {
            throw APIError(.badRequest, code: "bad_request", message: "the form is not well-formed multipart/form-data")
        }
        try checkToken(form.text("form"), session)
        return form
    }
}
