import Hummingbird

/// `GET /api/v1/openapi.json` (every role but a feed, like the lesson library).
struct OpenAPIController {
    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        api.get("openapi.json") { _, context in
            try context.require(.read(.library))
            return JSONResponse.make(data: OpenAPIDocument.json)
        }
    }
}
