import Certifications
import Curriculum
import XinyuCore

/// A school's page (school-admin, planner, district roles): staff by certification status, quota gaps, the
/// schedule's coming lessons, and links to the exports. Server-rendered, no script.
struct SchoolPage {
    let model: SchoolPageModel
    let lang: DashboardLanguage
    let chrome: PageChrome
    /// A form's refusal to show (from the redirect after `POST /schools/{id}/group-runs`).
    /// Whether the caller reviews this school's records (its school-admin, a district-admin): the forms are shown.
    var reviews = false
    /// The message of the form just posted, shown once.
    var flash: Flash? = nil

    static let lessonsShown = 30

    func render() -> String {
        let e = HTML.escape
        let id = model.school.id
        var h = chrome.head()
        h += flash?.html ?? ""
        h +=
            "<p>\(e(lang.t(.asOf))): \(e(model.asOf.description)) · \(e(id))"
            + " · \(e(lang.t(.teachers))) \(model.school.activeTeachers)</p>\n"
        if reviews, let awaiting = model.awaiting {
            h += ReviewSection(
                records: awaiting, action: .approve, lang: lang, formToken: chrome.user?.formToken,
                back: "/schools/\(id)", showSchool: false
            ).render()
        }
        h += staff()
        h += quota()
        h += schedule()
        h += DeliveryForms.rates(model.delivery, lang: lang)
        h += DeliveryForms.groupSection(
            school: id, runs: model.groupRuns, activities: model.activities,
            teachers: model.staff.map { ($0.teacherId, $0.name) }, lang: lang, formToken: chrome.user?.formToken)
        h += LibraryTable.section(model.plans, lang: lang, own: true)
        let q = "school=\(e(id))"
        h += """
            <section><h2>\(e(lang.pick("导出", "Exports")))</h2><ul>
            <li><a href="/api/v1/schedule.ics?\(q)">\(e(lang.pick("课表（iCalendar 日历）", "Schedule (iCalendar)")))</a></li>
            <li><a href="/api/v1/schedule?\(q)">\(e(lang.pick("课表（JSON）", "Schedule (JSON)")))</a></li>
            <li><a href="/api/v1/coverage/\(e(id))?asOf=\(model.asOf)">\(e(lang.pick("持证覆盖率（JSON）", "Coverage (JSON)")))</a></li>
            <li><a href="/api/v1/quota?\(q)&amp;teachers=true">\(e(lang.pick("培训定额（JSON，含每位教师）",
                "Quota (JSON, every teacher)")))</a></li>
            </ul></section>

            """
        return h + PageChrome.foot
    }

    /// Staff grouped by the status of the level their role requires.
    func staff() -> String {
        let e = HTML.escape
        var s = "<section><h2>\(e(lang.pick("教师持证情况（按岗位要求等级）", "Staff by status (at the level their role requires)")))</h2>\n"
        let groups = Dictionary(grouping: model.staff) { $0.level($0.requiredLevel).status }
        s +=
            "<p>"
            + CertStatus.allCases.compactMap { st in
                groups[st].map { "\(e(PageWords.status(st, lang))) <strong>\($0.count)</strong>" }
            }.joined(separator: " · ") + "</p>\n"
        s +=
            "<table><tr><th>\(e(lang.t(.teacher)))</th><th>\(e(lang.pick("岗位", "Role")))</th>"
            + "<th>\(e(lang.pick("要求", "Requires")))</th><th>\(e(lang.pick("状态", "Status")))</th>"
            + "<th>\(e(lang.pick("说明", "Why")))</th></tr>\n"
        let order = CertStatus.allCases
        let sorted = model.staff.sorted {
            let a = $0.level($0.requiredLevel).status
            let b = $1.level($1.requiredLevel).status
            return (order.firstIndex(of: a)!, $0.teacherId) < (order.firstIndex(of: b)!, $1.teacherId)
        }
        for t in sorted {
            let l = t.level(t.requiredLevel)
            s +=
                "<tr><td>\(e(t.teacherId)) \(e(t.name))</td><td>\(e(PageWords.role(t.role, lang)))</td>"
                + "<td>\(t.requiredLevel.rawValue)</td><td>\(e(PageWords.status(l.status, lang)))</td>"
                + "<td>\(e(PageWords.reason(l, lang)))</td></tr>\n"
        }
        return s + "</table></section>\n"
    }

    /// Who is behind the union quota this school year, and the whole-staff trainings per term.
    func quota() -> String {
        let e = HTML.escape
        let q = model.quota
        var s = "<section><h2>\(e(lang.pick("培训定额缺口", "Quota gaps"))) \(e(q.year))</h2>\n"
        if let line = q.schools.first {
            s += "<p>\(e(lang.t(.meetsAll))) \(line.meetsAll)/\(line.teachers)</p>\n<ul>"
            for w in line.wholeStaff {
                let mark = w.met ? "ok" : "warn"
                s += "<li class=\"\(mark)\">\(e(lang.t(.wholeStaff))) \(e(w.term)): \(w.count)/\(w.quota)</li>"
            }
            s += "</ul>\n"
        }
        let behind = (q.teachers ?? []).filter { !$0.meetsHours || !$0.meetsSessions }
        if behind.isEmpty {
            return s + "<p>\(e(lang.pick("所有在职教师均已达标。", "Every active teacher meets the quota.")))</p></section>\n"
        }
        s +=
            "<table><tr><th>\(e(lang.t(.teacher)))</th><th>\(e(PageWords.category("public", lang)))</th>"
            + "<th>\(e(PageWords.category("professional", lang)))</th><th>\(e(PageWords.category("elective", lang)))</th>"
            + "<th>\(e(lang.pick("总学时", "Total")))</th><th>\(e(lang.pick("还差专业培训次数", "Sessions short")))</th></tr>\n"
        for t in behind {
            s +=
                "<tr><td>\(e(t.id)) \(e(t.name))</td><td>\(t.missing.public)</td><td>\(t.missing.professional)</td>"
                + "<td>\(t.missing.elective)</td><td>\(t.missing.total)</td><td>\(t.missing.sessions)</td></tr>\n"
        }
        let note = lang.pick("表中为截至学年末（8 月 31 日）仍需补足的学时。", "Hours still needed by the end of the school year (31 August).")
        return s + "</table><p class=\"note\">\(e(note))</p></section>\n"
    }

    func schedule() -> String {
        let e = HTML.escape
        var s = "<section><h2>\(e(lang.pick("心理课课表", "Schedule")))"
        guard let view = model.schedule else {
            return s + "</h2><p>\(e(lang.pick("尚未排课。", "No schedule is stored yet.")))</p></section>\n"
        }
        s += " \(e(view.term))</h2>\n"
        let coming = view.sessions.filter { $0.date >= model.asOf.description }
        let (n, u) = (view.sessions.count, view.unplaced.count)
        let summary = lang.pick("共 \(n) 节，未排 \(u) 项；以下为即将进行的课。", "\(n) sessions, \(u) unplaced; the coming ones:")
        s += "<p>\(e(summary))</p>\n"
        s += SessionTable.render(Array(coming.prefix(Self.lessonsShown)), lang: lang, withTeacher: true)
        return s + "</section>\n"
    }
}
