import Foundation
import XinyuAccounts

/// What every page shares: the head with its inline style (no script, nothing fetched), the bar with the
/// language switch, who is logged in and the logout button (a form with its form token).
struct PageChrome {
    let lang: DashboardLanguage
    let title: String
    /// The logged-in caller and the session's form token; nil on the login page or for a bearer token.
    var user: (name: String, role: String, formToken: String?)?
    /// This page's path and query without `lang`, for the language switch.
    var path: String

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:1.5rem;\
        color:#222;background:#fafafa}
        h1{font-size:1.4rem} h2{font-size:1.1rem;margin-top:2rem}
        section{background:#fff;padding:1rem;border:1px solid #ddd;border-radius:6px;margin-bottom:1rem}
        table{border-collapse:collapse} td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;text-align:left}
        .note{color:#666;font-size:.85rem} .bar{float:right} .bar form{display:inline} .error{color:#b00020}
        .ok{color:#2a7d2a} .warn{color:#b36b00} svg text{font-size:12px} label{display:block;margin:.5rem 0}
        form.inline{display:inline} .flash{padding:.5rem;border:1px solid currentColor;border-radius:4px;background:#fff}
        """

    func head() -> String {
        let e = HTML.escape
        let sep = path.contains("?") ? "&amp;" : "?"
        let other: DashboardLanguage = lang == .zh ? .en : .zh
        let bar =
            "<div class=\"bar\"><a href=\"\(e(path))\(sep)lang=\(other.rawValue)\">\(e(lang.t(.switchLang)))</a>"
            + userBar() + "</div>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(lang.htmlLang)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(title))</title>
            <style>\(Self.style)</style></head><body>
            \(bar)<h1>\(e(title))</h1>

            """
    }

    static let foot = "</body></html>\n"

    /// Who is logged in and the logout button (also put into the cached dashboard, per request).
    func userBar() -> String {
        let e = HTML.escape
        guard let user else { return "" }
        var bar = " · \(e(user.name)) (\(e(user.role)))"
        if let token = user.formToken {
            bar +=
                " <form method=\"post\" action=\"/logout\"><input type=\"hidden\" name=\"form\" value=\"\(e(token))\">"
                + "<button type=\"submit\">\(e(lang.pick("退出登录", "Log out")))</button></form>"
        }
        return bar
    }
}
