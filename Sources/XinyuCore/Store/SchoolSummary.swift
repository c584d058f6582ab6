/// A school with its class and teacher counts, for listings.
public struct SchoolSummary: Sendable, Codable, Hashable {
    public var id: String
    public var name: String
    public var stage: Stage
    public var counselingRoom: Bool
    public var classes: Int
    public var activeTeachers: Int
}
