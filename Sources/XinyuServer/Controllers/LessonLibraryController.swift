import Curriculum
import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// Issue #19 over HTTP: the lesson library (bundled, the district's and schools' own plans and activities) through
/// the same ``ManagedLibrary`` calls as `xinyu lessons`, with the same validation: a plan is the request body as
/// YAML or JSON (JSON is YAML), one error line with its body line and key (400).
///
/// Reads: everyone but a feed; a school's users see their school's own items and the district library, the
/// district roles every item; anything else is unknown (404). Writes: a school's school-admins and planners for its
/// own items, the district-admin for any and for the district library; approving and returning a proposal are the
/// district-admin's (``AccessPolicy/Operation/reviewLibrary``). Every write is audited in its transaction.
struct LessonLibraryController {
    let database: any XinyuStore
    let onChanged: @Sendable () async -> Void

    /// The largest plan body accepted.
    static let maxBodyBytes = 256 << 10

    func addRoutes(to api: RouterGroup<XinyuRequestContext>, pages: Router<XinyuRequestContext>) {
        let db = database
        let onChanged = onChanged
        api.get("lessons") { request, context in
            try context.require(.read(.library))
            let scope = try Self.visibleSchool(context)
            let query = LibraryQuery(
                kind: try request.queryEnum("kind", LibraryKind.self), text: try request.query("q"),
                band: try request.queryEnum("band", Band.self)?.rawValue,
                theme: try request.queryEnum("theme", Theme.self)?.rawValue, school: try request.query("school"),
                source: try request.queryEnum("source", LibrarySource.self),
                states: try request.queryEnum("state", LibraryState.self).map { [$0] })
            var q = query
            if q.states == [.retired] { q.includeRetired = true }
            let asked = q
            let schools = try Self.districtSchools(context)
            return try JSONResponse.make(
                try await BlockingWork.quick {
                    try ManagedLibrary.list(asked, visibleTo: scope, in: db).filter { Self.visible($0, to: schools) }
                })
        }
        api.get("lessons/{id}") { request, context in
            let id = try context.parameters.requireString("id")
            let version = try Self.version(request)
            let doc = try await Self.readable(id, version: version, context, db)
            return try JSONResponse.make(doc)
        }
        api.get("lessons/{id}/history") { _, context in
            let id = try context.parameters.requireString("id")
            _ = try await Self.readable(id, version: nil, context, db)
            return try JSONResponse.make(try await BlockingWork.quick { try ManagedLibrary.history(id: id, in: db) })
        }
        pages.get("/lessons/{id}.html") { request, context in
            let id = try context.parameters.requireString("id")
            let doc = try await Self.readable(id, version: try Self.version(request), context, db)
            var response = JSONResponse.text(LessonSheet.html(doc), contentType: "text/html; charset=utf-8")
            response.headers[.cacheControl] = "no-store"
            return response
        }
        api.post("lessons") { request, context in
            let school = try request.query("school")
            let kind = try request.queryEnum("kind", LibraryKind.self) ?? .lesson
            if let school { try await BlockingWork.quick { try db.requireSchool(school) } }
            try context.require(.writeLibrary(school: school))
            let text = try await Self.text(request)
            let actor = try Self.actor(context)
            let item = try await BlockingWork.heavy {
                try ManagedLibrary.add(text: text, file: "request body", kind: kind, school: school, in: db, by: actor)
            }
            await onChanged()
            return try JSONResponse.make(LibraryEntry(stored: item), status: .created)
        }
        api.post("lessons/{id}/copy") { request, context in
            let id = try context.parameters.requireString("id")
            let school = try request.query("school")
            let newId = try request.query("as")
            if let school { try await BlockingWork.quick { try db.requireSchool(school) } }
            try context.require(.writeLibrary(school: school))
            _ = try await Self.readable(id, version: nil, context, db)
            let actor = try Self.actor(context)
            let item = try await BlockingWork.heavy {
                try ManagedLibrary.copy(id: id, to: school, newId: newId, in: db, by: actor)
            }
            await onChanged()
            return try JSONResponse.make(LibraryEntry(stored: item), status: .created)
        }
        api.post("lessons/{id}/versions") { request, context in
            let id = try context.parameters.requireString("id")
            try await Self.writable(id, context, db)
            let text = try await Self.text(request)
            let actor = try Self.actor(context)
            let item = try await BlockingWork.heavy {
                try ManagedLibrary.edit(id: id, text: text, file: "request body", in: db, by: actor)
            }
            await onChanged()
            return try JSONResponse.make(LibraryEntry(stored: item))
        }
        for verb in ["retire", "propose", "approve", "return"] {
            api.post("lessons/{id}/\(verb)") { request, context in
                let id = try context.parameters.requireString("id")
                if verb == "approve" || verb == "return" {
                    try context.require(.reviewLibrary)
                    _ = try await Self.readable(id, version: nil, context, db)
                } else {
                    try await Self.writable(id, context, db)
                }
                struct Body: Decodable { var reason: String? }
                let reason: String
                if verb == "return" {
                    let data = try await Self.text(request)
                    guard let body = try? JSONDecoder().decode(Body.self, from: Data(data.utf8)), let r = body.reason else {
                        throw APIError(.badRequest, code: "bad_request", message: "a return needs {\"reason\": \"…\"}")
                    }
                    reason = r
                } else {
                    reason = ""
                }
                let actor = try Self.actor(context)
                let item = try await BlockingWork.heavy { () throws -> LibraryItem in
                    switch verb {
                    case "retire": try ManagedLibrary.retire(id: id, in: db, by: actor)
                    case "propose": try ManagedLibrary.propose(id: id, in: db, by: actor)
                    case "approve": try ManagedLibrary.approve(id: id, in: db, by: actor)
                    default: try ManagedLibrary.returnToSchool(id: id, reason: reason, in: db, by: actor)
                    }
                }
                await onChanged()
                return try JSONResponse.make(LibraryEntry(stored: item))
            }
        }
    }

