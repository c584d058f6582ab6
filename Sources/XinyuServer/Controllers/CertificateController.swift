import Certifications
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// Certificates (issue #16):
/// - `GET /certificates/{no}`: the certificate with award number `no` as a printable A4 page, for the teacher
///   themselves, their school's school-admins and the district roles (``AccessPolicy``: another school's or
///   another teacher's certificate is a 404 worded as for an unknown number; a planner or a feed 403). The first
///   view issues its verification code (audited as `certificate.code`).
/// - `GET /verify/{code}`: public, no credential: the level, dates, status and the masked name; 404 page for an
///   unknown code; at most ``VerifyRateLimiter/perMinute`` requests a minute per client address (429 with
///   `Retry-After`).
///
/// The verification address printed on the page is `--public-url` when the server has one, else the address
/// the page was asked on (its `Host`, and `https` when `X-Forwarded-Proto` says so).
struct CertificateController {
    let database: any XinyuStore
    let profile: RuleProfile
    let publicURL: String?
    let limiter: VerifyRateLimiter

    func addRoutes(to router: Router<XinyuRequestContext>) {
        let (db, profile, publicURL, limiter) = (database, profile, publicURL, limiter)
        router.get("/certificates/{no}") { request, context in
            let number = try context.parameters.requireString("no")
            let unknown = CertificateStoreError.unknownCertificate(number: number).description
            guard let cert = try await BlockingWork.quick({ try db.certificate(number: number) }) else {
                throw APIError.notFound(unknown)
            }
            try context.require(
                .read(.certificate(teacher: cert.teacher.id, school: cert.teacher.schoolId)),
                notFound: unknown)
            let (principal, address) = try context.actor
            let today = Day.today()
            let view = try await BlockingWork.heavy {
                try Certificates.view(
                    number: number, in: db, asOf: today, profile: profile, issueCode: true,
                    actor: principal.name, address: address)
            }
            let base = publicURL ?? Self.requestBase(request)
            return Self.html(CertificatePage(view: view, verifyBase: base).render(), status: .ok)
        }
        router.get("/verify/{code}") { request, context in
            let address = AuthMiddleware.clientAddress(request, peer: context.peerAddress) ?? "unknown"
            if let wait = limiter.take(address) {
                throw APIError(
                    .tooManyRequests, code: "rate_limited",
                    message: "too many verifications from this address; try again in \(wait) s",
                    headers: [.retryAfter: String(wait)])
            }
            let code = try context.parameters.requireString("code")
            let lang = DashboardLanguage(request)
            let today = Day.today()
            let verification = try await BlockingWork.quick {
                try Certificates.verify(code: code, in: db, asOf: today, profile: profile)
            }
            let path = "/verify/" + (code.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let chrome = PageChrome(
                lang: lang, title: lang.pick("心理健康教育教师证书验证", "Certificate verification"),
                user: nil, path: path)
            let page = VerificationPage(verification: verification, lang: lang, chrome: chrome).render()
            return Self.html(page, status: verification == nil ? .notFound : .ok)
        }
    }

    /// `scheme://host` the request came to, or nil without a usable `Host`.
    static func requestBase(_ request: Request) -> String? {
        guard let host = request.head.authority, !host.isEmpty,
            host.allSatisfy({ $0.isASCII && !$0.isWhitespace && $0 != "/" && $0 != "\"" && $0 != "<" })
        else { return nil }
        let https = request.headers[.xForwardedProto]?.lowercased() == "https"
        return (https ? "https://" : "http://") + host
    }

    static func html(_ page: String, status: HTTPResponse.Status) -> Response {
        var response = JSONResponse.text(page, contentType: "text/html; charset=utf-8", status: status)
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
