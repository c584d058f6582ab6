import Foundation
import XinyuCore

/// The hand-written OpenAPI 3 description of every route. A test checks each registered route appears here
/// (and nothing here is missing from the router), so keep it in step when adding a route.
public enum OpenAPIDocument {
    /// Paths relative to the server root, in OpenAPI syntax (`{id}`), with their lower-case methods.
    public static var operations: [(path: String, method: String)] {
        let paths = document["paths"] as? [String: [String: Any]] ?? [:]
        return paths.flatMap { path, ops in ops.keys.map { (path, $0) } }.sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }

    /// Roles, as the document lists them per operation (`x-xinyu-roles`).
    static let human = ["district-admin", "district-viewer", "region-viewer", "school-admin", "planner", "teacher"]
    static let schoolReaders = ["district-admin", "district-viewer", "region-viewer", "school-admin", "planner"]
    static let districtReaders = ["district-admin", "district-viewer", "region-viewer"]
    /// Who writes a school's own lesson plans (issue #19): its school-admins and planners, and the district-admin.
    static let libraryWriters = ["district-admin", "school-admin", "planner"]

    /// Which roles may call each operation (`method path`); absent: public. What a role reads is further limited to
    /// its scope (another school's data is a 404, a write outside it a 403; a district role limited to one district
    /// is refused, 403, what covers the whole store, and answers 404 for another district's school): ``AccessPolicy``
    /// decides, and the matrix test checks this list against it.
    static let roles: [String: [String]] = [
        "get /": human, "get /schools/{id}": schoolReaders, "get /me": ["teacher"], "post /logout": human,
        "get /api/v1/openapi.json": human, "get /api/v1/schools": human, "get /api/v1/teachers": human,
        "get /api/v1/teachers/{id}": human, "get /api/v1/teachers/{id}/ledger": human,
        "get /api/v1/coverage": schoolReaders, "get /api/v1/coverage/{school}": schoolReaders,
        "get /api/v1/imports": districtReaders, "post /api/v1/imports": ["district-admin", "feed"],
        "get /api/v1/quota": schoolReaders, "get /api/v1/lessons": human, "get /api/v1/lessons/{id}": human,
        "get /api/v1/lessons/{id}/history": human, "get /lessons/{id}.html": human,
        "post /api/v1/lessons": libraryWriters, "post /api/v1/lessons/{id}/copy": libraryWriters,
        "post /api/v1/lessons/{id}/versions": libraryWriters, "post /api/v1/lessons/{id}/retire": libraryWriters,
        "post /api/v1/lessons/{id}/propose": libraryWriters, "post /api/v1/lessons/{id}/approve": ["district-admin"],
        "post /api/v1/lessons/{id}/return": ["district-admin"], "post /lessons/{id}/review": ["district-admin"],
        "get /api/v1/activities": human, "get /api/v1/schedule": human, "get /api/v1/schedule.ics": human,
        "post /api/v1/schedule/build": ["district-admin", "planner"], "get /api/v1/audit": ["district-admin"],
        "get /api/v1/trainings": schoolReaders, "post /api/v1/trainings": ["district-admin", "school-admin"],
        "post /api/v1/trainings/{id}/attendance": ["district-admin", "school-admin"],
        "get /api/v1/trainings/{id}/template": schoolReaders,
        "post /api/v1/submissions": ["district-admin", "school-admin", "teacher"],
        "post /api/v1/submissions/{id}": ["district-admin", "school-admin", "teacher"],
        "get /api/v1/submissions/{id}/evidence": [
            "district-admin", "district-viewer", "region-viewer", "school-admin", "teacher",
        ],
        "get /api/v1/approvals": schoolReaders, "post /api/v1/approvals/{action}": ["district-admin", "school-admin"],
        "get /certificates/{no}": ["district-admin", "district-viewer", "region-viewer", "school-admin", "teacher"],
        "post /api/v1/deliveries": ["district-admin", "school-admin", "teacher"], "get /api/v1/deliveries": human,
        "get /api/v1/schools/{id}/delivery-rates": schoolReaders,
        "post /api/v1/group-runs": ["district-admin", "school-admin", "teacher"], "get /api/v1/group-runs": schoolReaders,
        "post /me/deliveries": ["teacher"], "post /schools/{id}/group-runs": ["district-admin", "school-admin"],
        "post /me/submissions": ["teacher"], "post /me/submissions/{id}": ["teacher"],
        "post /reviews": ["district-admin", "school-admin"],
    ]

