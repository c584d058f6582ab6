import Foundation

/// The login form (and the small page that sends an unauthenticated browser to it). The form carries a token
/// equal to the `xinyu_login` cookie (both random, checked together on post): a page on another site can neither
/// read the cookie nor send it (SameSite=Strict), so it cannot post the form.
enum LoginPage {
    static func render(
        lang: DashboardLanguage, formToken: String, next: String, name: String = "",
        message: String? = nil
    ) -> String {
        let e = HTML.escape
        var h = PageChrome(
            lang: lang, title: lang.pick("心育 · 登录", "Xinyu · Log in"), user: nil,
            path: "/login" + (next == "/" ? "" : "?next=" + e(next))
        ).head()
        if let message { h += "<p class=\"error\" role=\"alert\">\(e(message))</p>\n" }
        h += """
            <section><form method="post" action="/login\(lang == .en ? "?lang=en" : "")">
            <input type="hidden" name="form" value="\(e(formToken))">
            <input type="hidden" name="next" value="\(e(next))">
            <label>\(e(lang.pick("用户名", "User name"))) <input name="name" \
            autocomplete="username" required value="\(e(name))"></label>
            <label>\(e(lang.pick("密码", "Password"))) <input name="password" type="password" \
            autocomplete="current-password" required></label>
            <button type="submit">\(e(lang.pick("登录", "Log in")))</button>
            </form>
            <p class="note">\(e(lang.pick("同一用户名 15 分钟内连续 5 次登录失败后将被锁定 15 分钟。",
                "After 5 failed logins for a name within 15 minutes, the name is locked for 15 minutes.")))</p>
            </section>

            """
        return h + PageChrome.foot
    }

    /// A 401 page for a browser: a link to the login page, and a refresh that follows it (no script needed).
    static func redirect(to target: String, lang: DashboardLanguage) -> String {
        let e = HTML.escape
        let href = target + (lang == .en ? (target.contains("?") ? "&" : "?") + "lang=en" : "")
        return """
            <!DOCTYPE html>
            <html lang="\(lang.htmlLang)"><head><meta charset="utf-8">
            <meta http-equiv="refresh" content="0; url=\(e(href))">
            <title>\(e(lang.pick("请登录", "Please log in")))</title></head><body>
            <p><a href="\(e(href))">\(e(lang.pick("请先登录。", "Please log in.")))</a></p>
            </body></html>

            """
    }
}
