import XinyuCore

/// What the yearly statistics refuse, in words any client can read.
public enum StatisticsError: XinyuError, Equatable {
    /// The teacher is not active: the yearly statistics count the active teachers (RULES.md).
    case inactiveTeacher(id: String)

    public var description: String {
        switch self {
        case .inactiveTeacher(let id):
            "teacher \(id) is inactive: the yearly statistics and hours certificates cover active teachers (RULES.md)"
        }
    }
}
