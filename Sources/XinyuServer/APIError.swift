import Foundation
import Hummingbird
import XinyuCore

/// An error answered as JSON `{"error": {"code", "message"}}` with its HTTP status.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable machine-readable code: `not_found`, `bad_parameter`, `unauthorized`, `forbidden`,
    /// `payload_too_large`, `feed_rejected`, `internal`.
    public var code: String
    public var message: String

    public init(_ status: HTTPResponse.Status, code: String, message: String) {
        self.status = status; self.code = code; self.message = message
    }

    public static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }
    public static func badParameter(_ message: String) -> APIError { APIError(.badRequest, code: "bad_parameter", message: message) }

    struct Body: Encodable { var error: Inner; struct Inner: Encodable { var code: String; var message: String } }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try JSONResponse.make(Body(error: .init(code: code, message: message)), status: status)
    }

    /// Maps any error a handler throws onto an API error: store "unknown id" errors are 404,
    /// other one-line product errors 400, Hummingbird's own errors keep their status, anything else 500.
    static func from(_ error: any Error) -> APIError {
        if let e = error as? APIError { return e }
        if let e = error as? StoreError {
            switch e {
            case .unknownSchool, .unknownTeacher: return .notFound(e.description)
            default: return APIError(.internalServerError, code: "internal", message: e.description)
            }
        }
        if let e = error as? HTTPError {
            let code: String = switch e.status.code {
            case 404: "not_found"
            case 405: "method_not_allowed"
            case 413: "payload_too_large"
            case 400..<500: "bad_request"
            default: "internal"
            }
            let message = e.body ?? (e.status == .notFound ? "no such route" : e.status.reasonPhrase)
            return APIError(e.status, code: code, message: message)
        }
        if let e = error as? any XinyuError { return APIError(.badRequest, code: "bad_request", message: e.description) }
        return APIError(.internalServerError, code: "internal", message: "internal error: \(error)")
    }
}
