import Foundation
import Hummingbird
import XinyuCore

/// `GET /api/v1/imports` (the log) and `POST /api/v1/imports` (a feed as the body).
///
/// The body is streamed to a temporary file (never held whole in memory), counted against the size limit as it
/// arrives (413 as soon as it is exceeded, or at once from `Content-Length`), imported by the same importer as the
/// CLI, and the file is removed afterwards whatever happens.
struct ImportsController {
    let database: AppDatabase
    let service: ImportService
    let auth: BearerToken
    let maxBodyBytes: Int
    let temporaryDirectory: String
    let onImported: @Sendable () async -> Void

    func addRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("imports") { _, _ in
            JSONResponse.make(data: try service.log(database))
        }
        api.post("imports") { request, _ in
            try auth.authorize(request)
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                throw tooLarge()
            }
            let path = try await spool(request.body)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let outcome = try await Self.offload { try service.importFile(path, database) }
            await onImported()
            return JSONResponse.make(data: outcome.json, status: outcome.rejectedAsWhole ? .badRequest : .ok)
        }
    }

    func tooLarge() -> APIError {
        APIError(.contentTooLarge, code: "payload_too_large",
                 message: "the feed is larger than the server's limit of \(maxBodyBytes) bytes (split it or raise --max-body-mb)")
    }

    /// Writes the body to a new temporary file chunk by chunk; removes the file and rethrows on any failure.
    func spool(_ body: RequestBody) async throws -> String {
        let path = (temporaryDirectory as NSString).appendingPathComponent("xinyu-upload-\(UUID().uuidString).xml")
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw APIError(.internalServerError, code: "internal", message: "cannot create a temporary file in \(temporaryDirectory)")
        }
        do {
            var total = 0
            for try await var chunk in body {
                total += chunk.readableBytes
                if total > maxBodyBytes { throw tooLarge() }
                if let bytes = chunk.readBytes(length: chunk.readableBytes) { try handle.write(contentsOf: bytes) }
            }
            try handle.close()
            return path
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Runs blocking store work off the cooperative thread pool.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { cont in
            DispatchQueue.global().async { cont.resume(with: Result { try work() }) }
        }
    }
}
