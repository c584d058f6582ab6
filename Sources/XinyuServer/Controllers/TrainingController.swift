import Certifications
import Foundation
import Hummingbird
import Importers
import XinyuAccounts
import XinyuCore

/// Issue #15 over HTTP: trainings a school enters (`POST /api/v1/trainings`), their sign-in sheets
/// (`POST /api/v1/trainings/{id}/attendance`, the same .xlsx/.csv files as `xinyu attendance import`) and
/// templates, teachers' submissions with evidence (`POST /api/v1/submissions`, a form with a file or JSON; a
/// correction sent again with `POST /api/v1/submissions/{id}`, the stored evidence kept without a new file), and the
/// reviews (`GET /api/v1/approvals`, `POST /api/v1/approvals/{approve|certify|return}`). Who may do what is decided
/// in one place, ``TrainingAccess``; the work is the CLI's library code, on the heavy lane for writes.
struct TrainingController {
    let database: any XinyuStore
    let access: TrainingAccess
    /// The audit trail: every write appends its line after it committed (as imports do).
    let accounts: Accounts
    let uploads: UploadDirectory
    let bodyTimeout: Duration
    let onChanged: @Sendable () async -> Void

    /// The largest sign-in sheet accepted (a school's sheet is well under 1 MB).
    static let maxSheetBytes = 32 << 20
    /// The largest JSON body of a training or a review.
    static let maxJSONBytes = 1 << 20

    /// A review's body.
    struct ReviewRequest: Decodable {
        var ids: [Int64]?
        var course: String?
        var reason: String?
    }

    /// A submission sent as JSON (the evidence base64-encoded).
    struct SubmissionRequest: Decodable {
        var teacher: String
        var training: TrainingInput
        var result: String?
        var note: String?
        var evidence: String
        var evidenceName: String?
    }

