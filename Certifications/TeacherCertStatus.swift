import XinyuCore

/// A teacher's certification picture as of a date: what `certs list`, coverage and the scheduler read.
public struct TeacherCertStatus: Sendable, Codable, Hashable {
    public var teacherId: String
    public var name: String
    public var schoolId: String
    public var role: Role
    public var teacherStatus: TeacherStatus
    /// The highest certified level, or nil (none).
    public var effectiveLevel: Level?
    /// The highest level ever awarded (issued on or before the date), or nil.
    public var highestAwarded: Level?
    /// The level the teacher's role requires (from the profile).
    public var requiredLevel: Level
    /// Active, and effective level at or above ``requiredLevel``.
    public var meetsRoleRequirement: Bool
    /// C, B, A in that order.
    public var levels: [LevelStatus]

    /// The status of one level.
    public func level(_ l: Level) -> LevelStatus { levels.first { $0.level == l }! }
    public var isActive: Bool { teacherStatus == .active }
    /// Counted once as expiring: the award of the effective level is expiring (RULES.md).
    public var isExpiring: Bool { effectiveLevel.map { level($0).expiring } ?? false }
    /// Counted once as lapsed: the highest level ever awarded is above the effective level (RULES.md).
    public var isLapsed: Bool {
        guard let h = highestAwarded else { return false }
        return effectiveLevel.map { h > $0 } ?? true
    }
}
