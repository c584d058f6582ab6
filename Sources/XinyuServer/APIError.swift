import Certifications
import Curriculum
import Foundation
import Hummingbird
import XinyuCore

/// An error answered as JSON `{"error": {"code", "message"}}` with its HTTP status.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    /// A stable machine-readable code: `not_found`, `bad_parameter`, `unauthorized`, `forbidden`,
    /// `payload_too_large`, `method_not_allowed`, `request_timeout`, `store_busy`, `bad_request`, `internal` (a feed
    /// rejected as a whole is answered with its import summary, not an error body).
    public var code: String
    public var message: String
    /// Extra response headers (`Retry-After` on 503, `Allow` on 405).
    public var headers: HTTPFields
    /// What the server log says about this error when it differs from the client's message (paths, lock holders).
    public var logDetail: String?

    public init(_ status: HTTPResponse.Status, code: String, message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers
    }

    public static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "not_found", message: message) }
    public static func badParameter(_ message: String) -> APIError {
        APIError(.badRequest, code: "bad_parameter", message: message)
    }

    /// How long a client is asked to wait before retrying when the store is busy or full.
    static let retryAfterSeconds = 5

    /// 503: the store cannot take the request now (its write lock is held too long, or its disk is full). The
    /// client's message names no path; `log` (with the lock holder, when known) goes to the server log.
    static func unavailable(_ message: String, log: String) -> APIError {
        var e = APIError(
            .serviceUnavailable, code: "store_busy", message: message,
            headers: [.retryAfter: String(retryAfterSeconds)])
        e.logDetail = log
        return e
    }

    struct Body: Encodable {
        var error: Inner
        struct Inner: Encodable {
            var code: String
            var message: String
        }
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try JSONResponse.make(Body(error: .init(code: code, message: message)), status: status)
        for field in headers { response.headers.append(field) }
        return response
    }

    /// Maps any error a handler throws onto an API error: store "unknown id" errors are 404, a busy or full store
    /// 503 with `Retry-After`, other one-line product errors 400, Hummingbird's own errors keep their status,
    /// anything else 500.
    static func from(_ error: any Error) -> APIError {
        if let e = error as? APIError { return e }
        if let e = StoreError.typed(error) {
            // A busy or full engine error arrives typed here too (the store's one mapping).
            switch e {
            case .unknownSchool, .unknownTeacher: return .notFound(e.description)
            case .full: return .unavailable("the database's disk is full; the operator must free space", log: e.description)
            case .overloaded:
                return .unavailable(
                    "the database cannot take this request now; try again in \(retryAfterSeconds) s", log: e.description)
            case .busy:
                return .unavailable(
                    "the database is busy with another write; try again in \(retryAfterSeconds) s", log: e.description)
            default: return .internal(e.description)
            }
        }
        if let e = error as? HTTPError {
            let code: String =
                switch e.status.code {
                case 404: "not_found"
                case 405: "method_not_allowed"
                case 408: "request_timeout"
                case 413: "payload_too_large"
                case 400..<500: "bad_request"
                default: "internal"
                }
            let message = e.body ?? (e.status == .notFound ? "no such route" : e.status.reasonPhrase)
            return APIError(e.status, code: code, message: message)
        }
        if let e = error as? TrainingStoreError {
            switch e {
            case .unknownCourse, .unknownRecord: return .notFound(e.description)
            case .stateChanged, .cannotChange: return APIError(.conflict, code: "conflict", message: e.description)
            case .notASchoolTraining: return APIError(.badRequest, code: "bad_request", message: e.description)
            }
        }
        if let e = error as? DeliveryStoreError {
            if case .unknownSession = e { return .notFound(e.description) }
            return APIError(.badRequest, code: "bad_request", message: e.description)
        }
        if let e = error as? ApprovalError {
            switch e {
            case .notApplicable, .notAllowed: return APIError(.conflict, code: "conflict", message: e.description)
            default: return APIError(.badRequest, code: "bad_request", message: e.description)
            }
        }
        if let e = error as? LessonLibraryStoreError {
            switch e {
            case .unknownItem, .unknownSchool: return .notFound(e.description)
            case .duplicateId, .wrongState: return APIError(.conflict, code: "conflict", message: e.description)
            }
        }
        if let e = error as? LibraryError, e.isUnknown { return .notFound(e.description) }
        if let e = error as? any XinyuError { return APIError(.badRequest, code: "bad_request", message: e.description) }
        return .internal("\(error)")
    }

    /// 500 with a message that names nothing of the server (no path, no SQL); the detail goes to the server log.
    static func `internal`(_ detail: String) -> APIError {
        var e = APIError(.internalServerError, code: "internal", message: "internal error; the server log has the details")
        e.logDetail = detail
        return e
    }
}
