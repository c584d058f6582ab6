import Foundation
import XinyuCore

/// One audit line as the CLI (`xinyu audit list --format json`) and the API (`GET /api/v1/audit`) show it.
public struct AuditLine: Sendable, Codable, Hashable {
    public var id: Int64
    /// ISO 8601, UTC.
    public var at: String
    public var actor: String
    public var address: String?
    public var action: String
    public var target: String
    /// The changed values before and after, as JSON text.
    public var before: String?
    public var after: String?
    /// The district the line concerns (issue #18; see ``AccountStore/appendAudit(_:)``), nil for none.
    public var district: String?

    /// The line of a stored entry.
    public init(_ e: AuditEntry) {
        id = e.id ?? 0
        at = Accounts.timestamp(e.at)
        actor = e.actor
        address = e.address
        action = e.action
        target = e.target
        before = e.before
        after = e.after
        district = e.district
    }

    /// The table `xinyu audit list` prints.
    public static func table(_ lines: [AuditLine]) -> TextTable {
        TextTable(
            headers: ["id", "at", "actor", "address", "action", "target", "before", "after"],
            rows: lines.map {
                [
                    String($0.id), $0.at, $0.actor, $0.address ?? "", $0.action, $0.target,
                    $0.before ?? "", $0.after ?? "",
                ]
            },
            numeric: [0])
    }
}
