import GRDB

/// A certificate award (table `award`, key teacher + level + issued).
public struct Award: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "award"
    public var teacherId: String
    public var level: Level
    public var issued: Day
    public var number: String?
    /// The explicit first end; when nil the rule profile's validity applies.
    public var expires: Day?

    public init(teacherId: String, level: Level, issued: Day, number: String?, expires: Day?) {
        self.teacherId = teacherId
        self.level = level
        self.issued = issued
        self.number = number
        self.expires = expires
    }
}
