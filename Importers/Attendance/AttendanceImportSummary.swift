/// What one sign-in sheet import did (`xinyu attendance import --format json` prints it as it is).
public struct AttendanceImportSummary: Sendable, Codable, Hashable {
    public enum Status: String, Sendable, Codable {
        /// Every row applied (or found unchanged).
        case applied
        /// Some rows rejected, the others applied.
        case partial
        /// Nothing applied: `strict` and a bad row.
        case rejected
    }

    public var file: String
    /// The sheet read (xlsx), or nil for CSV.
    public var sheet: String?
    /// The text encoding found (CSV), or nil for xlsx.
    public var encoding: String?
    /// The SHA-256 of the file (hex).
    public var digest: String
    public var course: String
    public var status: Status
    public var dryRun: Bool
    public var strict: Bool
    /// The header's row number.
    public var headerRow: Int
    /// New records (`submitted`).
    public var added = 0
    /// `submitted` records with other values, replaced.
    public var updated = 0
    /// `returned` records corrected and `submitted` again.
    public var resubmitted = 0
    /// Rows the same as stored.
    public var unchanged = 0
    /// Rows naming a teacher with no hours, status or signature: not signed in, no record.
    public var notSignedIn = 0
    /// Rows with no teacher id or name (titles, totals): skipped.
    public var skipped = 0
    /// Bad rows (each with one error).
    public var rejected = 0
    /// The bad rows' errors, in row order (the first 1,000).
    public var errors: [AttendanceRowError] = []
    /// Where the bad rows were written back, when asked.
    public var errorsFile: String?

    /// 0 applied, 3 partial, 2 rejected (as for feeds).
    public var exitStatus: Int32 {
        switch status {
        case .applied: 0
        case .partial: 3
        case .rejected: 2
        }
    }
}
