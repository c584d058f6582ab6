import Hummingbird
import XinyuCore

/// `GET /health`: the store answers, with its school and teacher counts.
struct HealthController {
    let database: AppDatabase

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in
            let counts = try database.tableCounts()
            return try JSONResponse.make(HealthDTO(status: "ok", schools: counts["school"] ?? 0, teachers: counts["teacher"] ?? 0))
        }
    }
}
