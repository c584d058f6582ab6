import Foundation
import XinyuCore

/// Renders the dashboard: one self-contained HTML page with inline CSS and inline SVG charts.
/// No script, nothing fetched from elsewhere (school networks are often offline). Every text is escaped.
struct DashboardPage {
    let model: DashboardModel
    let lang: DashboardLanguage

    func render() -> String {
        let e = HTML.escape
        let other: DashboardLanguage = lang == .zh ? .en : .zh
        let switchHref = "/?lang=\(other.rawValue)&amp;asOf=\(model.asOf)"
        var h = """
            <!DOCTYPE html>
            <html lang="\(lang.htmlLang)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(lang.t(.title)))</title>
            <style>
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;\
            margin:1.5rem;color:#222;background:#fafafa}
            h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem} \
            section{background:#fff;padding:1rem;border:1px solid #ddd;border-radius:6px;margin-bottom:1rem}
            table{border-collapse:collapse} td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:left} \
            .note{color:#666;font-size:.85rem}
            nav{float:right} svg text{font-size:12px}
            form.inline{display:inline} .ok{color:#2a7d2a} .error{color:#b00020} \
            .flash{padding:.5rem;border:1px solid currentColor;border-radius:4px;background:#fff}
            </style></head><body>
            <nav><a href="\(switchHref)">\(e(lang.t(.switchLang)))</a>\(Self.userPlaceholder)</nav>
            <h1>\(e(lang.t(.title)))</h1>
            <p>\(e(lang.t(.asOf))): \(e(model.asOf.description))\(districtNote)</p>

            """
        h += section(lang.t(.coverage), note: lang.t(.coverageNote)) { coverageChart() }
        h += section(lang.t(.noPsych)) { noPsychList() }
        h += section(lang.t(.expiring)) { expiringTable() }
        h += section("\(lang.t(.quota)) \(model.quotaYear)", note: lang.t(.quotaNote)) { quotaChart() }
        h += "</body></html>\n"
        return h
    }

    /// For a district's page (issue #18): which district the figures are.
    var districtNote: String {
        guard let district = model.district else { return "" }
        return " · " + HTML.escape(lang.pick("区县 ", "district ") + district)
    }

    /// Where the server puts who is logged in (the page is cached for everyone; the bar is per request).
    static let userPlaceholder = "<!--xinyu:user-->"

    /// A school's name linking to its page.
    func schoolLink(_ id: String, _ name: String) -> String {
        "<a href=\"/schools/\(HTML.escape(id))?lang=\(lang.rawValue)&amp;asOf=\(model.asOf)\">\(HTML.escape(name))</a>"
    }

    func section(_ title: String, note: String? = nil, _ body: () -> String) -> String {
        var s = "<section><h2>\(HTML.escape(title))</h2>\n"
        if let note { s += "<p class=\"note\">\(HTML.escape(note))</p>\n" }
        return s + body() + "</section>\n"
    }

    /// What an empty chart shows (a store with no schools yet).
    var noData: String { "<p>\(HTML.escape(lang.t(.noData)))</p>\n" }

    static let colors = ["C": "#8ecae6", "B": "#219ebc", "A": "#023047"]