    /// The school whose items (besides the district library) the caller sees; nil for the district roles.
    static func visibleSchool(_ context: XinyuRequestContext) throws -> String? {
        switch try context.readScope() {
        case .district, .schools: nil
        case .school(let s): s
        case .teacher(_, let s): s
        }
    }

    /// The schools of a district-scoped caller (issue #18), whose own items it sees besides the shared ones; nil
    /// for everyone else.
    static func districtSchools(_ context: XinyuRequestContext) throws -> Set<String>? {
        try context.readScope().districtSchools
    }

    /// Whether an entry is visible to a district-scoped caller limited to `schools` (nil: no such limit).
    static func visible(_ entry: LibraryEntry, to schools: Set<String>?) -> Bool {
        guard let schools, entry.source == .school, !entry.shared else { return true }
        return entry.school.map(schools.contains) ?? true
    }

    /// An item the caller may read, at `version`: another school's own item is unknown (404).
    static func readable(
        _ id: String, version: Int?, _ context: XinyuRequestContext, _ db: any XinyuStore
    ) async throws -> LibraryDocument {
        try context.require(.read(.library))
        let scope = try visibleSchool(context)
        let doc = try await BlockingWork.quick { try ManagedLibrary.show(id: id, version: version, in: db) }
        let outside = try !visible(doc.entry, to: districtSchools(context))
        if outside || (scope != nil && doc.entry.source == .school && doc.entry.school != scope && !doc.entry.shared) {
            throw APIError.notFound(LibraryError(id: id, problem: "no such lesson plan or activity").description)
        }
        return doc
    }

    /// Checks the caller may change stored item `id` (its school's writers, or the district-admin).
    static func writable(_ id: String, _ context: XinyuRequestContext, _ db: any XinyuStore) async throws {
        let item = try await BlockingWork.quick { () throws -> LibraryItem? in
            if let item = try db.libraryItem(id: id) { return item }
            _ = try ManagedLibrary.show(id: id, in: nil)  // a bundled id: read-only (400), else unknown (404)
            throw LibraryError(id: id, problem: "a bundled item is read-only; copy it to a school to adapt it")
        }
        guard let item else { return }
        try context.require(.writeLibrary(school: item.school))
    }

    static func version(_ request: Request) throws -> Int? {
        guard let text = try request.query("version") else { return nil }
        guard let v = Int(text), v >= 0 else {
            throw APIError.badParameter("version: \(text) is not a version number")
        }
        return v
    }

    static func actor(_ context: XinyuRequestContext) throws -> ManagedLibrary.Actor {
        let (who, address) = try context.actor
        return ManagedLibrary.Actor(name: who.name, address: address)
    }

    /// The body as UTF-8 text (a plan in YAML or JSON).
    static func text(_ request: Request) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxBodyBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "the body is larger than \(maxBodyBytes) bytes")
        }
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw APIError(.badRequest, code: "bad_request", message: "the body is not UTF-8 text")
        }
        return text
    }
}
