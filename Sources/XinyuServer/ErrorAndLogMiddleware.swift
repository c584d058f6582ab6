import Foundation
import Hummingbird
import Logging

/// Turns every thrown error (including unknown routes) into the JSON error body, and logs one line per request:
/// method, path, status, milliseconds.
struct ErrorAndLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        let response: Response
        do {
            response = try await next(request, context)
        } catch {
            let api = APIError.from(error)
            if api.status.code >= 500 { context.logger.error("\(api.logDetail ?? api.message)") }
            response = try api.response(from: request, context: context)
        }
        let ms = (ContinuousClock.now - start).components
        let millis = Double(ms.seconds) * 1000 + Double(ms.attoseconds) / 1e15
        context.logger.info("\(request.method) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", millis))ms")
        return response
    }
}
