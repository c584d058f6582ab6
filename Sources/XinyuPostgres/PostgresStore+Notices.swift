import Foundation
import XinyuCore

/// ``NoticeStore`` on PostgreSQL: not yet available. Every requirement throws
/// ``PostgresStoreError/unsupported(feature:)`` before touching the database, so a PostgreSQL store holds no
/// reminders' outbox (`xinyu remind`, `xinyu notices`). README "PostgreSQL" lists what is missing; a SQLite store
/// has all of it.
extension PostgresStore {
    /// The feature named in the error of every ``NoticeStore`` requirement.
    public static let noticesFeature = "the reminders' outbox (issue #16: xinyu remind, xinyu notices)"

    private static var noNotices: PostgresStoreError { .unsupported(feature: noticesFeature) }

    public func enqueueNotices(_ notices: [Notice], audit: AuditEntry?) throws -> [Notice] {
        throw Self.noNotices
    }

    public func storedNoticeKeys(_ keys: [NoticeKey]) throws -> Set<NoticeKey> {
        throw Self.noNotices
    }

    public func claimDueNotices(now: Date, leaseUntil: Date, maxAttempts: Int, limit: Int) throws -> [Notice] {
        throw Self.noNotices
    }

    public func recordDelivery(id: Int64, _ outcome: NoticeDelivery) throws {
        throw Self.noNotices
    }

    public func notices(state: NoticeState?) throws -> [Notice] {
        throw Self.noNotices
    }
}
