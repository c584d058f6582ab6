import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// `GET/POST /login` and `POST /logout`: the browser's session, kept in cookie `xinyu_session` (`HttpOnly`,
/// `SameSite=Strict`, `Path=/`, 12 hours, `Secure` when the request came over TLS through a proxy that says so
/// with `X-Forwarded-Proto: https`, or always with `--secure-cookies`). The store keeps only the SHA-256 of the
/// session id. Both forms carry a form token (CSRF): the login form's matches the `xinyu_login` cookie, the
/// logout form's is derived from the session id.
struct LoginController {
    static let loginCookie = "xinyu_login"
    let accounts: Accounts
    let cache: CredentialCache
    let secureCookies: Bool

    func addRoutes(to router: Router<XinyuRequestContext>) {
        router.get("/login") { request, _ in
            let lang = DashboardLanguage(request)
            return page(request, lang: lang, next: Self.safeNext(try request.query("next")), status: .ok)
        }
        router.post("/login") { request, context in
            let lang = DashboardLanguage(request)
            let form = try await FormBody(request)
            let next = Self.safeNext(form["next"])
            let name = form["name"] ?? ""
            guard let cookie = request.cookies[Self.loginCookie]?.value, let given = form["form"],
                Secrets.constantTimeEqual(cookie, given)
            else {
                return page(
                    request, lang: lang, next: next, name: name, status: .forbidden,
                    message: lang.pick("表单已过期，请重新登录。", "The form has expired; please log in again."))
            }
            let address = AuthMiddleware.clientAddress(request, peer: context.peerAddress)
            let (accounts, password) = (accounts, form["password"] ?? "")
            let outcome = try await BlockingWork.heavy { try accounts.logIn(name: name, password: password, from: address) }
            switch outcome {
            case .success(let session, let credential):
                var response = Response(status: .seeOther, headers: [.location: next, .cacheControl: "no-store"])
                let lifetime = Int((credential.expires ?? Date()).timeIntervalSince(accounts.now()))
                response.setCookie(makeCookie(request, AuthMiddleware.sessionCookie, session, path: "/", maxAge: lifetime))
                response.setCookie(makeCookie(request, Self.loginCookie, "", path: "/login", maxAge: 0))
                return response
            case .failed:
                return page(
                    request, lang: lang, next: next, name: name, status: .unauthorized,
                    message: lang.pick("用户名或密码错误。", "Wrong user name or password."))
            case .locked(let until):
                let minutes = max(1, Int((until.timeIntervalSince(accounts.now()) / 60).rounded(.up)))
                return page(
                    request, lang: lang, next: next, name: name, status: .tooManyRequests,
                    message: lang.pick(
                        "登录失败次数过多，该用户名已锁定，请 \(minutes) 分钟后再试。",
                        "Too many failed logins: this name is locked; try again in \(minutes) minutes."))
            }
        }
        router.post("/logout") { request, context in
            guard let caller = context.caller, let session = caller.session else {
                throw APIError(.forbidden, code: "forbidden", message: "only a browser session can log out")
            }
            let form = try await FormBody(request)
            guard let given = form["form"], Secrets.constantTimeEqual(given, Secrets.formToken(session: session)) else {
                throw APIError(.forbidden, code: "forbidden", message: "the form token is missing or wrong; reload the page")
            }
            let accounts = accounts
            try await BlockingWork.heavy {
                try accounts.logOut(session: session, by: caller.principal, from: caller.address)
            }
            cache.remove(Secrets.sha256(session))
            var response = Response(status: .seeOther, headers: [.location: "/login", .cacheControl: "no-store"])
            response.setCookie(makeCookie(request, AuthMiddleware.sessionCookie, "", path: "/", maxAge: 0))
            return response
        }
    }

    /// The login page with a new form token (and its cookie).
    func page(
        _ request: Request, lang: DashboardLanguage, next: String, name: String = "",
        status: HTTPResponse.Status, message: String? = nil
    ) -> Response {
        let token = Secrets.generate()
        let html = LoginPage.render(lang: lang, formToken: token, next: next, name: name, message: message)
        var response = JSONResponse.text(html, contentType: "text/html; charset=utf-8", status: status)
        response.headers[.cacheControl] = "no-store"
        response.setCookie(makeCookie(request, Self.loginCookie, token, path: "/login", maxAge: 3600))
        return response
    }

    func makeCookie(_ request: Request, _ name: String, _ value: String, path: String, maxAge: Int) -> Cookie {
        let tls = secureCookies || request.headers[.xForwardedProto]?.lowercased() == "https"
        return Cookie(name: name, value: value, maxAge: maxAge, path: path, secure: tls, httpOnly: true, sameSite: .strict)
    }

    /// Where to go after logging in: a path on this server, never another site (`//host`, `https://…`).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"),
            !next.unicodeScalars.contains(where: { $0.value < 0x20 })
        else { return "/" }
        return next
    }
}
