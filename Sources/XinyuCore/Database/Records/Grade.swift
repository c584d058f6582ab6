import GRDB

/// One grade level of a school and how many classes it has (table `grade`). Classes are counted, never named
/// after students: class `k` of grade `g` at school `S` is identified as `S-g-k`.
public struct Grade: Sendable, Codable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "grade"
    public var schoolId: String
    public var level: Int
    public var classes: Int

    public init(schoolId: String, level: Int, classes: Int) {
        self.schoolId = schoolId
        self.level = level
        self.classes = classes
    }
}
