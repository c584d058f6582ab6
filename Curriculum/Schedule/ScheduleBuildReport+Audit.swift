extension ScheduleBuildReport {
    /// What the audit trail records of a schedule build.
    public var auditValues: [String: String?] {
        [
            "term": term, "schools": String(schools), "classes": String(classes), "sessions": String(sessions),
            "unplaced": String(unplaced.count),
        ]
    }
}
