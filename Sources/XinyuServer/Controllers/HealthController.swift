import GRDB
import Hummingbird
import XinyuCore

/// `GET /health`: the store answers, with its school and teacher counts (two small-table counts, so the check
/// stays cheap however much attendance the store holds).
struct HealthController {
    let database: AppDatabase

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("/health") { _, _ in
            let (schools, teachers) = try await database.writer.read { db in
                (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM school") ?? 0,
                 try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM teacher") ?? 0)
            }
            return try JSONResponse.make(HealthDTO(status: "ok", schools: schools, teachers: teachers))
        }
    }
}