    /// A correction of a submission sent as JSON (the evidence base64-encoded, optional: the stored one is kept).
    struct CorrectionRequest: Decodable {
        var training: TrainingInput
        var result: String?
        var note: String?
        var evidence: String?
        var evidenceName: String?
    }

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        let db = database
        let access = access
        let accounts = accounts
        let onChanged = onChanged
        api.post("trainings") { request, context in
            struct Body: Decodable {
                var school: String
                var training: TrainingInput
            }
            let body: Body = try await Self.json(request)
            let caller = try access.check(context, .writeTraining(school: body.school))
            let course = try body.training.course(name: { $0 })
            let stored = try await BlockingWork.heavy {
                let c = try db.addTraining(course, school: body.school, by: caller.actor, at: Date())
                try accounts.record(
                    "training.add", target: c.id, by: caller.principal, from: caller.address,
                    after: ["school": body.school, "title": course.title, "hours": course.hours.description],
                    school: body.school)
                return try db.training(id: c.id)
            }
            await onChanged()
            return try JSONResponse.make(stored, status: .created)
        }
        api.get("trainings") { request, context in
            let asked = try request.query("school")
            let scope = try asked == nil ? context.readScope() : nil
            let school = asked ?? scope?.school
            _ = try access.check(context, .read(school: school))
            let from = try request.queryDay("from")
            let to = try request.queryDay("to")
            // A district-scoped role without school= gets its district's schools' trainings.
            let within = school == nil ? scope?.districtSchools : nil
            return try JSONResponse.make(
                try await BlockingWork.quick {
                    try db.trainings(school: school, from: from, to: to).filter { within?.contains($0.schoolId) ?? true }
                })
        }
        api.post("trainings/{id}/attendance") { request, context in
            let id = try context.parameters.requireString("id")
            let session = try await BlockingWork.quick { try db.training(id: id) }
            let caller = try access.check(context, .writeTraining(school: session.schoolId))
            var options = AttendanceImportOptions()
            options.strict = try request.queryBool("strict") ?? false
            options.dryRun = try request.queryBool("dryRun") ?? false
            options.sheet = try request.query("sheet")
            options.actor = caller.actor
            options.sourceName = "upload"
            let path = try await spool(request, limit: Self.maxSheetBytes)
            defer { try? FileManager.default.removeItem(atPath: path) }
            let chosen = options
            let summary = try await BlockingWork.heavy {
                let summary = try AttendanceSheetImporter.importFile(at: path, course: id, into: db, options: chosen)
                if !summary.dryRun && summary.status != .rejected {
                    try accounts.record(
                        "attendance.import", target: id, by: caller.principal, from: caller.address,
                        after: [
                            "file": "upload", "sha256": summary.digest, "status": summary.status.rawValue,
                            "added": String(summary.added), "updated": String(summary.updated),
                            "rejected": String(summary.rejected),
                        ])
                }
                return summary
            }
            await onChanged()
            return try JSONResponse.make(summary, status: summary.status == .rejected ? .badRequest : .ok)
        }
        api.get("trainings/{id}/template") { request, context in
            let id = try context.parameters.requireString("id")
            let session = try await BlockingWork.quick { try db.training(id: id) }
            _ = try access.check(context, .read(school: session.schoolId))
            let csv = try request.query("format") == "csv"
            let (path, handle) = try uploads.create()
            try? handle.close()
            let file = path + (csv ? ".csv" : ".xlsx")
            defer {
                try? FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: file)
            }
            let data = try await BlockingWork.quick { () -> Data in
                try AttendanceTemplate.write(course: id, store: db, to: file)
                return try Data(contentsOf: URL(fileURLWithPath: file))
            }
            var response = JSONResponse.text(
                data: data,
                contentType: csv
                    ? "text/csv; charset=utf-8"
                    : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            response.headers[.contentDisposition] = "attachment; filename=\"\(id).\(csv ? "csv" : "xlsx")\""
            return response
        }
        api.post("submissions") { request, context in
            let (teacher, submission, evidence) = try await readSubmission(request)
            let school = try await BlockingWork.quick { try db.teacher(id: teacher).schoolId }
            let caller = try access.check(context, .submit(teacher: teacher, school: school))
            let entry = try await BlockingWork.heavy {
                let entry = try db.submitTraining(submission, evidence: evidence, by: caller.actor, at: Date())
                try accounts.record(
                    "record.submit", target: "record \(entry.id)", by: caller.principal, from: caller.address,
                    after: ["teacher": teacher, "state": entry.state.rawValue], school: school)
                return entry
            }
            await onChanged()
            return try JSONResponse.make(entry, status: .created)
        }
        api.post("submissions/{id}") { request, context in
            guard let id = Int64(try context.parameters.requireString("id")) else { throw APIError.notFound("no such record") }
            guard let stored = try await BlockingWork.quick({ try db.recordEntries(RecordFilter(ids: [id])).first }) else {
                throw TrainingStoreError.unknownRecord(id: id)
            }
            let caller = try access.check(context, .submit(teacher: stored.teacherId, school: stored.schoolId))
            let (submission, evidence) = try await readCorrection(request, teacher: stored.teacherId)
            let entry = try await BlockingWork.heavy {
                let entry = try db.resubmitTraining(entry: id, submission, evidence: evidence, by: caller.actor, at: Date())
                try accounts.record(
                    "record.resubmit", target: "record \(id)", by: caller.principal, from: caller.address,
                    before: ["state": stored.state.rawValue], after: ["state": entry.state.rawValue],
                    school: stored.schoolId)
                return entry
            }
            await onChanged()
            return try JSONResponse.make(entry)
        }
        api.get("submissions/{id}/evidence") { request, context in
            guard let id = Int64(try context.parameters.requireString("id")) else { throw APIError.notFound("no such record") }
            guard let entry = try await BlockingWork.quick({ try db.recordEntries(RecordFilter(ids: [id])).first }) else {
                throw TrainingStoreError.unknownRecord(id: id)
            }
            _ = try access.check(context, .readEvidence(teacher: entry.teacherId, school: entry.schoolId))
            guard let e = try await BlockingWork.quick({ try db.evidence(entry: id) }) else {
                throw APIError.notFound("record \(id) has no evidence file")
            }
            return JSONResponse.text(data: Data(e.bytes), contentType: e.mediaType)
        }
        api.get("approvals") { request, context in
            let scope = try context.readScope()
            let school = try request.query("school") ?? scope.school
            _ = try access.check(context, .read(school: school))
            let state = try request.queryEnum("state", RecordState.self)
            let course = try request.query("course")
            // A teacher reads the review of their own records only.
            let teacher = try scope.teacher ?? request.query("teacher")
            let list = try await BlockingWork.quick { () -> [RecordEntry] in
                if let school { try db.requireSchool(school) }
                // A district-scoped role without school= gets its district's schools' records.
                let within = school == nil ? scope.districtSchools : nil
                return try db.recordEntries(
                    RecordFilter(
                        school: school, teacher: teacher, course: course,
                        states: state.map { [$0] })
                ).filter { within?.contains($0.schoolId) ?? true }
            }
            return try JSONResponse.make(list)
        }
        api.post("approvals/{action}") { request, context in
            let word = try context.parameters.requireString("action")
            guard let action = ApprovalAction(rawValue: word) else {
                throw APIError.notFound("no such review: \(word); use approve, certify or return")
            }
            let caller = try access.check(context, .review)
            let body: ReviewRequest = try await Self.json(request)
            let chosen = try await BlockingWork.quick { () -> [String] in
                let ids = body.ids ?? []
                var schools = ids.isEmpty ? [] : try db.recordEntries(RecordFilter(ids: ids)).map(\.schoolId)
                if let course = body.course { schools.append(try db.training(id: course).schoolId) }
                return schools
            }
            try access.reviewSchools(caller, chosen)
            let lines = try await BlockingWork.heavy {
                let lines = try Approvals.apply(
                    action, ids: body.ids ?? [], course: body.course, reason: body.reason,
                    actor: caller.actor, scope: caller.scope, store: db)
                try accounts.record(lines, by: caller.principal, from: caller.address)
                return lines
            }
            await onChanged()
            return try JSONResponse.make(lines)
        }
    }

    /// The request's JSON body, decoded; a 400 naming what is wrong.
    static func json<T: Decodable>(_ request: Request) async throws -> T {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maxJSONBytes)
        } catch {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "the body is larger than \(maxJSONBytes) bytes")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw APIError(
                .badRequest, code: "bad_request",
                message: "the body is not the JSON this route takes: \(Self.words(error))")
        }
    }

    static func words(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing \(key.stringValue)"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            "wrong type at \(c.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: "not JSON"
        default: "not JSON"
        }
    }

    /// A submission from a form (`multipart/form-data`: fields teacher, title, provider, category, hours, date, end,
    /// track, tier, mode, result, note and the file `evidence`) or from JSON (``SubmissionRequest``).
    func readSubmission(_ request: Request) async throws -> (String, TrainingSubmission, StoredEvidence) {
        let type = request.headers[.contentType] ?? ""
        let bytes = try await Self.submissionBody(request)
        if let boundary = MultipartForm.boundary(contentType: type) {
            guard let form = MultipartForm.parse(bytes, boundary: boundary) else {
                throw APIError(.badRequest, code: "bad_request", message: "the form is not well-formed multipart/form-data")
            }
            guard let t = form.text("teacher"), form.parts.contains(where: { $0.name == "evidence" }) else {
                throw APIError(
                    .badRequest, code: "bad_request",
                    message: "the form needs the fields teacher, title, hours, date and a file evidence")
            }
            let (submission, file) = try Self.submission(form, teacher: t)
            // An empty file: EvidenceFile's own error.
            let name = form.parts.first { $0.name == "evidence" }?.filename ?? "evidence"
            return (t, submission, try file ?? EvidenceFile.check([], name: name))
        } else {
            let body: SubmissionRequest
            do {
                body = try JSONDecoder().decode(SubmissionRequest.self, from: Data(bytes))
            } catch {
                throw APIError(
                    .badRequest, code: "bad_request",
                    message: "send multipart/form-data with a file evidence, or JSON: \(Self.words(error))")
            }
            guard let data = Data(base64Encoded: body.evidence) else {
                throw APIError(.badRequest, code: "bad_request", message: "evidence: not base64")
            }
            let evidence = try EvidenceFile.check([UInt8](data), name: body.evidenceName ?? "evidence")
            let submission = try Self.submission(
                teacher: body.teacher, input: body.training, result: body.result, note: body.note)
            return (body.teacher, submission, evidence)
        }
    }

    /// A correction of `teacher`'s submission: a form as for ``readSubmission(_:)`` without `teacher` (the file is
    /// optional), or JSON (``CorrectionRequest``).
    func readCorrection(_ request: Request, teacher: String) async throws -> (TrainingSubmission, StoredEvidence?) {
        let bytes = try await Self.submissionBody(request)
        if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") {
            guard let form = MultipartForm.parse(bytes, boundary: boundary) else {
                throw APIError(.badRequest, code: "bad_request", message: "the form is not well-formed multipart/form-data")
            }
            return try Self.submission(form, teacher: teacher)
        }
        let body: CorrectionRequest
        do {
            body = try JSONDecoder().decode(CorrectionRequest.self, from: Data(bytes))
        } catch {
            throw APIError(
                .badRequest, code: "bad_request",
                message: "send multipart/form-data (the file evidence optional), or JSON: \(Self.words(error))")
        }
        let evidence = try body.evidence.map { text in
            guard let data = Data(base64Encoded: text) else {
                throw APIError(.badRequest, code: "bad_request", message: "evidence: not base64")
            }
            return try EvidenceFile.check([UInt8](data), name: body.evidenceName ?? "evidence")
        }
        let submission = try Self.submission(teacher: teacher, input: body.training, result: body.result, note: body.note)
        return (submission, evidence)
    }

    /// A submission's body, at most 10 MB of evidence and 1 MB of the rest (base64 takes a third more); 413 past it.
    static func submissionBody(_ request: Request) async throws -> [UInt8] {
        let limit = EvidenceFile.maxBytes + (1 << 20)
        do {
            return [UInt8](try await request.body.collect(upTo: limit * 2).readableBytesView)
        } catch {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "the evidence file is larger than 10 MB")
        }
    }

    /// A submission from a form's fields (title, provider, category, hours, date, end, track, tier, mode, result,
    /// note) and its file `evidence`, checked by content (nil when the form sent no file or an empty one: a
    /// correction keeps the stored evidence). The teacher's page and `POST /api/v1/submissions` share it.
    static func submission(_ form: MultipartForm, teacher: String) throws -> (TrainingSubmission, StoredEvidence?) {
        func field(_ name: String) -> String? {
            form.text(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let input = TrainingInput(
            title: form.text("title") ?? "", provider: field("provider"), category: field("category"),
            tier: try field("tier").map(Self.int), mode: try field("mode").map(Self.int),
            hours: form.text("hours") ?? "", date: form.text("date") ?? "", end: field("end"), track: field("track"))
        let submission = try Self.submission(teacher: teacher, input: input, result: field("result"), note: form.text("note"))
        let file = form.parts.first { $0.name == "evidence" && !$0.bytes.isEmpty }
        let evidence = try file.map { try EvidenceFile.check($0.bytes, name: $0.filename ?? "evidence") }
        return (submission, evidence)
    }

    /// The submission of `teacher`'s training `input`, checked as a feed course (FEED-FORMAT.md).
    static func submission(teacher: String, input: TrainingInput, result: String?, note: String?) throws -> TrainingSubmission {
        guard let result = CourseResult(rawValue: result ?? "none") else {
            throw APIError.badParameter("result: expected pass, fail or none")
        }
        let course = try input.course(name: { $0 }, defaultTier: 99, defaultMode: 9)
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmed, trimmed.count > 500 { throw APIError.badParameter("note: longer than 500 characters") }
        return TrainingSubmission(
            teacherId: teacher, course: course, result: result, note: trimmed?.isEmpty == true ? nil : trimmed)
    }

    static func int(_ s: String) throws -> Int {
        guard let n = Int(s.trimmingCharacters(in: .whitespaces)) else { throw APIError.badParameter("\(s): not a whole number") }
        return n
    }

    /// Writes the body to a new upload file; removes it and rethrows on any failure (413 past `limit`, 408 past the
    /// body time limit).
    func spool(_ request: Request, limit: Int) async throws -> String {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError(.contentTooLarge, code: "payload_too_large", message: "the sheet is larger than \(limit) bytes")
        }
        let (path, handle) = try uploads.create()
        let deadline = ContinuousClock.now.advanced(by: bodyTimeout)
        do {
            var total = 0
            for try await var chunk in request.body {
                total += chunk.readableBytes
                if total > limit {
                    throw APIError(
                        .contentTooLarge, code: "payload_too_large",
                        message: "the sheet is larger than \(limit) bytes")
                }
                if ContinuousClock.now > deadline {
                    throw APIError(.requestTimeout, code: "request_timeout", message: "the body took too long to arrive")
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
