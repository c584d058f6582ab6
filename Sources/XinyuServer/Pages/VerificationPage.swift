import Certifications
import XinyuCore

/// The public verification page (`GET /verify/{code}`): the level, the dates, the status and the holder's name
/// with all but its first character masked; nothing else (no school, no award number, no teacher id).
struct VerificationPage {
    /// nil: no certificate has the code.
    let verification: CertificateView.Verification?
    let lang: DashboardLanguage
    let chrome: PageChrome

    func statusWords(_ s: CertificateStatus) -> (text: String, css: String) {
        switch s {
        case .valid: (lang.pick("有效", "valid"), "ok")
        case .expiring: (lang.pick("有效（即将到期）", "valid, expiring soon"), "warn")
        case .expired: (lang.pick("已过期", "expired"), "error")
        case .revoked: (lang.pick("已撤销", "revoked"), "error")
        }
    }

    func render() -> String {
        let e = HTML.escape
        var html = chrome.head()
        guard let v = verification else {
            let words = lang.pick(
                "未找到此验证码对应的证书。请核对证书上的验证码。",
                "No certificate has this verification code. Check the code on the certificate.")
            html += "<section><p class=\"error\">" + e(words) + "</p></section>\n"
            return html + PageChrome.foot
        }
        let status = statusWords(v.status)
        var rows: [(String, String, String?)] = [
            (lang.pick("持证人", "Holder"), v.maskedName, nil),
            (lang.pick("等级", "Level"), lang.pick("\(v.level.rawValue) 级", "Level \(v.level.rawValue)"), nil),
            (lang.pick("发证日期", "Date of issue"), v.issued.description, nil),
            (
                v.status == .expired
                    ? lang.pick("有效期至（已过期）", "Valid until (expired)") : lang.pick("本期有效期至", "Current cycle ends"),
                v.cycleEnd.description, nil
            ),
            (lang.pick("状态", "Status"), status.text, status.css),
        ]
        if let on = v.revokedOn { rows.append((lang.pick("撤销日期", "Revoked on"), on.description, "error")) }
        html += "<section><table>\n"
        for (label, value, css) in rows {
            html += "<tr><th>\(e(label))</th><td" + (css.map { " class=\"\($0)\"" } ?? "") + ">\(e(value))</td></tr>\n"
        }
        let note = lang.pick(
            "查询日期：\(v.asOf)。本页只显示证书的等级、日期和状态。",
            "Checked on \(v.asOf). This page shows only the certificate's level, dates and status.")
        html += "</table>\n<p class=\"note\">" + e(note) + "</p></section>\n"
        return html + PageChrome.foot
    }
}
