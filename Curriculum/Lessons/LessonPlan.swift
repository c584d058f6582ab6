/// One lesson plan of the library: what a psychology period does with a class of one band.
public struct LessonPlan: Sendable, Codable, Hashable {
    /// The main activity and its form.
    public struct MainActivity: Sendable, Codable, Hashable {
        public var form: ActivityForm
        public var description: String
    }

    public var id: String
    public var band: Band
    public var theme: Theme
    /// Chinese title.
    public var title: String
    public var titleEn: String
    public var objectives: [String]
    public var minutes: Int
    public var warmUp: String
    public var main: MainActivity
    public var closing: String
    public var materials: [String]
    /// Months (1–12) in which this lesson fits best: 5 for the mental-health month, exam months for exam lessons.
    public var preferredMonths: [Int]
    /// The grades of the band it is written for (issue #19: a school's own plan may name them); nil: all of them.
    public var grades: [Int]? = nil
}
