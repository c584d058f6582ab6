import Foundation
import GRDB

/// Where a school's stored master timetable came from (table `timetable`): one row per school that has imported
/// one. A new import replaces the school's timetable whole.
public struct TimetableSource: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "timetable"
    public var schoolId: String
    /// The file as the user named it.
    public var file: String
    /// `fet` (FET's CSV timetable export) or `simple` (teacher, weekday, period).
    public var format: String
    public var importedAt: Date
    /// File rows applied.
    public var rows: Int

    public init(schoolId: String, file: String, format: String, importedAt: Date, rows: Int) {
        self.schoolId = schoolId
        self.file = file
        self.format = format
        self.importedAt = importedAt
        self.rows = rows
    }
}
