/// What a reviewer does to entered records (`xinyu approvals approve|certify|return`).
public enum ApprovalAction: String, Sendable, Codable, CaseIterable {
    /// A school-admin vouches for a `submitted` record: `approved`.
    case approve
    /// A district-admin vouches for an `approved` record: `certified` (counted hours).
    case certify
    /// Sent back with a reason: by a school-admin from `submitted`, by a district-admin from `approved`.
    case `return`
}

/// In which capacity a reviewer acts (RULES.md names who moves which state).
public enum ReviewCapacity: String, Sendable, Codable, CaseIterable {
    case schoolAdmin = "school-admin"
    case districtAdmin = "district-admin"
}
