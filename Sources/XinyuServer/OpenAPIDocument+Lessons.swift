import Foundation

extension OpenAPIDocument {
    static let bands = ["low", "middle", "high", "junior", "senior"]
    static let themes = ["self-awareness", "emotions", "learning", "relationships", "adaptation", "life-safety", "career"]

    /// The dashboard's review form (``LibraryReviewFormController``): approve or return a proposed plan.
    nonisolated(unsafe) static let reviewForm: [String: Any] = {
        var op = form(
            "Approve a proposed plan or return it with a reason (the dashboard's form; a session needs its form token); "
                + "303 back to the dashboard with the outcome",
            ["form", "decision", "reason", "lang"])
        op["parameters"] = [pathParam("id", "A proposed plan's id")] + (op["parameters"] as? [[String: Any]] ?? [])
        var responses = op["responses"] as? [String: Any] ?? [:]
        responses["401"] = nil
        responses["429"] = nil
        responses["403"] = ["description": "Not a district-admin, or the form token is missing or wrong"]
        responses["404"] = json(error, "Unknown plan")
        responses["409"] = json(error, "The plan is not proposed (already reviewed)")
        op["responses"] = responses
        return op
    }()

    /// A plan as the body of a write: YAML or JSON, the fields of `xinyu lessons add FILE.yaml`.
    nonisolated(unsafe) static let planBody: [String: Any] = [
        "required": true,
        "description": """
        One lesson plan (id, band, theme, title, titleEn, objectives, minutes 30–50, warmUp, main {form, \
        description}, closing, materials, months, grades) or activity (id, name, nameEn, minSize, maxSize, sessions, \
        minutes, facilitatorLevel, bands, room, description), as YAML or JSON; unknown keys are refused and an error \
        names the body's line and key.
        """,
        "content": [
            "application/json": ["schema": anyObject], "application/yaml": ["schema": ["type": "string"]],
            "text/plain": ["schema": ["type": "string"]],
        ],
    ]

    static func post(
        _ summary: String, params: [[String: Any]], body: [String: Any]? = nil, created: Bool = false
    ) -> [String: Any] {
        var responses = errors([400, 404, 409, 413, 503])
        responses[created ? "201" : "200"] = json(anyObject, "The item as listed (id, kind, source, school, state, version …)")
        var op: [String: Any] = ["summary": summary, "parameters": params, "responses": responses]
        if let body { op["requestBody"] = body }
        return ["post": op]
    }

    /// The lesson library's operations (issue #19).
    nonisolated(unsafe) static let lessonPaths: [String: [String: Any]] = {
        let id = pathParam("id", "Lesson or activity id, e.g. low-01 or S0001-emo-01")
        let version = query("version", "A stored item's version (default: the current one)", ["type": "integer"])
        return [
            "/api/v1/lessons": get(
                "The lesson library: bundled plans and activities, the district library and the caller's school's own",
                params: [
                    query("q", "Any part of the title, English title, objectives or steps (Chinese or English)"),
                    query("band", "Band", ["type": "string", "enum": bands]),
                    query("theme", "Theme", ["type": "string", "enum": themes]),
                    query("school", "Only this school's own items"),
                    query(
                        "source", "bundled, district or school", ["type": "string", "enum": ["bundled", "district", "school"]]),
                    query("kind", "lesson or activity", ["type": "string", "enum": ["lesson", "activity"]]),
                    query(
                        "state", "Only items in this state",
                        ["type": "string", "enum": ["active", "proposed", "approved", "returned", "retired"]]),
                ], ok: json(["type": "array", "items": anyObject]), errors: [400]
            )
            .merging(
                post(
                    "Add a plan (or activity) owned by a school, or by the district without `school`",
                    params: [
                        query("school", "The owning school (absent: the district library)"),
                        query("kind", "lesson (default) or activity", ["type": "string", "enum": ["lesson", "activity"]]),
                    ], body: planBody, created: true)
            ) { a, _ in a },
            "/api/v1/lessons/{id}": get(
                "One plan or activity at a version", params: [id, version], ok: json(anyObject), errors: [400, 404]),
            "/api/v1/lessons/{id}/history": get(
                "Every saved version of a stored plan", params: [id], ok: json(["type": "array", "items": anyObject]),
                errors: [400, 404]),
            "/api/v1/lessons/{id}/copy": post(
                "Copy a plan to a school (or the district) as a new item at version 1",
                params: [id, query("school", "The copy's school (absent: the district)"), query("as", "The copy's id")],
                created: true),
            "/api/v1/lessons/{id}/versions": post("Save a new version of a stored plan", params: [id], body: planBody),
            "/api/v1/lessons/{id}/retire": post("Retire a stored plan (kept with its history)", params: [id]),
            "/api/v1/lessons/{id}/propose": post("Propose a school's plan to the district library", params: [id]),
            "/api/v1/lessons/{id}/approve": post("Approve a proposed plan into the district library", params: [id]),
            "/api/v1/lessons/{id}/return": post(
                "Return a proposed plan to its school with a reason", params: [id],
                body: [
                    "required": true,
                    "content": [
                        "application/json": [
                            "schema": [
                                "type": "object", "required": ["reason"], "properties": ["reason": ["type": "string"]],
                            ]
                        ]
                    ],
                ]),
            "/lessons/{id}.html": ["get": html("The printable 教案 (A4, with a blank reflection box)", params: [id, version])],
            "/lessons/{id}/review": ["post": reviewForm],
        ]
    }()
}
