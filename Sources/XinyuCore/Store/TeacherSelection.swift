/// Which teachers a bulk read covers: optionally one school, active only unless `includeInactive`, and optionally a
/// half-open range of teacher ids (one part of a district read in parallel).
public struct TeacherSelection: Sendable, Hashable {
    /// Only this school's teachers.
    public var school: String?
    /// Also inactive teachers.
    public var includeInactive: Bool
    /// The lowest teacher id in range.
    public var from: String?
    /// The first teacher id past the range.
    public var below: String?

    /// A selection; by default every active teacher of the district.
    public init(school: String? = nil, includeInactive: Bool = false, from: String? = nil, below: String? = nil) {
        self.school = school
        self.includeInactive = includeInactive
        self.from = from
        self.below = below
    }
}
