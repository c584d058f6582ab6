import XinyuCore

/// What one `xinyu remind` run did (or, with `--dry-run`, would do).
public struct RemindSummary: Sendable, Codable {
    /// One notice the run queued (or would queue).
    public struct Line: Sendable, Codable, Hashable {
        public var person: String
        public var recipient: String
        public var school: String?
        public var kind: String
        public var window: String
        public var channel: NoticeChannel
        public var address: String
        public var subject: String
        /// Its state after this run (a dry run: `pending`).
        public var state: NoticeState
        public var error: String?
    }

    public var asOf: Day
    public var dryRun: Bool
    /// Notices the date calls for.
    public var found: Int
    /// Of those, the ones new to the outbox (queued now, or in a dry run: would be).
    public var queued: Int
    /// Of those, the ones the outbox already had (sent or queued by an earlier run).
    public var alreadyQueued: Int
    /// Delivery attempts made (new notices and retries of failed ones); a dry run: notices due now.
    public var attempted: Int
    public var sent: Int
    public var failed: Int
    /// The new notices.
    public var notices: [Line]

    /// The notices as a table.
    public func table() -> TextTable {
        TextTable(
            headers: ["kind", "person", "recipient", "school", "window", "channel", "state", "subject"],
            rows: notices.map {
                [
                    $0.kind, $0.person, $0.recipient, $0.school ?? "", $0.window, $0.channel.rawValue,
                    $0.state.rawValue + ($0.error.map { ": \($0)" } ?? ""), $0.subject,
                ]
            })
    }

    /// The one-line summary.
    public var headline: String {
        dryRun
            ? "dry run as of \(asOf): \(found) notice(s) due, \(queued) new, \(alreadyQueued) already in the outbox; "
                + "\(attempted) in the outbox due for delivery; nothing written or sent"
            : "as of \(asOf): \(found) notice(s) due, \(queued) queued, \(alreadyQueued) already in the outbox; "
                + "\(attempted) delivery attempt(s): \(sent) sent, \(failed) failed"
    }
}
