import Foundation
import XinyuCore

/// `xinyu remind` (issue #16): finds the notices due as of a date, queues those not yet in the outbox, then
/// delivers every notice due (the new ones and failed ones whose retry time has come). Safe to run daily from
/// cron: a notice is queued once per (person, kind, window), and a notice being delivered is claimed first, so
/// two runs at once never send it twice.
public enum Reminders {
    /// How many due notices one claim takes.
    static let claimBatch = 200
    /// How long a claimed notice is held for its delivery before another run may try it.
    static let lease: TimeInterval = 15 * 60

    /// Runs once. `deliver` hands notices to their channels (``Postman/deliver(_:)``); a dry run reads only,
    /// queues and sends nothing, and never calls it. The queuing and the deliveries are audited as `actor`
    /// (`remind.queue`, `remind.deliver`).
    public static func run(
        store: any XinyuStore, planner: ReminderPlanner, asOf: Day, dryRun: Bool, actor: String,
        now: @Sendable () -> Date = { Date() },
        deliver: ([Notice]) async -> [(notice: Notice, error: DeliveryError?)]
    ) async throws -> RemindSummary {
        let found = try planner.plan(in: store, asOf: asOf, now: now())
        let stored = try store.storedNoticeKeys(found.map(\.key))
        var seen: Set<NoticeKey> = []
        let fresh = found.filter { !stored.contains($0.key) && seen.insert($0.key).inserted }
        let maxAttempts = planner.configuration.maxAttempts
        if dryRun {
            let at = now()
            let due = try store.notices(state: nil).filter {
                $0.state != .sent && $0.attempts < maxAttempts && ($0.nextAttempt.map { $0 <= at } ?? false)
            }
            return RemindSummary(
                asOf: asOf, dryRun: true, found: found.count, queued: fresh.count,
                alreadyQueued: found.count - fresh.count, attempted: due.count, sent: 0, failed: 0,
                notices: fresh.map { line($0, state: .pending, error: nil) })
        }
        let target = "as-of \(asOf)"
        let queued = try store.enqueueNotices(
            fresh,
            audit: AuditEntry(
                at: now(), actor: actor, address: nil, action: "remind.queue", target: target,
                after: "{\"queued\":\(fresh.count)}"))
        var outcomes: [Int64: DeliveryError?] = [:]
        var attempted = 0
        var sent = 0
        var failed = 0
        while true {
            let at = now()
            let claimed = try store.claimDueNotices(
                now: at, leaseUntil: at.addingTimeInterval(lease),
                maxAttempts: maxAttempts, limit: claimBatch)
            if claimed.isEmpty { break }
            for (n, error) in await deliver(claimed) {
                guard let id = n.id else { continue }
                attempted += 1
                if let error {
                    failed += 1
                    try store.recordDelivery(
                        id: id,
                        .failed(
                            error: error.description,
                            retryAt: planner.configuration.retryAt(
                                afterAttempts: n.attempts,
                                now: now())))
                } else {
                    sent += 1
                    try store.recordDelivery(id: id, .sent(at: now()))
                }
                outcomes[id] = error
            }
        }
        if attempted > 0 {
            try store.appendAudit([
                AuditEntry(
                    at: now(), actor: actor, address: nil, action: "remind.deliver", target: target,
                    after: "{\"failed\":\(failed),\"sent\":\(sent)}")
            ])
        }
        let lines = queued.map { n -> RemindSummary.Line in
            let outcome = n.id.flatMap { outcomes[$0] }
            let state: NoticeState = outcome == nil ? .pending : (outcome! == nil ? .sent : .failed)
            return line(n, state: state, error: outcome.flatMap { $0?.description })
        }
        return RemindSummary(
            asOf: asOf, dryRun: false, found: found.count, queued: queued.count,
            alreadyQueued: found.count - fresh.count, attempted: attempted, sent: sent, failed: failed,
            notices: lines)
    }

    static func line(_ n: Notice, state: NoticeState, error: String?) -> RemindSummary.Line {
        RemindSummary.Line(
            person: n.key.person, recipient: n.recipient, school: n.school, kind: n.key.kind,
            window: n.key.window, channel: n.channel, address: n.address, subject: n.subject, state: state,
            error: error)
    }
}
