/// One problem ``MaintenanceStore/consistencyProblems()`` found: which table, which row, what is wrong.
public struct StoreProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The table, or `database` for the engine's own integrity check.
    public var table: String
    /// The row's key, e.g. `T0000001/C0001`.
    public var key: String
    public var problem: String

    public init(table: String, key: String, problem: String) {
        self.table = table
        self.key = key
        self.problem = problem
    }

    /// "attendance T1/C1: negative hours -1.0"
    public var description: String { "\(table) \(key): \(problem)" }
}
