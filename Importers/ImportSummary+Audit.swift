extension ImportSummary {
    /// What the audit trail records of an import: the feed, how it ended, and how many records were stored and
    /// refused.
    public var auditValues: [String: String?] {
        [
            "feed": feed, "format": format, "status": status.rawValue, "accepted": String(accepted.total),
            "rejected": String(rejected.count), "digest": digest,
        ]
    }

    /// Whether the attempt wrote anything (data or an import-log row): dry runs and validations do not.
    public var wroteToStore: Bool { !dryRun && status != .valid && status != .invalid }
}
