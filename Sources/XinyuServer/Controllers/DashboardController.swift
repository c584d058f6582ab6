import Hummingbird
import XinyuCore

/// `GET /`: the dashboard, built from the same reports the API serves (``DashboardModel/compute(in:asOf:profile:quotaRules:)``),
/// cached per date and language by the ``ReportService``.
struct DashboardController {
    let reports: ReportService

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in
            let lang = DashboardLanguage(query: try request.query("lang"))
            let asOf = try request.queryDay("asOf") ?? Day.today()
            let html = try await reports.dashboardHTML(asOf: asOf, lang: lang)
            return JSONResponse.text(data: html, contentType: "text/html; charset=utf-8")
        }
    }
}
