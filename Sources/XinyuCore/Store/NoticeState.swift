/// Where a notice of the outbox stands (issue #16).
public enum NoticeState: String, Sendable, Codable, CaseIterable {
    /// Queued, not yet handed to its channel.
    case pending
    /// Handed to its channel (sendmail took it, the robot answered ok, the CSV line was written).
    case sent
    /// The last attempt failed (its error is kept); retried with backoff until the attempts run out.
    case failed
}
