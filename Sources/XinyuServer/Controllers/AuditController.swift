import Foundation
import Hummingbird
import XinyuAccounts
import XinyuCore

/// `GET /api/v1/audit?since=&actor=`: the audit trail, oldest first (district-admin only). A district-scoped
/// district-admin reads only the lines of its district (issue #18; how a line's district is decided:
/// ``AccountStore/appendAudit(_:)``).
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
            // A district-scoped district-admin reads the lines of its district only (issue #18).
            let district: String? = if case .schools(let own, _) = try context.readScope() { own } else { nil }
            let accounts = accounts
            let lines = try await BlockingWork.quick {
                try accounts.audit(since: since, actor: actor, district: district).map(AuditLine.init)
            }
            return try JSONResponse.make(lines)
        }
    }
}
