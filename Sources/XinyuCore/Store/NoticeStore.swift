import Foundation

/// The outbox of reminders (issue #16): each notice once per (person, kind, window), with its delivery state.
///
/// An engine must guarantee:
/// - ``NoticeKey`` is unique: queuing a notice whose key is stored adds nothing, whatever its state, so running
///   `xinyu remind` every day sends each notice once.
/// - A claim is atomic: two processes claiming at once never both get the same notice.
/// - Every write raises ``ReportStore/dataVersion()``; an audit line given with a write commits with it.
/// - Busy and full stores throw as ``ReportStore`` says.
public protocol NoticeStore: Sendable {
    /// Stores the notices whose key is not stored yet (the first of equal keys in `notices` wins), `pending` and
    /// due at their creation, with `audit` in the same transaction when some were added. Returns the added ones
    /// with their ids, in the order given.
    func enqueueNotices(_ notices: [Notice], audit: AuditEntry?) throws -> [Notice]

    /// The keys among `keys` that are stored (a dry run's "already sent or queued").
    func storedNoticeKeys(_ keys: [NoticeKey]) throws -> Set<NoticeKey>

    /// Claims the notices due at `now` (`pending` or `failed`, with fewer than `maxAttempts` attempts and a next
    /// attempt at or before `now`), at most `limit` (oldest first, by id): each counts one more attempt and is not
    /// due again before `leaseUntil`, so a process that dies while sending leaves it to a later run. Returns them
    /// as claimed.
    func claimDueNotices(now: Date, leaseUntil: Date, maxAttempts: Int, limit: Int) throws -> [Notice]

    /// Records how an attempt of notice `id` ended: `sent` (no further attempt), or `failed` with its error and
    /// the next attempt (nil: none). An unknown id changes nothing.
    func recordDelivery(id: Int64, _ outcome: NoticeDelivery) throws

    /// Notices by id (oldest first), only those in `state` when given.
    func notices(state: NoticeState?) throws -> [Notice]
}
