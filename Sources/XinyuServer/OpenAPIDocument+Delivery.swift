import XinyuCore

extension OpenAPIDocument {
    /// Issue #19's operations: delivery records, delivery rates and group-guidance runs, with the pages' forms.
    nonisolated(unsafe) static let deliveryPaths: [String: [String: Any]] = [
        "/api/v1/deliveries": [
            "post": [
                "summary":
                    "Record whether a scheduled session was given (the session's teacher, their school-admin or a "
                    + "district-admin); a new record supersedes the session's earlier ones, which stay. Only sessions "
                    + "recorded given count as delivered lessons toward level A practice",
                "requestBody": [
                    "required": true,
                    "content": [
                        "application/json": [
                            "schema": [
                                "type": "object", "required": ["session", "given"],
                                "properties": [
                                    "session": [
                                        "type": "string",
                                        "description": "SCHOOL/CLASS/DATE/PERIOD, e.g. S0001/S0001-3-2/2026-09-07/3",
                                    ],
                                    "given": ["type": "boolean"],
                                    "reason": [
                                        "type": "string", "enum": DeliveryReason.allCases.map(\.rawValue),
                                        "description": "Why not given (required when given is false)",
                                    ],
                                    "reflection": [
                                        "type": "string", "maxLength": 2000,
                                        "description":
                                            "课后反思. Never a student's name or number: text holding an ID-card number "
                                            + "or a run of 8 or more digits is refused (400)",
                                    ],
                                ],
                            ]
                        ]
                    ],
                ],
                "responses": errors([400, 404, 413, 503]).merging(["201": json(anyObject, "The record as stored")]) { a, _ in a },
            ],
            "get": [
                "summary": "Every delivery record of a school, superseded ones too, by id (a teacher: their own)",
                "parameters": [
                    query("school", "School id (default: the caller's)"), query("term", "Only this term, e.g. 2026-fall"),
                    query("teacher", "Only this teacher's"),
                ],
                "responses": errors([400, 404]).merging([
                    "200": json(["type": "array", "items": anyObject])
                ]) { a, _ in a },
            ],
        ],
        "/api/v1/schools/{id}/delivery-rates": get(
            "A school's delivery rate for a term by class and by teacher: of the lessons due by the date, the share "
                + "recorded given (unrecorded ones count as not given)",
            params: [
                pathParam("id", "School id"), query("term", "Term (default: the latest stored)"),
                query("asOf", "Date (default today)", date),
            ], ok: json(anyObject), errors: [400, 404]),
        "/api/v1/group-runs": [
            "post": [
                "summary":
                    "Record a group-guidance session that was run (the facilitator, their school-admin or a "
                    + "district-admin); the number of participants must fit the activity's group size",
                "requestBody": [
                    "required": true,
                    "content": [
                        "application/json": [
                            "schema": [
                                "type": "object", "required": ["school", "date", "facilitator", "activity", "participants"],
                                "properties": [
                                    "school": ["type": "string"], "date": date,
                                    "facilitator": ["type": "string", "description": "The facilitating teacher's id"],
                                    "activity": ["type": "string", "description": "An activity id (GET /api/v1/activities)"],
                                    "participants": [
                                        "type": "integer", "minimum": 1,
                                        "description": "How many students took part: a count, never names",
                                    ],
                                    "notes": [
                                        "type": "string", "maxLength": 2000,
                                        "description":
                                            "Never a student's name or number: text holding an ID-card number (18 "
                                            + "digits, the last possibly X, or 15) or a run of 8 or more digits is refused",
                                    ],
                                ],
                            ]
                        ]
                    ],
                ],
                "responses": errors([400, 404, 413, 503]).merging(["201": json(anyObject, "The run as stored")]) { a, _ in a },
            ],
            "get": [
                "summary": "Group-guidance sessions run, by date",
                "parameters": [
                    query("school", "School id (default: the caller's)"), query("from", "From this day", date),
                    query("to", "To this day", date),
                ],
                "responses": errors([400, 404]).merging([
                    "200": json(["type": "array", "items": anyObject])
                ]) { a, _ in a },
            ],
        ],
        "/me/deliveries": [
            "post": form(
                "The teacher's page form: record one of their sessions (outcome given or not-given, reason, "
                    + "reflection — never a student's name or number); back to /me",
                ["form", "session", "outcome", "reason", "reflection", "lang"])
        ],
        "/schools/{id}/group-runs": [
            "post": withPathID(
                form(
                    "The school page's form: record a group-guidance run (participants a count, notes never a student's "
                        + "name or number); back to the school's page",
                    ["form", "date", "facilitator", "activity", "participants", "notes", "lang"]))
        ],
    ]

    /// `operation` with the path parameter `id` (the school) added to its parameters.
    static func withPathID(_ operation: [String: Any]) -> [String: Any] {
        var op = operation
        op["parameters"] = [pathParam("id", "School id")] + (op["parameters"] as? [[String: Any]] ?? [])
        return op
    }
}
