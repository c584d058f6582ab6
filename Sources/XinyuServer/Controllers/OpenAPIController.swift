import Hummingbird

/// `GET /api/v1/openapi.json`.
struct OpenAPIController {
    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        api.get("openapi.json") { _, _ in JSONResponse.make(data: OpenAPIDocument.json) }
    }
}
