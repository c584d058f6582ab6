import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// `GET /api/v1/imports` (the log) and `POST /api/v1/imports` (a feed as the body).
///
/// The body is streamed to a temporary file (never held whole in memory), counted against the size limit as it
/// arrives (413 as soon as it is exceeded, or at once from `Content-Length`) and against the body time limit (408),
/// imported by the same importer as the CLI on the heavy lane, and the file is removed afterwards whatever happens.
/// A request that fails authentication or whose role may not import (only `district-admin` and `feed` may) is
/// refused before any byte of its body is read: it leaves no file and no import-log row. Every import attempt
/// is audited (who, from where, the feed and how it ended), after it committed.
struct ImportsController {
    let database: any XinyuStore
    let service: ImportService
    let accounts: Accounts
    let maxBodyBytes: Int
    let bodyTimeout: Duration
    let uploads: UploadDirectory
    let onImported: @Sendable () async -> Void

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let (db, service) = (database, service)
        api.get("imports") { _, context in
            try context.require(.read(.district))
            return JSONResponse.make(data: try await BlockingWork.quick { try service.log(db) })
        }
        api.post("imports") { request, context in
            try context.require(.importFeed)
            let (who, address) = try context.actor
            if let length = request.headers[.contentLength].flatMap(Int.init), length > maxBodyBytes {
                throw tooLarge()
            }
            let path = try await spool(request.body)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let accounts = accounts
            let outcome = try await BlockingWork.heavy {
                let outcome = try service.importFile(path, db)
                if let values = outcome.audit {
                    try accounts.record("import", target: ImportService.uploadName, by: who, from: address, after: values)
                }
                return outcome
            }
            await onImported()
            return JSONResponse.make(data: outcome.json, status: outcome.rejectedAsWhole ? .badRequest : .ok)
        }
    }

    func tooLarge() -> APIError {
        APIError(
            .contentTooLarge, code: "payload_too_large",
            message:
                "the feed is larger than the server's limit of \(maxBodyBytes) bytes (split it or raise the server's body limit)")
    }

    /// Writes the body to a new temporary file chunk by chunk; removes the file and rethrows on any failure.
    func spool(_ body: RequestBody) async throws -> String {
        let (path, handle) = try uploads.create()
        let deadline = ContinuousClock.now.advanced(by: bodyTimeout)
        do {
            var total = 0
            for try await var chunk in body {
                total += chunk.readableBytes
                if total > maxBodyBytes { throw tooLarge() }
                if ContinuousClock.now > deadline {
                    throw APIError(
                        .requestTimeout, code: "request_timeout",
                        message:
                            "the body took longer than \(bodyTimeout.components.seconds) s to arrive;"
                            + " send it faster or split the feed"
                    )
                }
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
}
