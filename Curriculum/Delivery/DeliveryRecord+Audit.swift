import XinyuCore

extension DeliveryRecord {
    /// The values an audit line keeps of a delivery record.
    public var auditValues: [String: String?] {
        [
            "id": id.map(String.init), "teacher": teacherId, "given": given ? "true" : "false", "reason": reason?.rawValue,
            "reflection": reflection, "supersedes": supersedes.map(String.init),
        ]
    }
}
