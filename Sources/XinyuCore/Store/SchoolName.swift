/// A school's id and name.
public struct SchoolName: Sendable, Hashable {
    /// The school id.
    public var id: String
    /// The school's name.
    public var name: String

    /// A school's id and name.
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
