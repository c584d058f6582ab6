import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// `GET /api/v1/audit?since=&actor=`: the audit trail, oldest first (district-admin only).
struct AuditController {
    let accounts: Accounts

    func addRoutes(to api: RouterGroup<XinyuRequestContext>) {
        api.get("audit") { request, context in
            try context.require(.read(.auditTrail))
            let since = try request.queryDay("since").map { d in
                Calendar(identifier: .gregorian).date(
                    from: DateComponents(
                        timeZone: .current, year: d.year,
                        month: d.month, day: d.day))!
            }
            let actor = try request.query("actor")
            let accounts = accounts
            let lines = try await BlockingWork.quick { try accounts.audit(since: since, actor: actor).map(AuditLine.init) }
            return try JSONResponse.make(lines)
        }
    }
}
