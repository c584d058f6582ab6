import Hummingbird

/// Answers a request whose path is a known route but whose method is not (`TRACE /health`, `PUT /api/v1/schools`)
/// with 405 and an `Allow` header listing the methods the path takes, instead of the router's 404.
/// `HEAD` is answered like `GET` by the router where `GET` exists.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Each known path as segments (`{name}` matches any one segment) with the methods it takes.
    private let patterns: [(segments: [Substring], methods: [HTTPRequest.Method])]

    init(routes: [(path: String, method: HTTPRequest.Method)]) {
        var byPath: [String: [HTTPRequest.Method]] = [:]
        for r in routes { byPath[r.path, default: []].append(r.method) }
        patterns = byPath.map { path, methods in (path.split(separator: "/"), methods) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let segments = request.uri.path.split(separator: "/")
            guard let match = patterns.first(where: { Self.matches($0.segments, segments) }),
                !match.methods.contains(request.method)
            else { throw error }
            var allow = match.methods.map(\.rawValue)
            if match.methods.contains(.get) { allow.append("HEAD") }
            throw APIError(
                .methodNotAllowed, code: "method_not_allowed",
                message: "\(request.method.rawValue) is not allowed on \(request.uri.path); use \(allow.joined(separator: ", "))",
                headers: [.allow: allow.joined(separator: ", ")])
        }
    }

    private static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        guard pattern.count == path.count else { return false }
        return zip(pattern, path).allSatisfy { p, s in (p.hasPrefix("{") && p.hasSuffix("}")) || p == s }
    }
}
