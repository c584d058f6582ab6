import GRDB

/// A training course (table `course`).
public struct Course: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "course"
    public var id: String
    public var title: String
    public var provider: String?
    public var tier: Int
    public var mode: Int
    public var hoursTenths: Int
    public var start: Day
    public var end: Day
    public var track: Track
    public var category: Category
    public var capacity: Int?

    public var hours: Hours { Hours(tenths: hoursTenths) }

    public init(
        id: String, title: String, provider: String?, tier: Int, mode: Int, hours: Hours,
        start: Day, end: Day, track: Track, category: Category, capacity: Int?
    ) {
        self.id = id
        self.title = title
        self.provider = provider
        self.tier = tier
        self.mode = mode
        self.hoursTenths = hours.tenths
        self.start = start
        self.end = end
        self.track = track
        self.category = category
        self.capacity = capacity
    }
}
