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

    /// The document as JSON bytes (sorted keys).
    public static let json: Data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])) ?? Data()

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }
    static func json(_ schema: [String: Any], _ description: String = "OK") -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": schema]]]
    }
    static func query(_ name: String, _ description: String, _ schema: [String: Any] = ["type": "string"], required: Bool = false) -> [String: Any] {
        ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }
    static func pathParam(_ name: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "path", "required": true, "description": description, "schema": ["type": "string"]]
    }
    nonisolated(unsafe) static let error = ref("Error")
    static func errors(_ codes: [Int]) -> [String: Any] {
        var out: [String: Any] = [:]
        let text = [400: "Bad parameter: malformed, empty (`asOf=`), or a date or term outside the supported years \(Day.supportedYearsText)", 401: "Missing or wrong bearer token", 403: "Writes disabled (no token configured)",
                    404: "Unknown id or route", 413: "Body over the size limit"]
        for c in codes { out[String(c)] = json(error, text[c] ?? "Error") }
        return out
    }
    static func get(_ summary: String, params: [[String: Any]] = [], ok: [String: Any], errors codes: [Int] = []) -> [String: Any] {
        var responses = errors(codes); responses["200"] = ok
        return ["get": ["summary": summary, "parameters": params, "responses": responses]]
    }
    nonisolated(unsafe) static let date: [String: Any] = ["type": "string", "format": "date",
                                                          "description": "YYYY-MM-DD, in the years \(Day.supportedYearsText)"]
    nonisolated(unsafe) static let anyObject: [String: Any] = ["type": "object", "additionalProperties": true]

    nonisolated(unsafe) static let document: [String: Any] = [
        "openapi": "3.0.3",
        "info": ["title": "Xinyu 心育 API", "version": "1.0.0",
                 "description": "Teacher training, A/B/C certification coverage and mental-health lesson scheduling for a school district. Every figure comes from the same library code as the xinyu CLI; JSON matches `--format json`."],
        "paths": [
            "/": ["get": ["summary": "Dashboard (HTML, zh-Hans; ?lang=en for English)",
                          "parameters": [query("lang", "zh (default) or en", ["type": "string", "enum": ["zh", "en"]]),
                                         query("asOf", "Date of the coverage figures (default today)", date)],
                          "responses": ["200": ["description": "HTML page", "content": ["text/html": ["schema": ["type": "string"]]]],
                                        "400": json(error, "Bad parameter")]]],
            "/health": get("Liveness: the store answers", ok: json(ref("Health"))),
            "/api/v1/openapi.json": get("This document", ok: json(anyObject)),
            "/api/v1/schools": get("Schools with class and active-teacher counts", ok: json(ref("SchoolList"))),
            "/api/v1/teachers": get("Teachers, filtered and paged (sorted by id)", params: [
                query("school", "School id"),
                query("role", "Role", ["type": "string", "enum": ["psych-fulltime", "psych-parttime", "class-teacher", "subject-teacher", "leader"]]),
                query("status", "Status", ["type": "string", "enum": ["active", "inactive"]]),
                query("limit", "Page size 1–1000 (default 100)", ["type": "integer", "minimum": 1, "maximum": 1000]),
                query("offset", "Rows to skip (default 0)", ["type": "integer", "minimum": 0]),
            ], ok: json(ref("TeacherPage")), errors: [400, 404]),
            "/api/v1/teachers/{id}": get("One teacher", params: [pathParam("id", "Teacher id")], ok: json(ref("Teacher")), errors: [404]),
            "/api/v1/teachers/{id}/ledger": get("A teacher's hours, practice, awards and status per level as of a date (as `xinyu teachers show --format json`)",
                                                params: [pathParam("id", "Teacher id"), query("asOf", "Date (default today)", date)],
                                                ok: json(anyObject), errors: [400, 404]),
            "/api/v1/coverage": get("District A/B/C coverage as of a date (exactly `xinyu coverage --format json`)",
                                    params: [query("asOf", "Date (default today)", date)], ok: json(ref("Coverage")), errors: [400]),
            "/api/v1/coverage/{school}": get("One school's coverage (as `xinyu coverage --school S --format json`)",
                                             params: [pathParam("school", "School id"), query("asOf", "Date (default today)", date)],
                                             ok: json(ref("Coverage")), errors: [400, 404]),
            "/api/v1/imports": [
                "get": ["summary": "The import log, oldest first (as `xinyu imports list --format json`)",
                        "parameters": [[String: Any]](), "responses": ["200": json(["type": "array", "items": anyObject])]],
                "post": ["summary": "Import a feed (district feed v1 or IMS Enterprise 1.1 XML) sent as the body",
                         "security": [["bearer": [String]()]],
                         "requestBody": ["required": true, "content": ["application/xml": ["schema": ["type": "string", "format": "binary"]]]],
                         "responses": ["200": json(ref("ImportSummary"), "Applied, partially applied or duplicate"),
                                       "400": json(ref("ImportSummary"), "Feed rejected as a whole (nothing stored)"),
                                       "401": json(error, "Missing or wrong bearer token"),
                                       "403": json(error, "Writes disabled (no token configured)"),
                                       "408": json(error, "The body took longer than the server's body time limit"),
                                       "413": json(error, "Body over the size limit"),
                                       "503": json(error, "The store is busy with another write, or its disk is full (see Retry-After)")]],
            ],
            "/api/v1/quota": get("Union training quotas per school year (as `xinyu quota report --format json`)", params: [
                query("year", "School year 2025-2026 or 2025 (default: the one containing today)"),
                query("school", "Only this school"),
                query("teachers", "true to list every active teacher", ["type": "boolean"]),
            ], ok: json(anyObject), errors: [400, 404]),
            "/api/v1/lessons": get("Lesson library", params: [
                query("band", "Band", ["type": "string", "enum": ["low", "middle", "high", "junior", "senior"]]),
                query("theme", "Theme", ["type": "string", "enum": ["self-awareness", "emotions", "learning", "relationships", "adaptation", "life-safety", "career"]]),
            ], ok: json(["type": "array", "items": anyObject]), errors: [400]),
            "/api/v1/lessons/{id}": get("One lesson plan", params: [pathParam("id", "Lesson id, e.g. low-01")], ok: json(anyObject), errors: [404]),
            "/api/v1/activities": get("Group-guidance activity catalog", ok: json(["type": "array", "items": anyObject])),
            "/api/v1/schedule": get("A school's stored term schedule (as `xinyu schedule show --format json`)", params: [
                query("school", "School id", required: true), query("term", "Term, e.g. 2026-fall (default: latest stored)"),
                query("class", "Only this class, e.g. S001-7-2"), query("from", "First date", date), query("to", "Last date", date),
            ], ok: json(ref("Schedule")), errors: [400, 404]),
            "/api/v1/schedule.ics": ["get": ["summary": "A school's stored schedule as iCalendar",
                                             "parameters": [query("school", "School id", required: true), query("term", "Term (default: latest stored)")],
                                             "responses": ["200": ["description": "RFC 5545 calendar", "content": ["text/calendar": ["schema": ["type": "string"]]]],
                                                           "400": json(error, "Bad parameter"), "404": json(error, "Unknown school or no schedule")]]],
        ],
        "components": [
            "securitySchemes": ["bearer": ["type": "http", "scheme": "bearer"]],
            "schemas": [
                "Error": ["type": "object", "required": ["error"], "properties": ["error": [
                    "type": "object", "required": ["code", "message"],
                    "properties": ["code": ["type": "string"], "message": ["type": "string"]]]]],
                "Health": ["type": "object", "properties": ["status": ["type": "string"], "schools": ["type": "integer"], "teachers": ["type": "integer"]]],
                "School": ["type": "object", "properties": ["id": ["type": "string"], "name": ["type": "string"], "stage": ["type": "string"],
                                                            "counselingRoom": ["type": "boolean"], "classes": ["type": "integer"], "activeTeachers": ["type": "integer"]]],
                "SchoolList": ["type": "object", "properties": ["schools": ["type": "array", "items": ref("School")]]],
                "Teacher": ["type": "object", "properties": ["id": ["type": "string"], "school": ["type": "string"], "name": ["type": "string"],
                                                             "role": ["type": "string"], "hired": ["type": "string", "format": "date", "nullable": true],
                                                             "status": ["type": "string"]]],
                "TeacherPage": ["type": "object", "properties": ["total": ["type": "integer"], "limit": ["type": "integer"], "offset": ["type": "integer"],
                                                                 "teachers": ["type": "array", "items": ref("Teacher")]]],
                "ImportSummary": ["type": "object", "properties": ["feed": ["type": "string", "nullable": true], "format": ["type": "string"],
                                                                   "status": ["type": "string", "enum": ["applied", "partial", "rejected", "duplicate"]],
                                                                   "accepted": anyObject, "rejected": ["type": "array", "items": anyObject],
                                                                   "skipped": ["type": "integer"], "deactivated": ["type": "integer"],
                                                                   "file": ["type": "string"], "digest": ["type": "string"], "dryRun": ["type": "boolean"]]],
                "Coverage": ["type": "object", "properties": ["asOf": date, "district": anyObject,
                                                              "schools": ["type": "array", "items": anyObject]]],
                "Schedule": ["type": "object", "properties": ["school": ["type": "string"], "term": ["type": "string"],
                                                              "sessions": ["type": "array", "items": anyObject],
                                                              "unplaced": ["type": "array", "items": anyObject],
                                                              "classes": ["type": "array", "items": anyObject]]],
            ],
        ],
    ]
}
