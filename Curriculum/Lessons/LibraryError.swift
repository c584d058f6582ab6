import XinyuCore

/// A lesson-library request that cannot be done (issue #19); nothing was written.
public struct LibraryError: XinyuError, Hashable {
    public var id: String
    public var problem: String
    /// Whether no item has this id (the server answers 404).
    public var isUnknown = false

    public init(id: String, problem: String) {
        self.id = id
        self.problem = problem
    }

    public var description: String { "library item \(id): \(problem)" }

    static func unknown(_ id: String) -> LibraryError {
        var e = LibraryError(id: id, problem: "no such lesson plan or activity (bundled or stored)")
        e.isUnknown = true
        return e
    }

    static func bundled(_ id: String) -> LibraryError {
        LibraryError(id: id, problem: "a bundled item is read-only; copy it to a school to adapt it")
    }
}
