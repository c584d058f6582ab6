import Foundation
import Hummingbird
import Importers
import XinyuAccounts
import XinyuCore

/// `GET /api/v1/imports` (the log; a district-scoped role's is its district's feeds' attempts, issue #18) and
/// `POST /api/v1/imports` (a feed as the body).
///
/// The body is streamed to a temporary file (never held whole in memory), counted against the size limit as it
/// arrives (413 as soon as it is exceeded, or at once from `Content-Length`) and against the body time limit (408),
/// imported by the same importer as the CLI on the heavy lane, and the file is removed afterwards whatever happens.
/// A request that fails authentication or whose role may not import (only `district-admin` and `feed` may) is
/// refused before any byte of its body is read: it leaves no file and no import-log row. A district-scoped
/// district-admin's feed is checked against its district once the root element is read (403 for another
/// district's, audited, no import-log row). Every import attempt
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
            // A district-scoped role reads its district's feeds' attempts only (issue #18).
            let district: String?
            if case .schools(let own, _) = try context.readScope() {
                district = own
            } else {
                try context.require(.read(.district))
                district = nil
            }
            return JSONResponse.make(data: try await BlockingWork.quick { try service.log(db, district) })
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
            if let own = who.district, who.role == .districtAdmin {
                try await Self.checkDistrict(path, own: own, who: who, address: address, context, accounts)
            }
            let outcome = try await BlockingWork.heavy {
                let outcome = try service.importFile(path, db)
                if let values = outcome.audit {
                    try accounts.record(
                        "import", target: ImportService.uploadName, by: who, from: address, after: values,
                        district: outcome.district)
                }
                return outcome
            }
            await onImported()
            return JSONResponse.make(data: outcome.json, status: outcome.rejectedAsWhole ? .badRequest : .ok)
        }
    }

    /// A district-scoped district-admin imports only feeds of its own district (issue #18): the file's root is read
    /// (nothing is written) and another district's feed, or a file naming no district, is refused with 403 before
    /// the import starts; the refusal is audited as `import.refused` with the district the feed names.
    static func checkDistrict(
        _ path: String, own: String, who: Principal, address: String?, _ context: XinyuRequestContext,
        _ accounts: Accounts
    ) async throws {
        let declared = try await BlockingWork.quick { try FeedImporter.declaredDistrict(at: path) }
        guard AccessPolicy.decide(who, .importDistrictFeed(district: declared)) != .allow else { return }
        try await BlockingWork.quick {
            try accounts.record(
                "import.refused", target: ImportService.uploadName, by: who, from: address,
                after: ["district": declared, "allowed": own])
        }
        let what = declared.map { "this feed is district \($0)'s" } ?? "this file names no district (not a district feed v1)"
        throw APIError(
            .forbidden, code: "forbidden", message: "\(what); \(who.name) may import only district \(own)'s feeds")
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
