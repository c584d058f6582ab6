import Foundation

/// How `xinyu attendance import` (and `POST /api/v1/trainings/{id}/attendance`) applies a sign-in sheet.
public struct AttendanceImportOptions: Sendable {
    /// Any bad row rejects the whole file (nothing is applied).
    public var strict = false
    /// Check and report; write nothing.
    public var dryRun = false
    /// The sheet of an .xlsx workbook (nil: the first).
    public var sheet: String?
    /// Where to write the bad rows back with a reason column (`.xlsx` or `.csv`), or nil.
    public var errorsOut: String?
    /// Who enters the records (`cli:USER`, an account name), kept on each record and transition.
    public var actor = "cli:unknown"
    /// The name the summary gives the file (the server's uploads are `upload`), nil for its path.
    public var sourceName: String?
    /// When the records are entered.
    public var now = Date()

    public init() {}
}
