import Curriculum
import XinyuCore

/// The lesson-library lists of the pages (issue #19): a school's own plans with their review state on its page,
/// and the proposals waiting for the district on the district's dashboard. Each plan links to its printable 教案.
enum LibraryTable {
    static func stateWord(_ s: LibraryState, _ lang: DashboardLanguage) -> String {
        switch s {
        case .active: lang.pick("校内使用", "in use")
        case .proposed: lang.pick("已提交区级审核", "proposed to the district")
        case .approved: lang.pick("已入选区级课程库", "in the district library")
        case .returned: lang.pick("已退回", "returned")
        case .retired: lang.pick("已停用", "retired")
        }
    }

    /// A section listing `plans`; `own`: the school's page (else the district's proposals). `reviewToken`: the
    /// caller may review (a district-admin's session) and this is the session's form token: each proposal gets the
    /// approve and return forms (``LibraryReviewFormController``).
    static func section(_ plans: [LibraryEntry], lang: DashboardLanguage, own: Bool, reviewToken: String? = nil) -> String {
        let e = HTML.escape
        let title =
            own ? lang.pick("校本教案与团辅活动", "The school's own plans") : lang.pick("待审核的校本教案", "Plans proposed to the district")
        var s = "<section><h2>\(e(title))</h2>\n"
        guard !plans.isEmpty else {
            let none = own ? lang.pick("尚无校本教案。", "No plans of its own yet.") : lang.pick("暂无待审核的教案。", "No proposals waiting.")
            return s + "<p>\(e(none))</p></section>\n"
        }
        s += "<table><tr><th>\(e(lang.pick("编号", "Id")))</th><th>\(e(lang.pick("标题", "Title")))</th>"
        if !own { s += "<th>\(e(lang.pick("学校", "School")))</th>" }
        s += "<th>\(e(lang.pick("版本", "Version")))</th><th>\(e(lang.pick("状态", "State")))</th>"
        if reviewToken != nil { s += "<th>\(e(lang.pick("审核", "Review")))</th>" }
        s += "</tr>\n"
        for p in plans {
            var state = stateWord(p.state, lang)
            if let r = p.reason { state += "：" + r }
            s += "<tr><td><a href=\"/lessons/\(e(p.id)).html\">\(e(p.id))</a></td><td>\(e(p.title))</td>"
            if !own { s += "<td>\(e(p.school ?? ""))</td>" }
            s += "<td>\(p.version)</td><td>\(e(state))</td>"
            if let token = reviewToken, p.state == .proposed {
                s += "<td>" + reviewForms(p.id, token: token, lang: lang) + "</td>"
            }
            s += "</tr>\n"
        }
        return s + "</table></section>\n"
    }

    /// The approve form and the return form (a reason required) of one proposal.
    static func reviewForms(_ id: String, token: String, lang: DashboardLanguage) -> String {
        let e = HTML.escape
        let open =
            "<form method=\"post\" action=\"/lessons/\(e(id))/review\">"
            + "<input type=\"hidden\" name=\"form\" value=\"\(e(token))\">"
            + "<input type=\"hidden\" name=\"lang\" value=\"\(lang.rawValue)\">"
        return open
            + "<button type=\"submit\" name=\"decision\" value=\"approve\">\(e(lang.pick("批准入库", "Approve")))</button></form>"
            + open
            + "<input type=\"text\" name=\"reason\" required maxlength=\"500\" "
            + "placeholder=\"\(e(lang.pick("退回理由（必填）", "Reason (required)")))\">"
            + "<button type=\"submit\" name=\"decision\" value=\"return\">\(e(lang.pick("退回", "Return")))</button></form>"
    }

    /// What a review form did.
    enum ReviewOutcome { case approved, returned, needsReason }

    /// The one-time message a review form leaves for the dashboard it redirects to.
    static func flash(_ outcome: ReviewOutcome, id: String, lang: DashboardLanguage) -> Flash {
        switch outcome {
        case .approved: Flash(ok: true, text: lang.pick("已批准，已进入区级课程库：", "Approved into the district library: ") + id)
        case .returned: Flash(ok: true, text: lang.pick("已退回学校：", "Returned to its school: ") + id)
        case .needsReason:
            Flash(ok: false, text: lang.pick("退回需要填写理由，未作更改：", "A return needs a reason; nothing changed: ") + id)
        }
    }
}
