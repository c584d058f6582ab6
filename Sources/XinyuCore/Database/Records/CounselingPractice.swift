import GRDB

/// A counselor's individual-counseling hours on one day (table `counseling`). Never a student's identity.
public struct CounselingPractice: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "counseling"
    public var teacherId: String
    public var date: Day
    public var hoursTenths: Int

    public var hours: Hours { Hours(tenths: hoursTenths) }

    public init(teacherId: String, date: Day, hours: Hours) {
        self.teacherId = teacherId
        self.date = date
        self.hoursTenths = hours.tenths
    }
}
