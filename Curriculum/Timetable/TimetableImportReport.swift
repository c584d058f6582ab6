import XinyuCore

/// What `xinyu timetable import` did: the rows read and applied, and every rejected row with its line.
public struct TimetableImportReport: Sendable, Codable {
    /// A rejected row.
    public struct Rejection: Sendable, Codable, Hashable {
        /// The 1-based line of the file.
        public var line: Int
        public var problem: String
    }

    public var file: String
    public var school: String
    /// `fet` or `simple`.
    public var format: String
    /// `UTF-8`, `UTF-16` or `GB18030`.
    public var encoding: String
    /// `applied` (every row), `partial` (some rows rejected) or `rejected` (no row applied; nothing changed).
    public var status: ImportStatus
    /// Data rows in the file.
    public var rows: Int
    public var applied: Int
    /// Applied rows whose subject is psychology (the classes' psychology slots, not busy time).
    public var psychologyRows: Int
    /// Distinct teachers and classes in the applied rows.
    public var teachers: Int
    public var classes: Int
    public var rejected: [Rejection]

    /// 0 every row applied, 3 some rows rejected, 2 no row applied.
    public var exitStatus: Int32 {
        switch status {
        case .applied: 0
        case .partial: 3
        default: 2
        }
    }
}
