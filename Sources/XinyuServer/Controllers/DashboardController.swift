import Certifications
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// The pages, one per role, zh-Hans by default (`?lang=en`), no script:
/// - `GET /`: the district's dashboard for the district roles (cached per date and language by the
///   ``ReportService``; who is logged in is put in per request), each school's name linking to its page; a
///   school's users are sent to their school's page and a teacher to `/me`.
/// - `GET /schools/{id}`: a school's page (its own school for a school-admin or planner; any for the district),
///   with the term's delivery rate by class and teacher and the group-guidance runs with their form (issue #19).
/// - `GET /me`: a teacher's own ledger, hours, what is still needed, their next lessons and the form recording
///   whether their past lessons were given (issue #19).
struct DashboardController {
    let database: any XinyuStore
    let profile: RuleProfile
    let quotaRules: QuotaRules
    let reports: ReportService

    func addRoutes(to router: Router<XinyuRequestContext>) {
        let (db, profile, rules) = (database, profile, quotaRules)
        router.get("/") { request, context in
            let lang = DashboardLanguage(query: try request.query("lang"))
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let p = try context.principal()
            if AccessPolicy.decide(p, .read(.district)) != .allow {
                switch try context.readScope() {
                case .school(let s): return redirect("/schools/\(s)?lang=\(lang.rawValue)")
                case .teacher: return redirect("/me?lang=\(lang.rawValue)")
                case .schools(_, let ids):
                    // The overview covers the whole store: a district-scoped role starts at its first school.
                    guard let first = ids.min() else { throw APIError.notFound("no school in the caller's district") }
                    return redirect("/schools/\(first)?lang=\(lang.rawValue)")
                case .district: break
                }
            }
            let html = try await reports.dashboardHTML(asOf: asOf, lang: lang, version: context.caller?.dataVersion)
            let page = String(decoding: html, as: UTF8.self)
                .replacingOccurrences(of: DashboardPage.userPlaceholder, with: chrome(context, lang, "/").userBar())
            return htmlResponse(page)
        }
        router.get("/schools/{id}") { request, context in
            let id = try context.parameters.requireString("id")
            let lang = DashboardLanguage(query: try request.query("lang"))
            let asOf = try request.queryDay("asOf") ?? Day.today()
            try await BlockingWork.quick { try db.requireSchool(id) }
            try context.require(.read(.school(id)), notFound: StoreError.unknownSchool(id: id).description)
            let model = try await BlockingWork.heavy {
                try SchoolPageModel.compute(in: db, school: id, asOf: asOf, profile: profile, quotaRules: rules)
            }
            var chrome = chrome(context, lang, "/schools/\(id)")
            chrome = PageChrome(
                lang: lang, title: "\(model.school.name) · \(lang.pick("学校心理健康教育", "school overview"))",
                user: chrome.user, path: chrome.path)
            let error = try request.query("error")
            return htmlResponse(SchoolPage(model: model, lang: lang, chrome: chrome, error: error).render())
        }
        router.get("/me") { request, context in
            let lang = DashboardLanguage(query: try request.query("lang"))
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let p = try context.principal()
            guard p.role == .teacher, let id = p.teacher else {
                throw APIError(.forbidden, code: "forbidden", message: "this page is a teacher's own; see / instead")
            }
            let model = try await BlockingWork.heavy {
                try TeacherPageModel.compute(in: db, teacher: id, asOf: asOf, profile: profile, quotaRules: rules)
            }
            var chrome = chrome(context, lang, "/me")
            chrome = PageChrome(
                lang: lang, title: lang.pick("我的培训与证书", "My training and certification"),
                user: chrome.user, path: chrome.path)
            let error = try request.query("error")
            return htmlResponse(TeacherPage(model: model, lang: lang, chrome: chrome, error: error).render())
        }
    }

    func chrome(_ context: XinyuRequestContext, _ lang: DashboardLanguage, _ path: String) -> PageChrome {
        let user = context.caller.map { c in
            (name: c.principal.name, role: c.principal.role.rawValue, formToken: c.session.map(Secrets.formToken))
        }
        return PageChrome(lang: lang, title: lang.t(.title), user: user, path: path)
    }

    func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    func htmlResponse(_ html: String) -> Response {
        var response = JSONResponse.text(html, contentType: "text/html; charset=utf-8")
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
