/// Which teachers a bulk read covers: optionally one school or the schools of one district (a feed's `district` code,
/// issue #18), active only unless `includeInactive`, and optionally a half-open range of teacher ids (one part of a
/// district read in parallel).
public struct TeacherSelection: Sendable, Hashable {
    /// Only this school's teachers.
    public var school: String?
    /// Only the teachers of this district's schools (the store's `school.district`).
    public var district: String?
    /// Also inactive teachers.
    public var includeInactive: Bool
    /// The lowest teacher id in range.
    public var from: String?
    /// The first teacher id past the range.
    public var below: String?

    /// A selection; by default every active teacher of the district.
    public init(
        school: String? = nil, district: String? = nil, includeInactive: Bool = false, from: String? = nil,
        below: String? = nil
    ) {
        self.school = school
        self.district = district
        self.includeInactive = includeInactive
        self.from = from
        self.below = below
    }
}
