import Foundation
import Hummingbird

/// The one-line message a page's form leaves for the page it sends the browser back to (303): kept for a minute
/// in cookie `xinyu_flash` (`HttpOnly`, `SameSite=Strict`), shown once and cleared by the next page. A cookie, not
/// a query parameter, so that a link from elsewhere cannot put words on a Xinyu page.
struct Flash: Equatable {
    static let cookie = "xinyu_flash"
    static let maxAge = 60

    var ok: Bool
    var text: String

    /// The cookie's value: `ok:` or `error:` and the percent-encoded text (at most 600 characters kept).
    var value: String {
        let text = String(text.prefix(600)).addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        return (ok ? "ok:" : "error:") + text
    }

    init(ok: Bool, text: String) {
        self.ok = ok
        self.text = text
    }

    /// The flash a request carries, or nil.
    init?(_ request: Request) {
        guard let value = request.cookies[Self.cookie]?.value, let colon = value.firstIndex(of: ":") else { return nil }
        let kind = value[..<colon]
        guard kind == "ok" || kind == "error",
            let text = String(value[value.index(after: colon)...]).removingPercentEncoding, !text.isEmpty
        else { return nil }
        self.init(ok: kind == "ok", text: text)
    }

    /// The message as a paragraph of the page (`role="status"` or `role="alert"`).
    var html: String {
        let css = ok ? "ok" : "error"
        return "<p class=\"\(css) flash\" role=\"\(ok ? "status" : "alert")\">\(HTML.escape(text))</p>\n"
    }

    /// A 303 to `location` that leaves this flash.
    func redirect(to location: String, secure: Bool) -> Response {
        var response = Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
        response.setCookie(
            Cookie(
                name: Self.cookie, value: value, maxAge: Self.maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict
            ))
        return response
    }

    /// Clears the flash a page has shown.
    static func clear(_ response: inout Response, secure: Bool) {
        response.setCookie(
            Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict))
    }
}
