/// What the certification engine reads of a selection of teachers as of a date, all from one committed state
/// (``ReportStore/certificationReadings(asOf:school:includeInactive:parts:withSchools:_:)``).
public struct CertificationReading: Sendable {
    /// The selected teachers, sorted by school, then id.
    public var teachers: [Teacher]
    /// Awards issued on or before the date, of the selected id range and school (inactive teachers' too), in store
    /// order.
    public var awards: [Award]
    /// Counted attendance of tracks A, B, C and cpd dated on or before the date, per teacher id, each teacher's in
    /// no particular order: the engine only sums them (by track, date range and pass), and the PostgreSQL store
    /// receives them grouped per teacher without sorting them.
    public var attendance: [String: [TrackedAttendance]]
    /// Practice toward A up to the date.
    public var practice: PracticeTotals
    /// The schools with their names (every school sorted by id, or the one school selected), when asked for; nil
    /// otherwise and in every part but the first.
    public var schools: [SchoolName]?

    /// A reading.
    public init(
        teachers: [Teacher], awards: [Award], attendance: [String: [TrackedAttendance]],
        practice: PracticeTotals, schools: [SchoolName]?
    ) {
        self.teachers = teachers
        self.awards = awards
        self.attendance = attendance
        self.practice = practice
        self.schools = schools
    }
}
