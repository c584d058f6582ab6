import Certifications
import XinyuCore

/// Issue #15 on the teacher's page: the form that submits an outside training with its evidence
/// (`POST /me/submissions`), and the teacher's entered records with their state and the reason of a return, a
/// returned submission with a form that corrects it and sends it again (`POST /me/submissions/{id}`).
extension TeacherPage {
    /// The tiers a teacher chooses from (FEED-FORMAT.md): national … other.
    static let tiers: [(Int, String, String)] = [
        (10, "国家级", "national"), (20, "省级", "provincial"), (30, "市级", "municipal"), (40, "区县级", "county"),
        (60, "校级", "school"), (99, "其他", "other"),
    ]

    func submissions() -> String {
        let e = HTML.escape
        var s = "<section id=\"submissions\"><h2>\(e(lang.pick("我的培训记录与申报", "My training records and submissions")))</h2>\n"
        guard let records = model.records else {
            let note = lang.pick("此数据库尚不支持学校录入的培训记录。", "This store does not keep entered training records yet.")
            return s + "<p class=\"note\">\(e(note))</p></section>\n"
        }
        if let pending = model.ledger.pendingHours, pending.tenths > 0 {
            s +=
                "<p>\(e(lang.pick("审批中的学时（认证后才计入）", "Hours under review (they count once certified)"))): "
                + "<strong>\(pending)</strong></p>\n"
        }
        if records.isEmpty {
            s += "<p>\(e(lang.pick("还没有申报或签到记录。", "No submissions or sign-in records yet.")))</p>\n"
        } else {
            s +=
                "<table><tr><th>\(e(lang.pick("编号", "No.")))</th><th>\(e(lang.pick("培训", "Training")))</th>"
                + "<th>\(e(lang.pick("学时", "Hours")))</th><th>\(e(lang.pick("日期", "Date")))</th>"
                + "<th>\(e(lang.pick("状态", "State")))</th><th>\(e(lang.pick("退回理由", "Reason returned")))</th></tr>\n"
            for r in records {
                let css = r.state == .returned ? " class=\"error\"" : r.state == .certified ? " class=\"ok\"" : ""
                s +=
                    "<tr><td>\(r.id)</td><td>\(e(r.courseTitle))</td><td>\(r.hours)</td><td>\(e(r.date.description))</td>"
                    + "<td\(css)>\(e(ReviewSection.stateWords(r.state, lang)))</td><td>\(e(r.reason ?? ""))</td></tr>\n"
            }
            s += "</table>\n"
        }
        guard let token = chrome.user?.formToken else {
            return s + "<p class=\"note\">\(e(lang.pick("请在浏览器中登录后申报。", "Log in with a browser to submit.")))</p></section>\n"
        }
        for r in records where r.state == .returned && r.source == .submission {
            guard let course = model.returnedCourses[r.courseId] else { continue }
            s +=
                "<details open><summary>\(e(lang.pick("修改并重新提交 \(r.id) 号申报", "Correct and resubmit record \(r.id)")))</summary>\n"
            s += form(action: "/me/submissions/\(r.id)", token: token, course: course, evidenceRequired: false)
            s += "</details>\n"
        }
        s += "<h3>\(e(lang.pick("申报校外培训", "Submit an outside training")))</h3>\n"
        s += form(action: "/me/submissions", token: token, course: nil, evidenceRequired: true)
        return s + "</section>\n"
    }

    /// The submission form, empty or filled with a returned submission's course.
    func form(action: String, token: String, course: Course?, evidenceRequired: Bool) -> String {
        let e = HTML.escape
        func input(_ name: String, _ label: String, _ value: String?, _ attributes: String) -> String {
            "<label>\(e(label)) <input name=\"\(name)\" \(attributes) value=\"\(e(value ?? ""))\"></label>\n"
        }
        var f = """
            <form method="post" action="\(e(action))\(lang == .en ? "?lang=en" : "")" enctype="multipart/form-data">
            <input type="hidden" name="form" value="\(e(token))">

            """
        f += input("title", lang.pick("培训名称", "Title"), course?.title, "required maxlength=\"1000\"")
        f += input("provider", lang.pick("举办单位", "Provider"), course?.provider, "maxlength=\"200\"")
        f += "<label>\(e(lang.pick("类别", "Category"))) <select name=\"category\">"
        for c in ["professional", "public", "elective"] {
            let selected = course?.category.rawValue == c ? " selected" : ""
            f += "<option value=\"\(c)\"\(selected)>\(e(PageWords.category(c, lang)))</option>"
        }
        f += "</select></label>\n<label>\(e(lang.pick("级别", "Level"))) <select name=\"tier\">"
        for (code, zh, en) in Self.tiers {
            let selected = (course?.tier ?? 99) == code ? " selected" : ""
            f += "<option value=\"\(code)\"\(selected)>\(e(lang.pick(zh, en)))</option>"
        }
        f += "</select></label>\n"
        f += input(
            "hours", lang.pick("学时", "Hours"), course.map { $0.hours.description },
            "required inputmode=\"decimal\" pattern=\"[0-9]+([.][0-9])?\"")
        f += input("date", lang.pick("开始日期", "First day"), course?.start.description, "type=\"date\" required")
        f += input("end", lang.pick("结束日期（可空）", "Last day (optional)"), course?.end.description, "type=\"date\"")
        let evidence =
            evidenceRequired
            ? lang.pick("证明材料（PDF、JPEG 或 PNG，不超过 10 MB）", "Evidence (PDF, JPEG or PNG, at most 10 MB)")
            : lang.pick("新的证明材料（可空，不选则保留原文件）", "New evidence (optional; the stored file is kept otherwise)")
        f +=
            "<label>\(e(evidence)) <input name=\"evidence\" type=\"file\" "
            + "accept=\"application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png\""
            + (evidenceRequired ? " required" : "") + "></label>\n"
        let button = evidenceRequired ? lang.pick("提交申报", "Submit") : lang.pick("重新提交", "Resubmit")
        return f + "<button type=\"submit\">\(e(button))</button></form>\n"
    }
}
