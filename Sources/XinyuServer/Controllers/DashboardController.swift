import Certifications
import Curriculum
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// The pages, one per role, zh-Hans by default (`?lang=en`), no script:
/// - `GET /`: the district's dashboard for the district roles (cached per date, language and district by the
///   ``ReportService``; who is logged in is put in per request), each school's name linking to its page; a
///   school's users are sent to their school's page and a teacher to `/me`. A district-scoped role's page shows
///   its district's figures, records awaiting certification and proposed plans only (issue #18; 404 when no
///   school of its district is stored).
///   Below it, the lesson plans schools proposed to the district library (issue #19).
/// - `GET /schools/{id}`: a school's page (its own school for a school-admin or planner; any for the district),
///   with the term's delivery rate by class and teacher and the group-guidance runs with their form, and the
///   school's own lesson plans and their review state (issue #19).
/// - `GET /me`: a teacher's own ledger, hours, what is still needed, their next lessons and the form recording
///   whether their past lessons were given (issue #19), their entered records and the submission form.
///
/// Issue #15's review forms: a school-admin's school page (and a district-admin's view of it) lists the school's
/// records awaiting approval; a district-admin's dashboard lists the approved records awaiting certification. A
/// form's message (``Flash``) is shown once and cleared.
struct DashboardController {
    let database: any XinyuStore
    let profile: RuleProfile
    let quotaRules: QuotaRules
    let reports: ReportService
    var secureCookies = false

    func addRoutes(to router: Router<XinyuRequestContext>) {
        let (db, profile, rules) = (database, profile, quotaRules)
        router.get("/") { request, context in
            let lang = DashboardLanguage(request)
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let p = try context.principal()
            // A district-scoped role's overview is its district's (issue #18); nil: the whole store's.
            let district: String?
            let within: Set<String>?
            if AccessPolicy.decide(p, .read(.district)) != .allow {
                switch try context.readScope() {
                case .school(let s): return redirect("/schools/\(s)?lang=\(lang.rawValue)")
                case .teacher: return redirect("/me?lang=\(lang.rawValue)")
                case .schools(let own, let ids):
                    guard !ids.isEmpty else { throw APIError.notFound("no school is stored in district \(own)") }
                    (district, within) = (own, ids)
                case .district: (district, within) = (nil, nil)
                }
            } else {
                (district, within) = (nil, nil)
            }
            let html = try await reports.dashboardHTML(
                asOf: asOf, lang: lang, district: district, version: context.caller?.dataVersion)
            let chrome = chrome(context, lang, "/")
            var page = String(decoding: html, as: UTF8.self)
                .replacingOccurrences(of: DashboardPage.userPlaceholder, with: chrome.userBar())
            let flash = Flash(request)
            if let flash, let h1 = page.range(of: "</h1>\n") {
                page.insert(contentsOf: flash.html, at: h1.upperBound)
            }
            if p.role == .districtAdmin,
                let approved = try? await BlockingWork.quick({
                    try db.recordEntries(RecordFilter(states: [.approved]))
                        .filter { within?.contains($0.schoolId) ?? true }
                }), let end = page.range(of: PageChrome.foot, options: .backwards)
            {
                let section = ReviewSection(
                    records: approved, action: .certify, lang: lang, formToken: chrome.user?.formToken, back: "/",
                    showSchool: true
                ).render()
                page.insert(contentsOf: section, at: end.lowerBound)
            }
            // Issue #19: the plans schools proposed, read per request (a short list), after the cached report.
            let proposals = try await BlockingWork.quick {
                try db.libraryItems(LibraryQuery(states: [.proposed], withBody: false))
                    .filter { item in within.map { ids in item.school.map(ids.contains) ?? false } ?? true }
                    .map(LibraryEntry.init(stored:))
            }
            // A district-admin's session gets the review forms (issue #19), with the outcome of the last one.
            let reviewToken =
                AccessPolicy.decide(p, .reviewLibrary) == .allow ? context.caller?.session.map(Secrets.formToken) : nil
            if let end = page.range(of: PageChrome.foot, options: .backwards) ?? page.range(of: "</body>", options: .backwards) {
                page.insert(
                    contentsOf: LibraryTable.section(proposals, lang: lang, own: false, reviewToken: reviewToken),
                    at: end.lowerBound)
            }
            return htmlResponse(page, clearingFlash: flash != nil)
        }
        router.get("/schools/{id}") { request, context in
            let id = try context.parameters.requireString("id")
            let lang = DashboardLanguage(request)
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
            let p = try context.principal()
            let reviews = p.role == .districtAdmin || (p.role == .schoolAdmin && p.school == id)
            let flash = Flash(request)
            let page = SchoolPage(model: model, lang: lang, chrome: chrome, reviews: reviews, flash: flash)
            return htmlResponse(page.render(), clearingFlash: flash != nil)
        }
        router.get("/me") { request, context in
            let lang = DashboardLanguage(request)
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
            let flash = Flash(request)
            let page = TeacherPage(model: model, lang: lang, chrome: chrome, flash: flash)
            return htmlResponse(page.render(), clearingFlash: flash != nil)
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

    func htmlResponse(_ html: String, clearingFlash: Bool = false) -> Response {
        var response = JSONResponse.text(html, contentType: "text/html; charset=utf-8")
        response.headers[.cacheControl] = "no-store"
        if clearingFlash { Flash.clear(&response, secure: secureCookies) }
        return response
    }
}
