/// Which entered records ``TrainingStore/recordEntries(_:)`` lists; each field given narrows the list.
public struct RecordFilter: Sendable, Hashable {
    public var ids: [Int64]?
    public var school: String?
    public var teacher: String?
    public var course: String?
    public var states: [RecordState]?

    public init(
        ids: [Int64]? = nil, school: String? = nil, teacher: String? = nil, course: String? = nil,
        states: [RecordState]? = nil
    ) {
        self.ids = ids
        self.school = school
        self.teacher = teacher
        self.course = course
        self.states = states
    }
}