    /// The document as JSON bytes (sorted keys).
    public static let json: Data =
        (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
        ?? Data()

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func json(_ schema: [String: Any], _ description: String = "OK") -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }
    static func query(_ name: String, _ description: String, _ schema: [String: Any] = ["type": "string"], required: Bool = false)
        -> [String: Any]
    {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }
    static func pathParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }
    nonisolated(unsafe) static let error = ref("Error")
    static func errors(_ codes: [Int]) -> [String: Any] {
        var out: [String: Any] = [:]
        let text = [
            400:
                """
            Bad parameter: malformed, empty (`asOf=`), or a date or term outside the supported years \
            \(Day.supportedYearsText)
            """,
            401: "Not logged in, or an unknown, expired or revoked token", 403: "Not allowed for the caller's role",
            404: "Unknown id or route", 413: "Body over the size limit", 408: "The body took too long to arrive",
            409: "The record's state does not allow this (or changed meanwhile); nothing was changed",
            503: "The store is busy with another write, or its disk is full (see Retry-After)",
        ]
        for c in codes { out[String(c)] = json(error, text[c] ?? "Error") }
        return out
    }
    static func get(_ summary: String, params: [[String: Any]] = [], ok: [String: Any], errors codes: [Int] = []) -> [String: Any]
    {
        var responses = errors(codes)
        responses["200"] = ok
        return ["get": ["summary": summary, "parameters": params, "responses": responses]]
    }
    nonisolated(unsafe) static let date: [String: Any] = [
        "type": "string", "format": "date",
        "description": "YYYY-MM-DD, in the years \(Day.supportedYearsText)",
    ]
    nonisolated(unsafe) static let anyObject: [String: Any] = ["type": "object", "additionalProperties": true]
    /// The media type of an .xlsx workbook.
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// The document: ``base`` with each operation's roles (`x-xinyu-roles`, also in words in its description) and
    /// its security (a bearer token or the browser's session cookie; none on the public operations).
    nonisolated(unsafe) static let document: [String: Any] = {
        var doc = base
        var paths = doc["paths"] as? [String: [String: Any]] ?? [:]
        paths.merge(deliveryPaths) { a, _ in a }
        paths.merge(lessonPaths) { a, _ in a }
        for (path, ops) in paths {
            var ops = ops
            for (method, op) in ops {
                guard var op = op as? [String: Any] else { continue }
                var responses = op["responses"] as? [String: Any] ?? [:]
                if let allowed = roles["\(method) \(path)"] {
                    op["x-xinyu-roles"] = allowed
                    op["description"] = "Roles: \(allowed.joined(separator: ", ")), each within its scope."
                    op["security"] = [["bearer": [String]()], ["session": [String]()]]
                    responses["401"] = responses["401"] ?? json(error, "Not logged in, or an unknown, expired or revoked token")
                    responses["403"] = json(error, "The caller's role may not do this (or a write outside its school)")
                } else {
                    op["security"] = [[String: Any]]()
                }
                op["responses"] = responses
                ops[method] = op
            }
            paths[path] = ops
        }
        doc["paths"] = paths
        return doc
    }()

    static func html(_ summary: String, params: [[String: Any]] = []) -> [String: Any] {
        [
            "summary": summary, "parameters": params,
            "responses": [
                "200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]],
                "303": ["description": "Sent to the caller's own page"],
                "400": json(error, "Bad parameter"),
                "404": json(error, "Unknown school (or outside the caller's scope)"),
            ],
        ]
    }

    /// A page's form of issue #15 (a logged-in browser's session and its form token): `303` back to the page with
    /// the outcome as its message.
    static func pageForm(
        _ summary: String, _ type: String, _ properties: [String: Any], required: [String],
        params: [[String: Any]] = []
    ) -> [String: Any] {
        [
            "summary": summary,
            "parameters": params + [query("lang", "zh (default) or en", ["type": "string", "enum": ["zh", "en"]])],
            "requestBody": [
                "required": true,
                "content": [type: ["schema": ["type": "object", "required": required, "properties": properties]]],
            ],
            "responses": [
                "303": ["description": "Back to the page, with the outcome (done, or why not) as its message"],
                "401": ["description": "Not logged in (a page that links to the login page)"],
                "403": json(error, "Not a browser session, the form token is missing or wrong, or outside the caller's scope"),
                "404": json(error, "Unknown record or course"),
                "503": json(error, "The store is busy (see Retry-After)"),
            ],
        ]
    }

    nonisolated(unsafe) static let submissionFields: [String: Any] = [
        "form": ["type": "string"], "title": ["type": "string"], "provider": ["type": "string"],
        "category": ["type": "string", "enum": ["public", "professional", "elective"]], "tier": ["type": "integer"],
        "hours": ["type": "string"], "date": ["type": "string", "format": "date"], "end": ["type": "string", "format": "date"],
        "evidence": ["type": "string", "format": "binary"],
    ]

    static func form(_ summary: String, _ fields: [String]) -> [String: Any] {
        [
            "summary": summary, "parameters": [query("lang", "zh (default) or en", ["type": "string", "enum": ["zh", "en"]])],
            "requestBody": [
                "required": true,
                "content": [
                    "application/x-www-form-urlencoded": [
                        "schema": [
                            "type": "object",
                            "properties": Dictionary(uniqueKeysWithValues: fields.map { ($0, ["type": "string"]) }),
                        ]
                    ]
                ],
            ],
            "responses": [
                "303": ["description": "Done: sent on to the next page"],
                "400": json(error, "Bad parameter"),
                "413": json(error, "The form is larger than 16 KiB"),
                "401": ["description": "Wrong name or password (the login page again)"],
                "403": ["description": "The form token is missing or wrong"],
                "429": ["description": "The name is locked after 5 failed logins within 15 minutes"],
            ],
        ]
    }

    nonisolated(unsafe) static let base: [String: Any] = [
        "openapi": "3.0.3",
        "info": [
            "title": "Xinyu 心育 API", "version": "1.0.0",
            "description":
                """
            Teacher training, A/B/C certification coverage and mental-health lesson scheduling for a school district. \
            Every figure comes from the same library code as the xinyu CLI; JSON matches `--format json`.
            """,
        ],
        "paths": [
            "/": [
                "get": [
                    "summary": "Dashboard (HTML, zh-Hans; ?lang=en for English); a district-scoped role's: its district's",
                    "parameters": [
                        query("lang", "zh (default) or en", ["type": "string", "enum": ["zh", "en"]]),
                        query("asOf", "Date of the coverage figures (default today)", date),
                    ],
                    "responses": [
                        "200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]],
                        "400": json(error, "Bad parameter"),
                    ],
                ]
            ],
            "/health": get("Liveness: the store answers", ok: json(ref("Health"))),
            "/login": [
                "get": html("The login page", params: [query("next", "Where to go after logging in (a path)")]),
                "post": form("Log in: opens a session (cookie xinyu_session)", ["name", "password", "form", "next"]),
            ],
            "/logout": ["post": form("Log out: ends the session", ["form"])],
            "/certificates/{no}": [
                "get": [
                    "summary": "A certificate as a printable A4 page (zh-Hans with English): name, school, level, dates, "
                        + "award number, verification code and address; the first view issues the code",
                    "parameters": [pathParam("no", "Award number")],
                    "responses": [
                        "200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]],
                        "400": json(error, "Bad parameter"),
                        "404": json(error, "Unknown award number (or outside the caller's scope)"),
                        "503": json(error, "The store is busy (see Retry-After)"),
                    ],
                ]
            ],
            "/verify/{code}": [
                "get": [
                    "summary": "Public verification of a certificate: level, dates, status (valid, expiring, expired, "
                        + "revoked) and the holder's name with all but the first character masked; nothing else. "
                        + "At most 30 requests a minute per client address",
                    "parameters": [
                        pathParam("code", "Verification code (26 characters; dashes, spaces and case do not matter)"),
                        query("lang", "zh (default) or en", ["type": "string", "enum": ["zh", "en"]]),
                    ],
                    "responses": [
                        "200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]],
                        "404": [
                            "description": "No certificate has this code (HTML page)",
                            "content": ["text/html": ["schema": ["type": "string"]]],
                        ],
                        "400": json(error, "Bad parameter (e.g. an empty or unknown `lang`)"),
                        "429": json(error, "Too many verifications from this address (see Retry-After)"),
                    ],
                ]
            ],
            "/me": [
                "get": html(
                    "A teacher's own page: ledger, hours this school year, what is still needed, next lessons",
                    params: [query("lang", "zh or en"), query("asOf", "Date (default today)", date)])
            ],
            "/me/submissions": [
                "post": pageForm(
                    "The teacher's page: submit an outside training with one evidence file (PDF, JPEG or PNG, ≤ 10 MB, "
                        + "checked by content)", "multipart/form-data", submissionFields,
                    required: ["form", "title", "hours", "date", "evidence"])
            ],
            "/me/submissions/{id}": [
                "post": pageForm(
                    "The teacher's page: correct a submission and send it again (a returned one becomes submitted); "
                        + "without a file the stored evidence is kept", "multipart/form-data", submissionFields,
                    required: ["form", "title", "hours", "date"], params: [pathParam("id", "The record's id")])
            ],
            "/reviews": [
                "post": pageForm(
                    "The school's and the district's pages: approve, certify or return records (ids, or every record "
                        + "of a course the action applies to); a return needs a reason",
                    "application/x-www-form-urlencoded",
                    [
                        "form": ["type": "string"], "action": ["type": "string", "enum": ["approve", "certify", "return"]],
                        "ids": ["type": "string"], "course": ["type": "string"], "reason": ["type": "string"],
                        "back": ["type": "string"],
                    ], required: ["form", "action"])
            ],
            "/schools/{id}": [
                "get": html(
                    "A school's page: staff by status, quota gaps, the schedule, exports",
                    params: [
                        pathParam("id", "School id"), query("lang", "zh or en"),
                        query("asOf", "Date (default today)", date),
                    ])
            ],
            "/api/v1/audit": get(
                "The audit trail, oldest first (district-admin only; a district-scoped one: its district's lines)",
                params: [
                    query("since", "Only lines from this day on", date), query("actor", "Only lines by this actor"),
                ], ok: json(["type": "array", "items": ref("AuditLine")]), errors: [400]),
            "/api/v1/schedule/build": [
                "post": [
                    "summary": "Build (replace) a term's schedule of one school, or of all (district-admin)",
                    "parameters": [
                        query("term", "Term, e.g. 2026-fall", required: true),
                        query("school", "School id (a planner: their own)"),
                    ],
                    "responses": [
                        "200": json(anyObject, "The build report"),
                        "400": json(error, "Bad parameter"),
                        "404": json(error, "Unknown school"),
                        "503": json(error, "The store is busy (see Retry-After)"),
                    ],
                ]
            ],
            "/api/v1/openapi.json": get("This document", ok: json(anyObject)),
            "/api/v1/schools": get("Schools with class and active-teacher counts", ok: json(ref("SchoolList"))),
            "/api/v1/teachers": get(
                "Teachers, filtered and paged (sorted by id)",
                params: [
                    query("school", "School id"),
                    query(
                        "role", "Role",
                        [
                            "type": "string",
                            "enum": ["psych-fulltime", "psych-parttime", "class-teacher", "subject-teacher", "leader"],
                        ]),
                    query("status", "Status", ["type": "string", "enum": ["active", "inactive"]]),
                    query("limit", "Page size 1–1000 (default 100)", ["type": "integer", "minimum": 1, "maximum": 1000]),
                    query("offset", "Rows to skip (default 0)", ["type": "integer", "minimum": 0]),
                ], ok: json(ref("TeacherPage")), errors: [400, 404]),
            "/api/v1/teachers/{id}": get(
                "One teacher", params: [pathParam("id", "Teacher id")], ok: json(ref("Teacher")), errors: [404]),
            "/api/v1/teachers/{id}/ledger": get(
                "A teacher's hours, practice, awards and status per level as of a date (as `xinyu teachers show --format json`)",
                params: [pathParam("id", "Teacher id"), query("asOf", "Date (default today)", date)],
                ok: json(anyObject), errors: [400, 404]),
            "/api/v1/coverage": get(
                "District A/B/C coverage as of a date (exactly `xinyu coverage --format json`)",
                params: [query("asOf", "Date (default today)", date)], ok: json(ref("Coverage")), errors: [400]),
            "/api/v1/coverage/{school}": get(
                "One school's coverage (as `xinyu coverage --school S --format json`)",
                params: [pathParam("school", "School id"), query("asOf", "Date (default today)", date)],
                ok: json(ref("Coverage")), errors: [400, 404]),
            "/api/v1/imports": [
                "get": [
                    "summary":
                        "The import log, oldest first (as `xinyu imports list --format json`); a district-scoped"
                        + " role's: its district's feeds' attempts",
                    "parameters": [[String: Any]](), "responses": ["200": json(["type": "array", "items": anyObject])],
                ],
                "post": [
                    "summary":
                        "Import a feed (district feed v1 or IMS Enterprise 1.1 XML) sent as the body; a district-scoped"
                        + " district-admin imports only its own district's feeds (another's: 403, nothing stored)",
                    "security": [["bearer": [String]()]],
                    "requestBody": [
                        "required": true, "content": ["application/xml": ["schema": ["type": "string", "format": "binary"]]],
                    ],
                    "responses": [
                        "200": json(ref("ImportSummary"), "Applied, partially applied or duplicate"),
                        "400": json(ref("ImportSummary"), "Feed rejected as a whole (nothing stored)"),
                        "408": json(error, "The body took longer than the server's body time limit"),
                        "413": json(error, "Body over the size limit"),
                        "503": json(error, "The store is busy with another write, or its disk is full (see Retry-After)"),
                    ],
                ],
            ],
            "/api/v1/trainings": get(
                "Trainings schools entered (as `xinyu trainings list --format json`)",
                params: [
                    query("school", "School id"), query("from", "Only trainings ending on or after this day", date),
                    query("to", "Only trainings starting on or before this day", date),
                ], ok: json(["type": "array", "items": anyObject]), errors: [400, 404]
            ).merging([
                "post": [
                    "summary": "Enter a training a school ran (the same fields and checks as a feed course)",
                    "security": [["bearer": [String]()]],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("TrainingRequest")]]],
                    "responses": errors([400, 401, 403, 404, 413, 503])
                        .merging(["201": json(anyObject, "The stored training")]) { a, _ in a },
                ]
            ]) { a, _ in a },
            "/api/v1/trainings/{id}/attendance": [
                "post": [
                    "summary": "Enter a sign-in sheet (.xlsx or .csv as the body) as submitted records "
                        + "(as `xinyu attendance import --format json`)",
                    "security": [["bearer": [String]()]],
                    "parameters": [
                        pathParam("id", "The training's course id"),
                        query("strict", "true: any bad row rejects the whole sheet", ["type": "boolean"]),
                        query("dryRun", "true: check and report, write nothing", ["type": "boolean"]),
                        query("sheet", "The sheet of an .xlsx workbook (default: the first)"),
                    ],
                    "requestBody": [
                        "required": true,
                        "content": [
                            xlsx: ["schema": ["type": "string", "format": "binary"]],
                            "text/csv": ["schema": ["type": "string", "format": "binary"]],
                        ],
                    ],
                    "responses": errors([401, 403, 404, 408, 413, 503]).merging([
                        "200": json(anyObject, "Applied or partly applied"),
                        "400": json(anyObject, "Rejected: a summary (strict, bad rows) or an error (not a sign-in sheet)"),
                    ]) { a, _ in a },
                ]
            ],
            "/api/v1/trainings/{id}/template": [
                "get": [
                    "summary": "The sign-in sheet to print: the training's details and the school's active teachers",
                    "parameters": [
                        pathParam("id", "The training's course id"),
                        query("format", "xlsx (default) or csv", ["type": "string", "enum": ["xlsx", "csv"]]),
                    ],
                    "responses": errors([400, 404]).merging([
                        "200": [
                            "description": "The sheet",
                            "content": [
                                xlsx: ["schema": ["type": "string", "format": "binary"]],
                                "text/csv": ["schema": ["type": "string"]],
                            ],
                        ]
                    ]) { a, _ in a },
                ]
            ],
            "/api/v1/submissions": [
                "post": [
                    "summary":
                        "A teacher's outside training with one evidence file (PDF, JPEG or PNG, ≤ 10 MB, checked by content)",
                    "security": [["bearer": [String]()]],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "multipart/form-data": [
                                "schema": [
                                    "type": "object", "required": ["teacher", "title", "hours", "date", "evidence"],
                                    "properties": [
                                        "teacher": ["type": "string"], "title": ["type": "string"],
                                        "provider": ["type": "string"],
                                        "category": ["type": "string"], "hours": ["type": "string"], "date": date, "end": date,
                                        "track": ["type": "string"], "tier": ["type": "integer"], "mode": ["type": "integer"],
                                        "result": ["type": "string"], "note": ["type": "string"],
                                        "evidence": ["type": "string", "format": "binary"],
                                    ],
                                ]
                            ],
                            "application/json": ["schema": ref("SubmissionRequest")],
                        ],
                    ],
                    "responses": errors([400, 401, 403, 404, 413, 503])
                        .merging(["201": json(anyObject, "The record, submitted")]) { a, _ in a },
                ]
            ],
            "/api/v1/submissions/{id}": [
                "post": [
                    "summary":
                        "Correct a submission (submitted or returned) and send it again: a returned one becomes submitted; "
                        + "without a new evidence file the stored one is kept",
                    "security": [["bearer": [String]()]],
                    "parameters": [pathParam("id", "The record's id")],
                    "requestBody": [
                        "required": true,
                        "content": [
                            "multipart/form-data": [
                                "schema": [
                                    "type": "object", "required": ["title", "hours", "date"],
                                    "properties": [
                                        "title": ["type": "string"], "provider": ["type": "string"],
                                        "category": ["type": "string"], "hours": ["type": "string"], "date": date, "end": date,
                                        "track": ["type": "string"], "tier": ["type": "integer"], "mode": ["type": "integer"],
                                        "result": ["type": "string"], "note": ["type": "string"],
                                        "evidence": ["type": "string", "format": "binary"],
                                    ],
                                ]
                            ],
                            "application/json": ["schema": ref("CorrectionRequest")],
                        ],
                    ],
                    "responses": errors([400, 401, 403, 404, 409, 413, 503])
                        .merging(["200": json(anyObject, "The record, submitted again")]) { a, _ in a },
                ]
            ],
            "/api/v1/submissions/{id}/evidence": [
                "get": [
                    "summary": "A record's evidence file (the teacher, their school's admins and district roles)",
                    "security": [["bearer": [String]()]],
                    "parameters": [pathParam("id", "The record's id")],
                    "responses": errors([401, 403, 404]).merging([
                        "200": [
                            "description": "The file",
                            "content": [
                                "application/pdf": ["schema": ["type": "string", "format": "binary"]],
                                "image/jpeg": ["schema": ["type": "string", "format": "binary"]],
                                "image/png": ["schema": ["type": "string", "format": "binary"]],
                            ],
                        ]
                    ]) { a, _ in a },
                ]
            ],
            "/api/v1/approvals": get(
                "Entered records (as `xinyu approvals list --format json`)",
                params: [
                    query("school", "School id"),
                    query(
                        "state", "Record state", ["type": "string", "enum": ["submitted", "approved", "returned", "certified"]]),
                    query("course", "Course id"), query("teacher", "Teacher id"),
                ], ok: json(["type": "array", "items": anyObject]), errors: [400, 404]),
            "/api/v1/approvals/{action}": [
                "post": [
                    "summary":
                        "Approve (school-admin), certify (district-admin) or return (with a reason) records, by id or course",
                    "security": [["bearer": [String]()]],
                    "parameters": [
                        [
                            "name": "action", "in": "path", "required": true, "description": "approve, certify or return",
                            "schema": ["type": "string", "enum": ["approve", "certify", "return"]],
                        ]
                    ],
                    "requestBody": ["required": true, "content": ["application/json": ["schema": ref("ReviewRequest")]]],
                    "responses": errors([400, 401, 403, 404, 409, 413, 503]).merging([
                        "200": json(["type": "array", "items": anyObject], "The transitions kept")
                    ]) { a, _ in a },
                ]
            ],
            "/api/v1/quota": get(
                "Union training quotas per school year (as `xinyu quota report --format json`)",
                params: [
                    query("year", "School year 2025-2026 or 2025 (default: the one containing today)"),
                    query("school", "Only this school"),
                    query("teachers", "true to list every active teacher", ["type": "boolean"]),
                ], ok: json(anyObject), errors: [400, 404]),
            "/api/v1/activities": get("Group-guidance activity catalog", ok: json(["type": "array", "items": anyObject])),
            "/api/v1/schedule": get(
                "A school's stored term schedule (as `xinyu schedule show --format json`)",
                params: [
                    query("school", "School id", required: true), query("term", "Term, e.g. 2026-fall (default: latest stored)"),
                    query("class", "Only this class, e.g. S001-7-2"), query("from", "First date", date),
                    query("to", "Last date", date),
                ], ok: json(ref("Schedule")), errors: [400, 404]),
            "/api/v1/schedule.ics": [
                "get": [
                    "summary": "A school's stored schedule as iCalendar",
                    "parameters": [query("school", "School id", required: true), query("term", "Term (default: latest stored)")],
                    "responses": [
                        "200": [
                            "description": "RFC 5545 calendar", "content": ["text/calendar": ["schema": ["type": "string"]]],
                        ],
                        "400": json(error, "Bad parameter"), "404": json(error, "Unknown school or no schedule"),
                    ],
                ]
            ],
        ],
        "components": [
            "securitySchemes": [
                "bearer": ["type": "http", "scheme": "bearer"],
                "session": ["type": "apiKey", "in": "cookie", "name": "xinyu_session"],
            ],
            "schemas": [
                "Error": [
                    "type": "object", "required": ["error"],
                    "properties": [
                        "error": [
                            "type": "object", "required": ["code", "message"],
                            "properties": ["code": ["type": "string"], "message": ["type": "string"]],
                        ]
                    ],
                ],
                "AuditLine": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "integer"], "at": ["type": "string"], "actor": ["type": "string"],
                        "address": ["type": "string", "nullable": true], "action": ["type": "string"],
                        "target": ["type": "string"],
                        "before": ["type": "string", "nullable": true], "after": ["type": "string", "nullable": true],
                        "district": ["type": "string", "nullable": true],
                    ],
                ],
                "Health": [
                    "type": "object",
                    "properties": [
                        "status": ["type": "string"], "schools": ["type": "integer"], "teachers": ["type": "integer"],
                    ],
                ],
                "School": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string"], "name": ["type": "string"], "stage": ["type": "string"],
                        "counselingRoom": ["type": "boolean"], "classes": ["type": "integer"],
                        "activeTeachers": ["type": "integer"],
                    ],
                ],
                "SchoolList": ["type": "object", "properties": ["schools": ["type": "array", "items": ref("School")]]],
                "Teacher": [
                    "type": "object",
                    "properties": [
                        "id": ["type": "string"], "school": ["type": "string"], "name": ["type": "string"],
                        "role": ["type": "string"], "hired": ["type": "string", "format": "date", "nullable": true],
                        "status": ["type": "string"],
                    ],
                ],
                "TeacherPage": [
                    "type": "object",
                    "properties": [
                        "total": ["type": "integer"], "limit": ["type": "integer"], "offset": ["type": "integer"],
                        "teachers": ["type": "array", "items": ref("Teacher")],
                    ],
                ],
                "ImportSummary": [
                    "type": "object",
                    "properties": [
                        "feed": ["type": "string", "nullable": true], "format": ["type": "string"],
                        "status": ["type": "string", "enum": ["applied", "partial", "rejected", "duplicate"]],
                        "accepted": anyObject, "rejected": ["type": "array", "items": anyObject],
                        "skipped": ["type": "integer"], "deactivated": ["type": "integer"],
                        "file": ["type": "string"], "digest": ["type": "string"], "dryRun": ["type": "boolean"],
                    ],
                ],
                "Coverage": [
                    "type": "object",
                    "properties": [
                        "asOf": date, "district": anyObject,
                        "schools": ["type": "array", "items": anyObject],
                    ],
                ],
                "TrainingFields": [
                    "type": "object", "required": ["title", "hours", "date"],
                    "properties": [
                        "title": ["type": "string"], "provider": ["type": "string"],
                        "category": ["type": "string", "enum": ["public", "professional", "elective"]],
                        "tier": ["type": "integer", "enum": [10, 20, 30, 40, 60, 99]],
                        "mode": ["type": "integer", "enum": [1, 2, 3, 4, 9]],
                        "hours": ["type": "string", "description": "0 < h ≤ 500, at most one decimal"], "date": date, "end": date,
                        "track": ["type": "string", "enum": ["A", "B", "C", "cpd", "none"]],
                    ],
                ],
                "TrainingRequest": [
                    "type": "object", "required": ["school", "training"],
                    "properties": ["school": ["type": "string"], "training": ref("TrainingFields")],
                ],
                "SubmissionRequest": [
                    "type": "object", "required": ["teacher", "training", "evidence"],
                    "properties": [
                        "teacher": ["type": "string"], "training": ref("TrainingFields"),
                        "result": ["type": "string", "enum": ["pass", "fail", "none"]],
                        "note": ["type": "string"], "evidence": ["type": "string", "format": "byte"],
                        "evidenceName": ["type": "string"],
                    ],
                ],
                "CorrectionRequest": [
                    "type": "object", "required": ["training"],
                    "properties": [
                        "training": ref("TrainingFields"), "result": ["type": "string", "enum": ["pass", "fail", "none"]],
                        "note": ["type": "string"], "evidence": ["type": "string", "format": "byte"],
                        "evidenceName": ["type": "string"],
                    ],
                ],
                "ReviewRequest": [
                    "type": "object",
                    "properties": [
                        "ids": ["type": "array", "items": ["type": "integer"]],
                        "course": ["type": "string"], "reason": ["type": "string"],
                    ],
                ],
                "Schedule": [
                    "type": "object",
                    "properties": [
                        "school": ["type": "string"], "term": ["type": "string"],
                        "sessions": ["type": "array", "items": anyObject],
                        "unplaced": ["type": "array", "items": anyObject],
                        "classes": ["type": "array", "items": anyObject],
                    ],
                ],
            ],
        ],
    ]
}
