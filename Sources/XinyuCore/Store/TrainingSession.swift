/// A training a school entered itself (a course of table `course` owned by the school), with how many of its
/// records are in each state (``TrainingStore/trainings(school:from:to:)``).
public struct TrainingSession: Sendable, Codable, Hashable {
    /// The course, with every field of a feed course.
    public var course: Course
    /// The school that ran it.
    public var schoolId: String
    /// `school` for a training the school ran, `submission` for the course of a teacher's outside training.
    public var source: String
    /// Who entered it (`cli:USER`, an account name) and when (ISO 8601, UTC).
    public var createdBy: String
    public var createdAt: String
    /// Records of this course per state (every state present, 0 when none).
    public var records: [String: Int]

    public init(
        course: Course, schoolId: String, source: String, createdBy: String, createdAt: String,
        records: [String: Int]
    ) {
        self.course = course
        self.schoolId = schoolId
        self.source = source
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.records = records
    }
}
