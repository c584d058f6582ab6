/// A teacher's outside training (a provincial online course, a provider's workshop) sent with one evidence file:
/// the course as the teacher describes it and the record's result. The record is `completed` with the course's
/// hours, dated on the course's last day.
public struct TrainingSubmission: Sendable, Hashable {
    public var teacherId: String
    /// The course (its `id` is ignored: the store numbers the submission's course).
    public var course: Course
    public var result: CourseResult
    public var note: String?

    public init(teacherId: String, course: Course, result: CourseResult, note: String?) {
        self.teacherId = teacherId
        self.course = course
        self.result = result
        self.note = note
    }
}