    /// Grouped horizontal bars, three per school (C, B, A), with dashed target lines.
    func coverageChart() -> String {
        let rows = model.coverage
        if rows.isEmpty { return noData }
        let label = 180.0
        let width = 420.0
        let bar = 7.0
        let group = 3 * bar + 8
        let top = 24.0
        let height = top + Double(rows.count) * group + 10
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(label + width + 60))\""
            + " height=\"\(Int(height))\" aria-label=\"\(HTML.escape(lang.t(.coverage)))\">\n"
        var lx = label
        for lv in ["C", "B", "A"] {
            s += "<rect x=\"\(f(lx))\" y=\"4\" width=\"12\" height=\"10\" fill=\"\(Self.colors[lv]!)\"/>"
            s += "<text x=\"\(f(lx + 16))\" y=\"13\">\(lv)</text>\n"
            lx += 50
        }
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * group
            s +=
                "<a href=\"/schools/\(HTML.escape(r.school))?lang=\(lang.rawValue)\"><text x=\"\(f(label - 6))\" "
                + "y=\"\(f(y + 1.5 * bar + 4))\" text-anchor=\"end\">\(HTML.escape(r.name))</text></a>\n"
            for (k, (lv, v)) in [("C", r.c), ("B", r.b), ("A", r.a)].enumerated() {
                let by = y + Double(k) * bar
                s += "<rect x=\"\(f(label))\" y=\"\(f(by))\" width=\"\(f(max(0, min(1, v)) * width))\" height=\"\(f(bar - 1))\""
                s += " fill=\"\(Self.colors[lv]!)\"><title>\(HTML.escape(r.name)) \(lv): \(pct(v))</title></rect>\n"
            }
        }
        for (lv, t) in [("C", model.targets.c), ("B", model.targets.b), ("A", model.targets.a)] {
            guard let t else { continue }
            let x = label + max(0, min(1, t)) * width
            s += "<line x1=\"\(f(x))\" y1=\"\(f(top - 4))\" x2=\"\(f(x))\" y2=\"\(f(height - 6))\""
            s += " stroke=\"\(Self.colors[lv]!)\" stroke-dasharray=\"4 3\">"
            s += "<title>\(HTML.escape(lang.t(.target))) \(lv): \(pct(t))</title></line>\n"
        }
        return s + "</svg>\n"
    }

    func noPsychList() -> String {
        let list = model.schoolsWithoutPsych
        if list.isEmpty { return "<p>\(HTML.escape(lang.t(.noPsychNone)))</p>\n" }
        return "<ul>\n" + list.map { "<li>\(HTML.escape($0.id)) \(schoolLink($0.id, $0.name))</li>\n" }.joined() + "</ul>\n"
    }

    func expiringTable() -> String {
        let list = model.expiring
        if list.isEmpty { return "<p>\(HTML.escape(lang.t(.expiringNone)))</p>\n" }
        var s = "<table><tr><th>\(HTML.escape(lang.t(.teacher)))</th><th>\(HTML.escape(lang.t(.school)))</th>"
        s += "<th>\(HTML.escape(lang.t(.level)))</th><th>\(HTML.escape(lang.t(.ends)))</th></tr>\n"
        for x in list.prefix(Self.expiringShown) {
            s += "<tr><td>\(HTML.escape(x.teacher)) \(HTML.escape(x.name))</td><td>\(HTML.escape(x.school))</td>"
            s += "<td>\(HTML.escape(x.level))</td><td>\(HTML.escape(x.ends))</td></tr>\n"
        }
        s += "</table>\n"
        if list.count > Self.expiringShown {
            let more =
                lang == .zh
                ? "共 \(list.count) 人，此处列出最早到期的 \(Self.expiringShown) 人。"
                : "\(list.count) teachers in all; the \(Self.expiringShown) earliest are listed."
            s += "<p class=\"note\">\(HTML.escape(more))</p>\n"
        }
        return s
    }

    /// Rows of the expiring table; the full list is in `GET /api/v1/coverage` counts and the teacher ledgers.
    static let expiringShown = 50

    /// One bar per school: share of active teachers meeting every quota; a mark when whole-staff trainings are short.
    func quotaChart() -> String {
        let rows = model.quota
        if rows.isEmpty { return noData }
        let label = 180.0
        let width = 420.0
        let bar = 14.0
        let top = 6.0
        let height = top + Double(rows.count) * (bar + 4) + 6
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(label + width + 90))\""
            + " height=\"\(Int(height))\" aria-label=\"\(HTML.escape(lang.t(.quota)))\">\n"
        for (i, r) in rows.enumerated() {
            let y = top + Double(i) * (bar + 4)
            let v = r.teachers == 0 ? 0 : Double(r.meetsAll) / Double(r.teachers)
            let color = r.wholeStaffMet ? "#2a9d8f" : "#e76f51"
            s +=
                "<a href=\"/schools/\(HTML.escape(r.school))?lang=\(lang.rawValue)\"><text x=\"\(f(label - 6))\" "
                + "y=\"\(f(y + bar - 3))\" text-anchor=\"end\">\(HTML.escape(r.name))</text></a>\n"
            s += "<rect x=\"\(f(label))\" y=\"\(f(y))\" width=\"\(f(width))\" height=\"\(f(bar))\" fill=\"#eee\"/>"
            s += "<rect x=\"\(f(label))\" y=\"\(f(y))\" width=\"\(f(v * width))\" height=\"\(f(bar))\" fill=\"\(color)\">"
            s += "<title>\(HTML.escape(r.name)): \(r.meetsAll)/\(r.teachers)</title></rect>\n"
            s += "<text x=\"\(f(label + width + 6))\" y=\"\(f(y + bar - 3))\">\(r.meetsAll)/\(r.teachers)</text>\n"
        }
        return s + "</svg>\n"
    }

    func f(_ x: Double) -> String { String(format: "%.1f", x) }
    func pct(_ x: Double) -> String { String(format: "%.1f%%", x * 100) }
}
