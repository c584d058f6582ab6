import Certifications
import XinyuCore

/// A teacher's own page: each level's status with its reason in words, this school year's hours by category,
/// what is still needed and by when, and their next lessons. Server-rendered, no script.
struct TeacherPage {
    let model: TeacherPageModel
    let lang: DashboardLanguage
    let chrome: PageChrome
    /// A form's refusal to show (from the redirect after `POST /me/deliveries`).
    /// The message of the form just posted, shown once.
    var flash: Flash? = nil

    func render() -> String {
        let e = HTML.escape
        let t = model.ledger.teacher
        let status = model.ledger.status
        var h = chrome.head()
        h += flash?.html ?? ""
        h +=
            "<p>\(e(t.id)) \(e(t.name)) · \(e(model.schoolName)) · \(e(PageWords.role(t.role, lang))) · "
            + "\(e(lang.t(.asOf))): \(e(model.asOf.description))</p>\n"
        h += "<section><h2>\(e(lang.pick("资格证书", "Certification")))</h2>\n"
        h +=
            "<p>\(e(lang.pick("当前等级", "Effective level"))): "
            + "<strong>\(status.effectiveLevel?.rawValue ?? lang.pick("无", "none"))</strong>"
            + " · \(e(lang.pick("岗位要求", "Your role requires"))) \(status.requiredLevel.rawValue)</p>\n"
        h +=
            "<table><tr><th>\(e(lang.t(.level)))</th><th>\(e(lang.pick("状态", "Status")))</th>"
            + "<th>\(e(lang.pick("说明", "Why")))</th></tr>\n"
        for l in status.levels.reversed() {
            h +=
                "<tr><td>\(l.level.rawValue)</td><td>\(e(PageWords.status(l.status, lang)))</td>"
                + "<td>\(e(PageWords.reason(l, lang)))</td></tr>\n"
        }
        h += "</table></section>\n"
        h += hours()
        h += needed()
        h += submissions()
        h +=
            "<section><h2>\(e(lang.pick("我的下一节课", "My next lessons")))</h2>\n"
            + SessionTable.render(model.lessons, lang: lang, withTeacher: false) + "</section>\n"
        h += DeliveryForms.teacherSection(model.deliveries, lang: lang, formToken: chrome.user?.formToken)
        return h + PageChrome.foot
    }

    func hours() -> String {
        let e = HTML.escape
        var s = "<section><h2>\(e(lang.pick("本学年学时", "Hours this school year"))) \(e(model.year.description))</h2>\n"
        guard let q = model.quota else {
            return s + "<p>\(e(lang.pick("非在职教师不计入本学年定额。", "Inactive teachers are not counted this year.")))</p></section>\n"
        }
        s += "<table><tr><th>\(e(lang.pick("类别", "Category")))</th><th>\(e(lang.pick("学时", "Hours")))</th></tr>\n"
        for c in ["public", "professional", "elective"] {
            s += "<tr><td>\(e(PageWords.category(c, lang)))</td><td>\(q.hours[c] ?? .zero)</td></tr>\n"
        }
        s += "<tr><td><strong>\(e(lang.pick("合计", "Total")))</strong></td><td><strong>\(q.total)</strong></td></tr></table>\n"
        s += "<p>\(e(lang.pick("专业培训次数", "Professional trainings attended"))): \(q.sessions)</p>\n"
        return s + "</section>\n"
    }

    /// Quota gaps by the end of the school year, and for the required level what is still missing.
    func needed() -> String {
        let e = HTML.escape
        var items: [String] = []
        let end = model.year.last.description
        if let m = model.quota?.missing {
            for (c, h) in [("public", m.public), ("professional", m.professional), ("elective", m.elective)] where h.tenths > 0 {
                items.append(
                    lang.pick(
                        "\(end) 前还需\(PageWords.category(c, lang)) \(h) 学时",
                        "\(h) more \(PageWords.category(c, lang)) hours by \(end)"))
            }
            if m.total.tenths > 0 {
                items.append(lang.pick("\(end) 前总学时还差 \(m.total)", "\(m.total) more hours in all by \(end)"))
            }
            if m.sessions > 0 {
                items.append(lang.pick("\(end) 前还需参加 \(m.sessions) 次专业培训", "\(m.sessions) more professional trainings by \(end)"))
            }
        }
        let status = model.ledger.status
        let required = status.level(status.requiredLevel)
        switch required.status {
        case .expiring:
            let short = Hours(tenths: max(0, required.renewalRequired.tenths - (required.renewalHours?.tenths ?? 0)))
            items.append(
                lang.pick(
                    "\(required.cycleEnd?.description ?? "") 前还需续证学时 \(short)（\(required.level.rawValue) 级）",
                    "\(short) renewal hours for level \(required.level.rawValue) by \(required.cycleEnd?.description ?? "")"))
        case .none, .inTraining, .lapsed:
            let short = Hours(tenths: max(0, required.requiredHours.tenths - required.trackHours.tenths))
            if short.tenths > 0 {
                items.append(
                    lang.pick(
                        "岗位要求的 \(required.level.rawValue) 级还需 \(short) 学时",
                        "\(short) more track hours for level \(required.level.rawValue), which your role requires"))
            }
            if !required.passed {
                items.append(
                    lang.pick("\(required.level.rawValue) 级还需一次考核通过", "a pass in a level \(required.level.rawValue) course"))
            }
        case .certified, .eligible: break
        }
        var s = "<section><h2>\(e(lang.pick("还需完成", "Still needed")))</h2>\n"
        if items.isEmpty { return s + "<p class=\"ok\">\(e(lang.pick("目前没有缺口。", "Nothing is missing now.")))</p></section>\n" }
        s += "<ul>" + items.map { "<li>\(e($0))</li>" }.joined() + "</ul>\n"
        return s + "</section>\n"
    }
}
