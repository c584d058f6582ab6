import XinyuCore

/// A school's delivery rate for a term up to a date (issue #19), by class and by teacher: of the scheduled
/// lessons dated on or before the date, the share whose newest record says given. Sessions not recorded count as
/// not delivered (the rate is of lessons due, not of lessons recorded); group sessions are not lessons.
public struct DeliveryRates: Sendable, Codable, Hashable {
    /// One class or one teacher.
    public struct Line: Sendable, Codable, Hashable {
        /// The class id, or the teacher id.
        public var id: String
        /// The teacher's name (empty for a class).
        public var name: String
        public var due: Int
        public var given: Int
        public var notGiven: Int
        /// Due lessons with no record yet.
        public var unrecorded: Int { due - given - notGiven }
        /// `given / due`, nil when nothing is due.
        public var rate: Double? { due == 0 ? nil : Double(given) / Double(due) }
    }

    public var school: String
    public var term: String
    public var asOf: Day
    public var byClass: [Line]
    public var byTeacher: [Line]
    public var total: Line

    /// Sums tallies by class (by id) and by teacher (by id).
    public init(school: String, term: String, asOf: Day, tallies: [DeliveryTally], teacherNames: [String: String]) {
        self.school = school
        self.term = term
        self.asOf = asOf
        func lines(_ key: (DeliveryTally) -> String, name: (String) -> String) -> [Line] {
            var m: [String: Line] = [:]
            for t in tallies {
                let k = key(t)
                m[k, default: Line(id: k, name: name(k), due: 0, given: 0, notGiven: 0)].due += t.due
                m[k]!.given += t.given
                m[k]!.notGiven += t.notGiven
            }
            return m.values.sorted { $0.id < $1.id }
        }
        byClass = lines(\.classId) { _ in "" }
        byTeacher = lines(\.teacherId) { teacherNames[$0] ?? "" }
        total = Line(
            id: school, name: "", due: tallies.reduce(0) { $0 + $1.due }, given: tallies.reduce(0) { $0 + $1.given },
            notGiven: tallies.reduce(0) { $0 + $1.notGiven })
    }
}

extension Curriculum {
    /// `school`'s delivery rates for `term` (nil: the latest term stored for it) up to `asOf`; nil when the school
    /// has no stored schedule.
    public static func deliveryRates(in store: any XinyuStore, school: String, term: Term? = nil, asOf: Day) throws
        -> DeliveryRates?
    {
        guard let stored = try store.storedSchedule(school: school, term: term) else { return nil }
        let tallies = try store.deliveryTallies(school: school, term: stored.term, asOf: asOf)
        return DeliveryRates(
            school: school, term: stored.term.description, asOf: asOf, tallies: tallies, teacherNames: stored.teacherNames)
    }
}
