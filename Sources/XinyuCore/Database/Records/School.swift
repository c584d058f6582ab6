import GRDB

/// A school, as the feeds describe it (table `school`).
public struct School: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "school"
    public var id: String
    public var name: String
    public var stage: Stage
    public var counselingRoom: Bool
    /// The 6-digit administrative code of the district that last sent this school.
    public var district: String

    public init(id: String, name: String, stage: Stage, counselingRoom: Bool, district: String) {
        self.id = id
        self.name = name
        self.stage = stage
        self.counselingRoom = counselingRoom
        self.district = district
    }
}
