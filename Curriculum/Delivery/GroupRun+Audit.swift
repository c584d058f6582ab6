import XinyuCore

extension GroupRun {
    /// The values an audit line keeps of a group-guidance run.
    public var auditValues: [String: String?] {
        [
            "school": schoolId, "date": date.description, "facilitator": facilitatorId, "activity": activityId,
            "participants": String(participants), "notes": notes,
        ]
    }
}
