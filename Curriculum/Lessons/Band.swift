/// A grade band of the 2012 MoE guidelines (DOMAIN.md): what a class's lessons are drawn from.
public enum Band: String, Sendable, Codable, CaseIterable, Comparable {
    case low, middle, high, junior, senior

    /// The band of a grade level 1…12, or nil for any other number.
    public init?(grade: Int) {
        switch grade {
        case 1...2: self = .low
        case 3...4: self = .middle
        case 5...6: self = .high
        case 7...9: self = .junior
        case 10...12: self = .senior
        default: return nil
        }
    }

    public var grades: ClosedRange<Int> {
        switch self {
        case .low: 1...2
        case .middle: 3...4
        case .high: 5...6
        case .junior: 7...9
        case .senior: 10...12
        }
    }

    /// Length of one period: 40 minutes in primary school, 45 in secondary (DOMAIN.md).
    public var periodMinutes: Int { self <= .high ? 40 : 45 }

    public var order: Int { Band.allCases.firstIndex(of: self)! }
    public static func < (a: Band, b: Band) -> Bool { a.order < b.order }
}

/// A lesson theme; every band's library covers all seven.
public enum Theme: String, Sendable, Codable, CaseIterable {
    case selfAwareness = "self-awareness"
    case emotions, learning, relationships, adaptation
    case lifeSafety = "life-safety"
    case career
}

/// The form of a lesson's main activity.
public enum ActivityForm: String, Sendable, Codable, CaseIterable {
    case game
    case rolePlay = "role-play"
    case story, discussion, drawing, psychodrama
}
