/// A school with its class and teacher counts, for listings.
public struct SchoolSummary: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var stage: Stage
    public var counselingRoom: Bool
    public var classes: Int
    public var activeTeachers: Int

    public init(id: String, name: String, stage: Stage, counselingRoom: Bool, classes: Int, activeTeachers: Int) {
        self.id = id
        self.name = name
        self.stage = stage
        self.counselingRoom = counselingRoom
        self.classes = classes
        self.activeTeachers = activeTeachers
    }
}
