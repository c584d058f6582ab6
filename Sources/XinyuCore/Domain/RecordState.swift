/// Who vouches for an attendance record (RULES.md "Record states"). The store keeps the word; the approval
/// machine in `Certifications/Approval/` decides which moves exist and who makes them.
public enum RecordState: String, Sendable, Codable, CaseIterable {
    /// Entered by a school or submitted by a teacher, waiting for the school's admin.
    case submitted
    /// Approved by the school's admin, waiting for the district.
    case approved
    /// Sent back with a reason (by the school or the district), waiting to be corrected and sent again.
    case returned
    /// Checked by the district: counted hours. Feed and IMS records are certified on arrival.
    case certified

    /// The states whose hours count under the default profile (`countApproved: false`): `certified` only.
    public static let countedByDefault: [RecordState] = [.certified]
}

/// Where a record entered by hand came from.
public enum RecordSource: String, Sendable, Codable, CaseIterable {
    /// A row of a school's sign-in sheet (`xinyu attendance import`).
    case sheet
    /// A teacher's outside training with evidence.
    case submission
}
