/// A stored award number and the award (teacher, level, issue day) that holds it; numbers are unique in the store.
public struct StoredAwardNumber: Sendable, Hashable {
    public var teacherId: String
    /// The level's stored word (`A`, `B`, `C`).
    public var level: String
    /// The issue day's stored text (`YYYY-MM-DD`).
    public var issued: String
    public var number: String

    public init(teacherId: String, level: String, issued: String, number: String) {
        self.teacherId = teacherId
        self.level = level
        self.issued = issued
        self.number = number
    }
}
