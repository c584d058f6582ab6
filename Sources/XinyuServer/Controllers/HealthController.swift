import Hummingbird
import XinyuCore

/// `GET /health`: the store answers, with its school and teacher counts (two small-table counts, so the check
/// stays cheap however much attendance the store holds). Runs on the probe lane, so a running import, a report
/// being computed or a queue of lookups never delays it.
struct HealthController {
    let database: any ReportStore

    func addRoutes(to router: Router<XinyuRequestContext>) {
        router.get("/health") { _, _ in
            let db = database
            let counts = try await BlockingWork.probe { try db.healthCounts() }
            return try JSONResponse.make(HealthDTO(status: "ok", schools: counts.schools, teachers: counts.teachers))
        }
    }
}
