import Curriculum
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// `POST /lessons/{id}/review` (issue #19): the district dashboard's form to approve a proposed plan or return it
/// to its school with a reason. Form fields: `form` (the page's form token), `decision` (`approve` or `return`),
/// `reason` (required to return), `lang`.
///
/// Who: a district-admin (``AccessPolicy`` `reviewLibrary`; another role gets 403 before anything is read). From a
/// browser session the form token must match the session's (CSRF); a call with `Authorization: Bearer` (which a
/// browser never sends on its own) needs none. The move is audited like the API's (`lesson.approve`,
/// `lesson.return`). The answer is a 303 back to the dashboard with a one-time ``Flash`` (approved, returned, or a
/// return without a reason that changed nothing), like every other page form.
struct LibraryReviewFormController {
    let database: any XinyuStore
    let onChanged: @Sendable () async -> Void
    /// Whether the flash cookie is `Secure` (HTTPS).
    let secureCookies: Bool

    func addRoutes(to router: Router<XinyuRequestContext>) {
        let (db, onChanged, secure) = (database, onChanged, secureCookies)
        router.post("/lessons/{id}/review") { request, context in
            let id = try context.parameters.requireString("id")
            try context.require(.reviewLibrary)
            let form = try await FormBody(request)
            if let session = context.caller?.session {
                guard let given = form["form"], Secrets.constantTimeEqual(given, Secrets.formToken(session: session)) else {
                    throw APIError(.forbidden, code: "forbidden", message: "the form token is missing or wrong; reload the page")
                }
            }
            let lang = form["lang"].map { DashboardLanguage(query: $0) } ?? DashboardLanguage(request)
            func back(_ outcome: LibraryTable.ReviewOutcome) -> Response {
                LibraryTable.flash(outcome, id: id, lang: lang).redirect(to: "/?lang=\(lang.rawValue)", secure: secure)
            }
            let reason = (form["reason"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let decision = form["decision"] ?? ""
            guard decision == "approve" || decision == "return" else {
                throw APIError(.badRequest, code: "bad_request", message: "decision must be approve or return")
            }
            if decision == "return" && reason.isEmpty { return back(.needsReason) }
            let actor = try LessonLibraryController.actor(context)
            _ = try await BlockingWork.heavy { () throws -> LibraryItem in
                decision == "approve"
                    ? try ManagedLibrary.approve(id: id, in: db, by: actor)
                    : try ManagedLibrary.returnToSchool(id: id, reason: reason, in: db, by: actor)
            }
            await onChanged()
            return back(decision == "approve" ? .approved : .returned)
        }
    }
}
