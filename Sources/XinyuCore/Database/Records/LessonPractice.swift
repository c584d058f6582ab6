import GRDB

/// Psychology class periods a teacher gave on one day (table `lessonPractice`).
public struct LessonPractice: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "lessonPractice"
    public var teacherId: String
    public var date: Day
    public var periods: Int

    public init(teacherId: String, date: Day, periods: Int) {
        self.teacherId = teacherId
        self.date = date
        self.periods = periods
    }
}
