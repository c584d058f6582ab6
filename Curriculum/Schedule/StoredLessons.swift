/// The stored lesson plans the scheduler may use besides the bundled library (issue #19): the district library
/// (the district's own plans in use and the school plans it approved) and each school's own plans in use.
public struct StoredLessons: Sendable {
    public var district: [LessonPlan]
    /// School id → that school's own plans (not retired; approved ones are in ``district`` too).
    public var bySchool: [String: [LessonPlan]]

    public init(district: [LessonPlan] = [], bySchool: [String: [LessonPlan]] = [:]) {
        self.district = district
        self.bySchool = bySchool
    }

    /// No stored plans: the bundled library only.
    public static let none = StoredLessons()

    /// Every stored plan once.
    public var all: [LessonPlan] {
        var seen = Set<String>()
        return (district + bySchool.keys.sorted().flatMap { bySchool[$0] ?? [] }).filter { seen.insert($0.id).inserted }
    }
}
