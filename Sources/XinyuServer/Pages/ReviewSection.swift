import Certifications
import XinyuCore

/// The records waiting for one reviewer, as forms (issue #15): on a school's page the `submitted` records its
/// school-admin approves or returns, on the district's page the `approved` ones a district-admin certifies or
/// returns. Grouped by course, oldest first: each course has one button that moves all its waiting records (a
/// whole sign-in sheet at once), each record its own button and a return form whose reason is required. Every
/// form posts to `POST /reviews` with the session's form token and comes back here (303) with a message.
struct ReviewSection {
    /// The records waiting (all in the state `action` takes).
    let records: [RecordEntry]
    /// `approve` (school) or `certify` (district).
    let action: ApprovalAction
    let lang: DashboardLanguage
    /// The session's form token; nil (a bearer token's request): the list without forms.
    let formToken: String?
    /// The page the forms come back to (`/schools/ID` or `/`).
    let back: String
    /// Whether to show each record's school (the district's list).
    let showSchool: Bool

    /// Records listed at most; the rest are counted (one click per course still moves all of a course's).
    static let shown = 300

    static func stateWords(_ s: RecordState, _ lang: DashboardLanguage) -> String {
        switch s {
        case .submitted: lang.pick("待学校审批", "awaiting the school's approval")
        case .approved: lang.pick("待区级认证", "awaiting the district's certification")
        case .returned: lang.pick("已退回", "returned")
        case .certified: lang.pick("已认证（计入学时）", "certified (counted)")
        }
    }

    func render() -> String {
        let e = HTML.escape
        let title =
            action == .approve
            ? lang.pick("待审批的培训记录", "Training records awaiting approval")
            : lang.pick("待认证的培训记录（学校已审批）", "Training records awaiting certification (approved by the school)")
        var s = "<section id=\"reviews\"><h2>\(e(title)) <strong>\(records.count)</strong></h2>\n"
        if records.isEmpty {
            return s + "<p>\(e(lang.pick("目前没有等待处理的记录。", "Nothing is waiting now.")))</p></section>\n"
        }
        if formToken == nil {
            s += "<p class=\"note\">\(e(lang.pick("请在浏览器中登录后审批。", "Log in with a browser to review.")))</p>\n"
        }
        let verb = action == .approve ? lang.pick("批准", "Approve") : lang.pick("认证", "Certify")
        let groups = Dictionary(grouping: records.prefix(Self.shown), by: \.courseId)
            .sorted { ($0.value.map(\.date).min()!, $0.key) < ($1.value.map(\.date).min()!, $1.key) }
        for (course, list) in groups {
            let first = list[0]
            let all = records.filter { $0.courseId == course }.count
            s += "<h3>\(e(first.courseTitle)) <span class=\"note\">\(e(course))"
            if showSchool { s += " · \(e(first.schoolId))" }
            s += " · \(e(lang.pick("\(all) 条", "\(all) record\(all == 1 ? "" : "s")")))</span></h3>\n"
            if all > 1, formToken != nil {
                let words = lang.pick("\(verb)本培训全部 \(all) 条记录", "\(verb) all \(all) records of this course")
                s +=
                    form(["action": action.rawValue, "course": course]) + "<button type=\"submit\">\(e(words))</button></form>\n"
            }
            s +=
                "<table><tr><th>\(e(lang.pick("编号", "No.")))</th><th>\(e(lang.t(.teacher)))</th>"
                + "<th>\(e(lang.pick("学时", "Hours")))</th><th>\(e(lang.pick("日期", "Date")))</th>"
                + "<th>\(e(lang.pick("来源", "Source")))</th><th>\(e(lang.pick("备注", "Note")))</th>"
                + "<th>\(e(lang.pick("操作", "Review")))</th></tr>\n"
            for r in list {
                let source =
                    r.source == .submission
                    ? lang.pick("教师申报", "teacher's submission") : lang.pick("签到表", "sign-in sheet")
                var cells = e(source)
                if r.evidence != nil {
                    cells += " · <a href=\"/api/v1/submissions/\(r.id)/evidence\">\(e(lang.pick("证明材料", "evidence")))</a>"
                }
                s +=
                    "<tr><td>\(r.id)</td><td>\(e(r.teacherId)) \(e(r.teacherName))</td><td>\(r.hours)</td>"
                    + "<td>\(e(r.date.description))</td><td>\(cells)</td><td>\(e(r.note ?? ""))</td><td>"
                guard formToken != nil else {
                    s += "</td></tr>\n"
                    continue
                }
                s +=
                    form(["action": action.rawValue, "ids": String(r.id)]) + "<button type=\"submit\">\(e(verb))</button></form> "
                s +=
                    form(["action": ApprovalAction.return.rawValue, "ids": String(r.id)])
                    + "<input name=\"reason\" required maxlength=\"\(ApprovalMachine.maxReason)\" "
                    + "aria-label=\"\(e(lang.pick("退回理由", "Reason for returning")))\" "
                    + "placeholder=\"\(e(lang.pick("退回理由（必填）", "Reason (required)")))\">"
                    + "<button type=\"submit\">\(e(lang.pick("退回", "Return")))</button></form></td></tr>\n"
            }
            s += "</table>\n"
        }
        if records.count > Self.shown {
            let more = records.count - Self.shown
            s += "<p class=\"note\">\(e(lang.pick("另有 \(more) 条未列出。", "\(more) more are not listed.")))</p>\n"
        }
        return s + "</section>\n"
    }

    /// The start of a review form with its hidden fields (only called with a form token).
    func form(_ fields: [String: String]) -> String {
        let e = HTML.escape
        let formToken = formToken ?? ""
        var h = "<form class=\"inline\" method=\"post\" action=\"/reviews\(lang == .en ? "?lang=en" : "")\">"
        h += "<input type=\"hidden\" name=\"form\" value=\"\(e(formToken))\">"
        h += "<input type=\"hidden\" name=\"back\" value=\"\(e(back))\">"
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
            h += "<input type=\"hidden\" name=\"\(e(k))\" value=\"\(e(v))\">"
        }
        return h
    }
}
